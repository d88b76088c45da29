/**
 * Recording histories for the replay tests (test/support/cycle-harness.ts): a new prefix is required and no
 * saved history is ever overwritten, so re-recording cannot make the replay test pass by definition.
 */
import { mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HISTORY_DIR, historyPrefix, writeHistory } from '../support/cycle-harness';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'histories-'));
  for (const name of ['v1-dissolved.json', 'v2-dissolved.json', 'v2-missed-o2.json']) {
    writeFileSync(path.join(dir, name), '{"events":[]}');
  }
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const shown = (d: string): string => path.relative(process.cwd(), d);

describe('the prefix of a recording', () => {
  it('records nothing when RECORD_HISTORIES is unset or empty', () => {
    expect(historyPrefix(undefined, dir)).toBeUndefined();
    expect(historyPrefix('', dir)).toBeUndefined();
  });

  it('accepts a new version prefix', () => {
    expect(historyPrefix('v3', dir)).toBe('v3');
  });

  it('refuses RECORD_HISTORIES=1 and names the next free prefix', () => {
    expect(() => historyPrefix('1', dir)).toThrow(
      `RECORD_HISTORIES=1 is refused: name a new prefix, e.g. RECORD_HISTORIES=v3 ` +
        `(writes v3-<scenario>.json in ${shown(dir)})`,
    );
  });

  it('refuses a prefix whose histories exist, naming them', () => {
    expect(() => historyPrefix('v2', dir)).toThrow(
      `RECORD_HISTORIES=v2 is refused: ${shown(dir)} already holds v2-dissolved.json, v2-missed-o2.json; ` +
        `saved histories are never overwritten, name a new prefix (next free: v3)`,
    );
  });

  it('refuses the prefixes of the committed histories', () => {
    expect(() => historyPrefix('v1', HISTORY_DIR)).toThrow(
      /^RECORD_HISTORIES=v1 is refused: .* already holds v1-/,
    );
    expect(() => historyPrefix('v2', HISTORY_DIR)).toThrow(
      /^RECORD_HISTORIES=v2 is refused: .* already holds v2-/,
    );
  });
});

describe('writing a history', () => {
  it('writes <prefix>-<scenario>.json', async () => {
    const file = await writeHistory(dir, 'v3', 'dissolved', '{"events":[1]}');
    expect(file).toBe(path.join(dir, 'v3-dissolved.json'));
    expect(await fs.readFile(file, 'utf8')).toBe('{"events":[1]}');
  });

  it('never overwrites an existing history', async () => {
    await expect(writeHistory(dir, 'v2', 'dissolved', '{"events":[2]}')).rejects.toThrow(
      'v2-dissolved.json already exists: saved histories are never overwritten',
    );
    expect(await fs.readFile(path.join(dir, 'v2-dissolved.json'), 'utf8')).toBe('{"events":[]}');
  });
});
