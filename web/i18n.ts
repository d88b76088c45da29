/**
 * The reader's language: `?lang=vi|en` (which is then remembered in the `lang` cookie), else the cookie, else
 * `APP_LANG`. Every text comes from the catalogue (`domain/messages/`); dates and money are formatted by
 * `domain/format.ts` (dd/mm/yyyy in Asia/Ho_Chi_Minh, đồng).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { t, type Lang, type Message, type MessageKey, type MessageParams } from '../domain/messages';

/** The cookie that remembers the chosen language. */
export const LANG_COOKIE = 'lang';

function asLang(value: unknown): Lang | undefined {
  return value === 'vi' || value === 'en' ? value : undefined;
}

/** The language of a request. */
export function resolveLang(request: FastifyRequest, fallback: Lang): { lang: Lang; chosen: boolean } {
  const fromQuery = asLang((request.query as { lang?: unknown } | undefined)?.lang);
  if (fromQuery) return { lang: fromQuery, chosen: true };
  return { lang: asLang(request.cookies[LANG_COOKIE]) ?? fallback, chosen: false };
}

/** Sets `request.lang`, and remembers a language chosen with `?lang=` for a year. */
export function applyLang(request: FastifyRequest, reply: FastifyReply, fallback: Lang): void {
  const { lang, chosen } = resolveLang(request, fallback);
  request.lang = lang;
  if (chosen && request.cookies[LANG_COOKIE] !== lang)
    reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 });
}

/** A translator bound to a language: `tr('web.title')`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translator of a request's language. */
export function translator(lang: Lang): Translate {
  return (key, params = {}) => t(key, params, lang);
}

/** A {@link Message} in a language. */
export function textOf(message: Message, lang: Lang): string {
  return t(message.key, message.params ?? {}, lang);
}
