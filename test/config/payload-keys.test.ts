/**
 * `PAYLOAD_KEYS` in worker/config.ts: `id:base64key,…`, the first encrypts; each key 32 bytes; every wrong
 * value refused at start-up with a message naming the variable and never quoting a key.
 */
import { loadConfig } from '../../worker/config';
import { problem, refusal } from '../support/config';

const b64 = (fill: number, bytes = 32): string => Buffer.alloc(bytes, fill).toString('base64');

describe('PAYLOAD_KEYS', () => {
  it('reads the keys in order, the first one current', () => {
    const config = loadConfig({ PAYLOAD_KEYS: ` k2:${b64(2)} , k1.old_2024-x:${b64(1)}` });
    expect(config.payloadKeys?.map((k) => k.id)).toEqual(['k2', 'k1.old_2024-x']);
    expect(
      config.payloadKeys?.map((k) => Buffer.from(k.key).equals(Buffer.alloc(32, k.id === 'k2' ? 2 : 1))),
    ).toEqual([true, true]);
  });

  it('is optional with the embedded Temporal server (npm start keeps a key in DATA_DIR)', () => {
    expect(loadConfig({}).payloadKeys).toBeUndefined();
  });

  it('is required with TEMPORAL_ADDRESS', () => {
    expect(refusal({ TEMPORAL_ADDRESS: 'temporal.example:7233' })).toEqual([
      problem(
        'PAYLOAD_KEYS',
        'must be set when TEMPORAL_ADDRESS names a Temporal server: id:base64key, the key 32 bytes in base64 ' +
          '(44 characters ending in "="), newest first (the key npm start generates is for its embedded server only)',
      ),
    ]);
    expect(
      loadConfig({ TEMPORAL_ADDRESS: 'temporal.example:7233', PAYLOAD_KEYS: `k1:${b64(1)}` }).payloadKeys,
    ).toHaveLength(1);
  });

  it('refuses a key of another length, naming its ID and length but not the key', () => {
    const short = b64(7, 24);
    const problems = refusal({ PAYLOAD_KEYS: `k2:${b64(2)},k1:${short}` });
    expect(problems).toEqual([
      problem(
        'PAYLOAD_KEYS',
        'key k1 must be 32 bytes encoded in base64, 44 characters ending in "=" (it decodes to 24 bytes)',
      ),
    ]);
    expect(problems.join('')).not.toContain(short);
    expect(problems[0]).toBe(
      'Cấu hình sai: biến PAYLOAD_KEYS key k1 must be 32 bytes encoded in base64, 44 characters ending in "=" (it decodes to 24 bytes) / ' +
        'Invalid configuration: variable PAYLOAD_KEYS key k1 must be 32 bytes encoded in base64, 44 characters ending in "=" (it decodes to 24 bytes)',
    );
  });

  it('refuses what is not base64 and a key that is not written canonically', () => {
    expect(refusal({ PAYLOAD_KEYS: 'k1:not a key at all' })).toEqual([
      problem('PAYLOAD_KEYS', 'key k1 must be 32 bytes encoded in base64, 44 characters ending in "="'),
    ]);
    // 32 bytes without the padding: Buffer.from would accept it, an operator's copy may have lost a character.
    expect(refusal({ PAYLOAD_KEYS: `k1:${b64(1).slice(0, 43)}` })).toEqual([
      problem(
        'PAYLOAD_KEYS',
        'key k1 must be 32 bytes encoded in base64, 44 characters ending in "=" (it decodes to 32 bytes)',
      ),
    ]);
  });

  it('refuses an entry without an ID, a bad ID, an ID listed twice and an empty entry, each by its number', () => {
    const key = b64(1);
    expect(refusal({ PAYLOAD_KEYS: `${key},k 2:${key},k1:${key},k1:${b64(3)},` })).toEqual([
      problem(
        'PAYLOAD_KEYS',
        'entry 1 must be id:base64key, the key 32 bytes in base64 (44 characters ending in "=")',
      ),
      problem(
        'PAYLOAD_KEYS',
        'entry 2: the key ID before the colon must be 1 to 64 letters, digits, ".", "_" or "-"',
      ),
      problem('PAYLOAD_KEYS', 'key ID k1 is listed twice'),
      problem(
        'PAYLOAD_KEYS',
        'entry 5 must be id:base64key, the key 32 bytes in base64 (44 characters ending in "=")',
      ),
    ]);
  });

  it('refuses the old PAYLOAD_ENCRYPTION_KEY, which would otherwise be ignored silently', () => {
    expect(refusal({ PAYLOAD_ENCRYPTION_KEY: b64(1) })).toEqual([
      problem(
        'PAYLOAD_ENCRYPTION_KEY',
        'is no longer read: write the key as PAYLOAD_KEYS=<key ID>:<the same key> (see README, "Operations: payload encryption and key rotation")',
      ),
    ]);
  });
});
