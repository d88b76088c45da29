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

/** The literal parts of every catalogue text of a language, split at its `{placeholders}`. */
const TEMPLATES: Readonly<Record<'vi' | 'en', readonly { key: string; parts: readonly string[] }[]>> = {
  vi: templatesOf('vi'),
  en: templatesOf('en'),
};

function templatesOf(lang: 'vi' | 'en'): { key: string; parts: string[] }[] {
  return Object.entries(catalogue as Record<string, Record<'vi' | 'en', string>>)
    .map(([key, texts]) => ({ key, parts: texts[lang].split(/\{\w+\}/) }))
    .filter(({ parts }) => parts.some((p) => /\p{L}/u.test(p))); // a bare `{text}` would fit anything
}

/** Every placeholder name of the catalogue: `{name}` in a text shown to a reader means a value is missing. */
const PLACEHOLDERS: readonly string[] = [
  ...new Set(
    Object.values(catalogue as Record<string, Record<'vi' | 'en', string>>).flatMap((texts) =>
      [...`${texts.vi} ${texts.en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    ),
  ),
];

/** Whether `text` is a template (its literal parts in order) with something in place of each placeholder. */
function fits(parts: readonly string[], text: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return text === first;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last))
    return false;
  // With only "anything" between the parts, taking each middle part at its first place is as good as any.
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** The keys of the catalogue texts of a language that a shown text is (an empty list: it is none of them). */
export function catalogueKeysOf(text: string, lang: 'vi' | 'en'): string[] {
  return TEMPLATES[lang].filter(({ parts }) => fits(parts, text)).map(({ key }) => key);
}

/**
 * A message as a reader gets it (an API error's `message`, a page's notice) is a catalogue text in the reader's
 * language with every placeholder filled: the counterpart of {@link expectClearMessage} for text.
 */
export function expectClearText(text: string, lang: 'vi' | 'en'): void {
  expect({ text, fitsTheCatalogue: catalogueKeysOf(text, lang).length > 0 }).toEqual({
    text,
    fitsTheCatalogue: true,
  });
  expect({ text, unfilled: PLACEHOLDERS.filter((name) => text.includes(`{${name}}`)) }).toEqual({
    text,
    unfilled: [],
  });
}
