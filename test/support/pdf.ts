/**
 * The text of a PDF as a reader's viewer finds it, read with Mozilla's PDF.js (`pdfjs-dist`, pinned). PDF.js is
 * an ES module only, which jest's CommonJS runtime cannot import, so it runs in a child Node process of its own.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Reads every page's text items in order; items end with a space, lines and pages with a line break. */
const SCRIPT = `
const { getDocument } = await import(process.argv[1]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
let text = '';
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  for (const item of (await page.getTextContent()).items) text += item.str + (item.hasEOL ? '\\n' : ' ');
  text += '\\n';
}
process.stdout.write(text);
`;

/** The text of the PDF `bytes`, page by page. */
export function pdfText(bytes: Buffer): Promise<string> {
  const module = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT, module], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`PDF.js could not read the PDF (exit ${code}): ${Buffer.concat(err).toString('utf8')}`),
        );
    });
    child.stdin.end(bytes);
  });
}
