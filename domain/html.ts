/** Escaping text into HTML, for the web pages, the e-mail bodies and the HTML report alike. */

/** Escapes text for HTML element content and attribute values (quoted with " or '). */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
