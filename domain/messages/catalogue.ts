/**
 * The message catalogue's shape. Every user-facing text lives in one catalogue (`domain/messages/index.ts`),
 * Vietnamese first and English second; areas of the product contribute their own part of it.
 */

/** Languages the product speaks; Vietnamese is the default. */
export type Lang = 'vi' | 'en';

/** Values substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message in both languages; `{name}` marks a placeholder. */
export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

/** A part of the catalogue: message key to text. */
export type CatalogueSection = Readonly<Record<string, BilingualText>>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so a missing value is noticed. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
