/**
 * domain/text.ts: which text cannot be stored, and the walk of a parsed JSON value that finds it in keys and
 * strings, stops at a depth limit and reads a document nested far deeper than a recursive walk could.
 */
import { scanJson, unstorableText } from '../../domain/text';

describe('unstorableText', () => {
  it('names a NUL and a lone surrogate, and lets a whole pair (an emoji) through', () => {
    expect([
      unstorableText('a\u0000b'),
      unstorableText('a\ud800b'),
      unstorableText('a\udc00'),
      unstorableText('🐄'),
    ]).toEqual(['nul', 'surrogate', 'surrogate', null]);
  });
});

describe('scanJson', () => {
  it('finds the text in strings and in keys, by path', () => {
    const scan = scanJson({ a: ['ok', 'x\u0000'], 'k\ud800': 'fine', b: { c: 'y\udfff' } });
    expect([...scan.unstorable].sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: 'a.1', why: 'nul' },
      { path: 'b.c', why: 'surrogate' },
      { path: 'k\ud800', why: 'surrogate' },
    ]);
    expect(scan.tooDeep).toBe(false);
    expect(scanJson('\u0000').unstorable).toEqual([{ path: '', why: 'nul' }]);
  });

  it('goes no deeper than the limit, and says so', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 'x\u0000';
      for (let i = 0; i < levels; i += 1) value = [value];
      return value;
    };
    expect(scanJson(nested(3), 2)).toEqual({ unstorable: [], tooDeep: true });
    expect(scanJson(nested(3), 3)).toEqual({ unstorable: [{ path: '0.0.0', why: 'nul' }], tooDeep: false });
    expect(scanJson(nested(200_000)).unstorable).toHaveLength(1);
  });

  it('skips binary views: files are judged by their content', () => {
    expect(scanJson({ file: Buffer.from('a\u0000b') })).toEqual({ unstorable: [], tooDeep: false });
  });
});
