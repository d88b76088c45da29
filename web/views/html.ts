/**
 * Safe HTML by construction: the `html` tagged template escapes every interpolated value, unless it is already
 * {@link SafeHtml} (the output of another `html` template, or {@link raw} for markup the code itself wrote).
 * Arrays are joined, `undefined`, `null` and `false` render nothing. Views build pages only with these, so a
 * forgotten `escapeHtml` cannot happen.
 */
import { escapeHtml } from '../../domain/html';

/** Markup that is safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  /** The markup. */
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value as string | number | bigint | boolean));
}

/** The `html` template tag: literal parts as written, every value escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup written by the code itself (never user input), inserted without escaping. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins fragments with a separator (escaped like any value). */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}
