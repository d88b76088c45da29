/**
 * The locator of JSON syntax errors behind the roster's messages (`domain/roster/json-syntax.ts`), property-based:
 * on JSON texts spoiled at random it finds an error exactly when `JSON.parse` refuses the text, and the place it
 * names is in the text; examples pin the line, column and character, and a document nested far too deep.
 */
import fc from 'fast-check';
import { locateJsonError } from '../../domain/roster';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A JSON text, now and then spoiled: cut, a character taken out, or one put in. */
const text = fc
  .tuple(
    fc.json({ depthSize: 'small' }),
    fc.nat(),
    fc.constantFrom('cut', 'drop', 'insert', 'none'),
    fc.constantFrom(
      ',',
      '}',
      ']',
      '{',
      '[',
      ':',
      '"',
      '\\',
      'x',
      '\n',
      '\u0001',
      ' ',
      '-',
      '.',
      'e',
      '0',
      't',
    ),
  )
  .map(([json, at, how, c]) => {
    const i = json.length === 0 ? 0 : at % (json.length + 1);
    if (how === 'cut') return json.slice(0, i);
    if (how === 'drop') return json.slice(0, i) + json.slice(i + 1);
    if (how === 'insert') return json.slice(0, i) + c + json.slice(i);
    return json;
  });

describe('locateJsonError', () => {
  it('finds an error exactly when JSON.parse refuses the text, at a place in it', () => {
    fc.assert(
      fc.property(text, (t) => {
        const place = locateJsonError(t);
        expect({ t, located: place !== null }).toEqual({ t, located: !parses(t) });
        if (place?.kind === 'at') {
          const lines = t.split('\n');
          expect(place.line).toBeLessThanOrEqual(lines.length);
          // A line break where it may not be (inside a string) is the character after its line's last.
          expect(place.column).toBeLessThanOrEqual([...lines[place.line - 1]!].length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{\n  "units": [\n    {"code": "A",}\n  ]\n}', { kind: 'at', line: 3, column: 18, found: '}' }],
    ['{"units": [1 2]}', { kind: 'at', line: 1, column: 14, found: '2' }],
    ["{'units': []}", { kind: 'at', line: 1, column: 2, found: "'" }],
    ['{"a": "x\ny"}', { kind: 'at', line: 1, column: 9, found: 'U+000A' }],
    ['{"a": "\\q"}', { kind: 'at', line: 1, column: 9, found: 'q' }],
    ['{"a": tru}', { kind: 'at', line: 1, column: 10, found: '}' }],
    ['{"a": 1} 🌾', { kind: 'at', line: 1, column: 10, found: '🌾' }],
    ['{"units": [\n  {"code": "A"', { kind: 'end', line: 2 }],
    ['{"a": "\\u12', { kind: 'end', line: 1 }],
    ['', { kind: 'end', line: 1 }],
    ['{"units": []}', null],
  ])('%j', (input, expected) => {
    expect(locateJsonError(input)).toEqual(expected);
  });

  it('walks a document nested far deeper than any stack', () => {
    expect(locateJsonError('['.repeat(200_000))).toEqual({ kind: 'end', line: 1 });
    expect(locateJsonError(`${'['.repeat(200_000)}}`)).toEqual({
      kind: 'at',
      line: 1,
      column: 200_001,
      found: '}',
    });
  });
});
