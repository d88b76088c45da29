/**
 * What hostile input looks like, for the property-based tests (fast-check): text an attacker would try, any
 * JSON-like value with that text among its strings, and the check that a refusal is a clear catalogue message.
 */
import fc from 'fast-check';
import { catalogue, t, type Message } from '../../domain/messages';

/** Text an attacker would try: markup, script, formulas, control characters, long runs, emoji. */
export const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    '+1+1',
    '@SUM(A1)',
    '\u0000\u0007\u202e',
    'Xã La Dêê 🌾',
    'x'.repeat(6000),
  ),
);

/** Any JSON-like value, with hostile text among the strings. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        fc.constantFrom('summary', 'households', 'amountDong', 'obligation', 'side', 'actor', 'data'),
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value;

/** A refusal names a catalogue message that reads in both languages with every placeholder filled. */
export function expectClearMessage(message: Message): void {
  expect(Object.hasOwn(catalogue, message.key)).toBe(true);
  for (const lang of ['vi', 'en'] as const) {
    const text = t(message.key, message.params ?? {}, lang);
    expect(text.length).toBeGreaterThan(0);
    // Every placeholder of the template has its value (the text itself may echo input such as "{0}").
    const template = (catalogue[message.key] as Record<typeof lang, string>)[lang];
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    expect(names.filter((n) => !Object.hasOwn(message.params ?? {}, n))).toEqual([]);
  }
}
