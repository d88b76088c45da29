/**
 * Documents attached to a submission (the signed programme of O3 and other scans): what a file is, judged by
 * its first bytes and never by its name, and whether its name and declared type say the same. Pure: bytes come
 * in as a `Uint8Array`, the verdict goes out as a catalogue message.
 */
import type { Message } from './messages';

/** The kinds of document the programme accepts: PDF, or a scan as PNG or JPEG. */
export type DocumentKind = 'pdf' | 'png' | 'jpeg';

/** The content type each kind is stored and served with. */
export const DOCUMENT_CONTENT_TYPES: Readonly<Record<DocumentKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** What each kind is called in a message (the same in both languages). */
const KIND_NAMES: Readonly<Record<DocumentKind, string>> = { pdf: 'PDF', png: 'PNG', jpeg: 'JPEG' };

/** The largest document: 10 MB (the web server's upload limit refuses larger ones before they are read). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The longest file name kept, in characters. */
export const FILENAME_MAX = 200;

const SIGNATURES: readonly { readonly kind: DocumentKind; readonly bytes: readonly number[] }[] = [
  // "%PDF-"
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // The PNG signature: \x89 "PNG" CR LF SUB LF.
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG: start of image, then the first marker's 0xFF.
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The kind of a document by its first bytes (its magic number), or undefined when it is none of them. */
export function sniffDocument(content: Uint8Array): DocumentKind | undefined {
  return SIGNATURES.find((s) => s.bytes.every((byte, i) => content[i] === byte))?.kind;
}

const EXTENSIONS: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

const MIME_TYPES: Readonly<Record<string, DocumentKind>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  // Older browsers' names of JPEG.
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
};

/**
 * The file name to keep: its last path segment (some browsers send a whole path), without control characters,
 * spaces trimmed.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** A file as a form or an API caller sends it: the name and type it claims, and its bytes. */
export interface DocumentFile {
  readonly filename: string;
  /** The content type the sender declared (browsers guess it from the name); '' when none. */
  readonly mimetype: string;
  readonly content: Uint8Array;
}

/** A document that passed the checks: its cleaned name, its kind and the content type to store. */
export interface CheckedDocument {
  readonly filename: string;
  readonly kind: DocumentKind;
  readonly contentType: string;
  readonly size: number;
}

/** The verdict on a file: a document to store, or the catalogue message that says why not. */
export type DocumentCheck =
  | ({ readonly ok: true } & CheckedDocument)
  | { readonly ok: false; readonly message: Message };

function refused(message: Message): DocumentCheck {
  return { ok: false, message };
}

/**
 * Checks a file before it is kept: a name of at most {@link FILENAME_MAX} characters ending in .pdf, .png, .jpg
 * or .jpeg, not empty, at most `maxBytes`, content that is a PDF, PNG or JPEG by its magic number, and the same
 * kind as its name and (unless it is generic) its declared type say.
 */
export function checkDocument(file: DocumentFile, maxBytes: number = DOCUMENT_MAX_BYTES): DocumentCheck {
  const filename = cleanFilename(file.filename);
  if (filename === '') return refused({ key: 'webForms.file.noName' });
  if ([...filename].length > FILENAME_MAX)
    return refused({ key: 'webForms.file.nameTooLong', params: { max: FILENAME_MAX } });
  const named = EXTENSIONS[/\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase() ?? ''];
  if (named === undefined) return refused({ key: 'webForms.file.extension', params: { filename } });
  const size = file.content.length;
  if (size === 0) return refused({ key: 'webForms.file.empty', params: { filename } });
  if (size > maxBytes)
    return refused({
      key: 'webForms.file.tooLarge',
      params: { filename, megabytes: Math.round((maxBytes / (1024 * 1024)) * 10) / 10 },
    });
  const actual = sniffDocument(file.content);
  if (actual === undefined) return refused({ key: 'webForms.file.notDocument', params: { filename } });
  const mime = file.mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  const generic = mime === '' || mime === 'application/octet-stream';
  const declared = generic ? actual : (MIME_TYPES[mime] ?? mime);
  if (named !== actual || declared !== actual) {
    return refused({
      key: 'webForms.file.mismatch',
      params: {
        filename,
        claimed: named !== actual ? KIND_NAMES[named] : mime,
        actual: KIND_NAMES[actual],
      },
    });
  }
  return { ok: true, filename, kind: actual, contentType: DOCUMENT_CONTENT_TYPES[actual], size };
}

/**
 * The `Content-Disposition` of a download: always `attachment` (never shown inline), the name in ASCII for old
 * clients (other characters as `_`, quotes and backslashes removed) and in full as RFC 5987 `filename*`.
 */
export function contentDisposition(filename: string): string {
  const ascii = cleanFilename(filename)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '');
  const encoded = encodeURIComponent(cleanFilename(filename)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
