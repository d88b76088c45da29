/** The shared shell of server-rendered pages (escaping is `domain/html.ts`). */
import { escapeHtml } from '../domain/html';
import type { Lang } from '../domain/messages';

/** Wraps page content in the shared shell with a language switch. */
export function pageShell(options: { lang: Lang; title: string; body: string; path: string }): string {
  const other: Lang = options.lang === 'vi' ? 'en' : 'vi';
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f6f7f9;color:#1c2430}
header{background:#8b1a1a;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff}
main{max-width:960px;margin:24px auto;padding:0 24px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d9dde3;padding:8px 10px;text-align:left;vertical-align:top}
.ok{color:#0a6b2d;font-weight:600}.bad{color:#a40e0e;font-weight:600}
</style>
</head>
<body>
<header><strong>${escapeHtml(options.title)}</strong>
<a href="${escapeHtml(options.path)}?lang=${other}" data-testid="lang-switch">${other === 'en' ? 'English' : 'Tiếng Việt'}</a></header>
<main>${options.body}</main>
</body>
</html>`;
}
