/**
 * The year-end summary as PDF: the HTML page printed by headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is downloaded). A missing browser gives a message that says how to install it.
 */
import { access, constants } from 'node:fs/promises';
import { bilingual } from '../domain/messages';

/** Where Debian puts Chromium. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The browser or the driver is missing: the message says what to install. */
export class PdfUnavailableError extends Error {
  constructor(
    message: string,
    /** What is missing: the browser at `path`, or the playwright-core driver. */
    readonly missing: { readonly what: 'chromium'; readonly path: string } | { readonly what: 'playwright' },
  ) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** Prints `html` to an A4 landscape PDF with Chromium at `executablePath`. */
export async function renderPdf(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new PdfUnavailableError(bilingual('evaluation.report.noChromium', { path: executablePath }), {
      what: 'chromium',
      path: executablePath,
    });
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    // Loaded on demand: only the PDF output needs a browser driver.
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfUnavailableError(bilingual('evaluation.report.noPlaywright'), { what: 'playwright' });
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    // The page is self-contained: nothing to wait for beyond its own parsing.
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      margin: { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#666">Trang <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
