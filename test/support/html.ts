/**
 * Reading the server's pages in tests without a browser: the text of a fragment, the rows of a table by its
 * `data-testid`, the element with a test ID, a hidden field's value. The pages are the server's own markup
 * (`web/views/`), so a few regular expressions over it are enough.
 */

/** HTML text as a reader sees it: tags dropped, entities decoded, white space collapsed. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The markup of the element carrying `data-testid="<id>"` up to its closing tag (elements of another name may nest). */
export function byTestId(body: string, id: string): string | undefined {
  const open = new RegExp(`<(\\w+)[^>]*\\bdata-testid="${id}"[^>]*>`).exec(body);
  if (!open) return undefined;
  const tag = open[1]!;
  const start = open.index;
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = start;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return body.slice(start, m.index + m[0].length);
  }
  return body.slice(start);
}

/** The text of each body row's cells of the table with that test ID ([] when there is no such table). */
export function tableRows(body: string, id: string): string[][] {
  const table = byTestId(body, id);
  if (!table) return [];
  const tbody = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1]!)),
  );
}

/** The value of the hidden field `name` inside `fragment` (the first one). */
export function hiddenValue(fragment: string, name: string): string | undefined {
  const field = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(fragment);
  return field ? textOf(field[1]!) : undefined;
}

/** Every hidden field of a form as an object (the fields a browser would post back). */
export function hiddenFields(form: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g))
    fields[m[1]!] = textOf(m[2]!);
  return fields;
}
