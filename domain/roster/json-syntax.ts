/**
 * Where a JSON document that `JSON.parse` refused goes wrong, so the message can say which line and column in the
 * catalogue's own words: the engine's error text is English only, and quotes the file back at length.
 */

/** The place of the first syntax error of a JSON text, or `end` when the text stops before the document does. */
export type JsonSyntaxError =
  | { readonly kind: 'at'; readonly line: number; readonly column: number; readonly found: string }
  | { readonly kind: 'end'; readonly line: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;

/** An offset where the text is wrong, or END where it stops too early. */
const END = -1;

/** The end of the string literal starting at `at` (its opening quote), or where it is wrong, or END. */
function stringEnd(text: string, at: number): { next: number } | { error: number } {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { next: i + 1 };
    if (c < ' ') return { error: i };
    if (c !== '\\') continue;
    const escape = text[i + 1];
    if (escape === undefined) return { error: END };
    if (ESCAPES.has(escape)) {
      i++;
      continue;
    }
    if (escape !== 'u') return { error: i + 1 };
    for (let k = i + 2; k < i + 6; k++) {
      if (k >= text.length) return { error: END };
      if (!HEX.test(text[k]!)) return { error: k };
    }
    i += 5;
  }
  return { error: END };
}

/** The end of the number, `true`, `false` or `null` starting at `at`, or where it is wrong, or END. */
function scalarEnd(text: string, at: number): { next: number } | { error: number } {
  for (const word of ['true', 'false', 'null']) {
    if (text[at] !== word[0]) continue;
    for (let k = 0; k < word.length; k++) {
      if (at + k >= text.length) return { error: END };
      if (text[at + k] !== word[k]) return { error: at + k };
    }
    return { next: at + word.length };
  }
  NUMBER.lastIndex = at;
  if (NUMBER.test(text)) return { next: NUMBER.lastIndex };
  return { error: text[at] === '-' && at + 1 >= text.length ? END : at };
}

/** The offset of the first syntax error of `text` as JSON, END when it stops early, or null when it is JSON. */
function firstError(text: string): number | null {
  // Walked with a stack of open containers, not by recursion: a document may nest as deep as it likes.
  const open: ('{' | '[')[] = [];
  type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'nothing';
  let expect: Expect = 'value';
  const afterValue = (): Expect => (open.length === 0 ? 'nothing' : 'commaOrClose');
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) return expect === 'nothing' ? null : END;
    const c = text[i]!;
    if (expect === 'nothing') return i;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'commaOrClose') {
      const top = open[open.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        open.pop();
        i++;
        expect = afterValue();
      } else return i;
    } else if ((expect === 'keyOrClose' && c === '}') || (expect === 'valueOrClose' && c === ']')) {
      open.pop();
      i++;
      expect = afterValue();
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if ('error' in end) return end.error;
      i = end.next;
      expect = 'colon';
    } else if (c === '{' || c === '[') {
      open.push(c);
      i++;
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
    } else {
      const end = c === '"' ? stringEnd(text, i) : scalarEnd(text, i);
      if ('error' in end) return end.error;
      i = end.next;
      expect = afterValue();
    }
  }
}

/** The line (from 1) of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A character as a message shows it: itself when printable, else its code point (`U+000A`). */
function shown(c: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c)
    ? c
    : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Where `text` stops being JSON: the line, the column (in characters) and the character found there, or `end`
 * with the last line when the text stops before the document does. Null when `text` is JSON after all.
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const offset = firstError(text);
  if (offset === null) return null;
  if (offset === END) return { kind: 'end', line: lineOf(text, text.trimEnd().length) };
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const found = String.fromCodePoint(text.codePointAt(offset)!);
  return {
    kind: 'at',
    line: lineOf(text, offset),
    column: [...text.slice(start, offset)].length + 1,
    found: shown(found),
  };
}
