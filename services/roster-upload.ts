/**
 * The roster import of the web dashboard (`/roster`, `/api/v1/roster/…`): the same reading, validation and
 * import as `twinning roster import` (`roster/`), in two steps. {@link checkRosterUpload} reads the uploaded
 * files (their format judged by their content), validates every row and runs the import as a dry run; a valid
 * upload is kept in `RosterUpload` with the fingerprint of the plan shown. {@link applyRosterUpload} then
 * imports exactly that: the same bytes (the confirmation must send back their SHA-256) and the same plan (if the
 * database changed since, the import would do something else, and nothing is written).
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { CYCLE_YEARS, isCycleYear } from '../domain/cycle/years';
import type { Message } from '../domain/messages';
import type { RosterError } from '../domain/roster';
import type { Prisma, PrismaClient } from '../generated/prisma';
import {
  currentYearInVietnam,
  importRoster,
  RosterPlanChangedError,
  type ImportRosterSummary,
} from '../roster/import';
import { storedUnitKinds } from '../roster/list';
import { loadRosterBytes } from '../roster/load';
import { sniffRosterFormat, type RosterBytes, type RosterFormat } from '../roster/read-file';

/** How long a checked upload may be confirmed. */
export const ROSTER_UPLOAD_TTL_MS = 60 * 60_000;

/** A file as the web server received it. */
export interface RosterUploadFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** One problem of an upload: where it is (as precisely as known) and what, as a catalogue message. */
export interface RosterProblem {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: Message;
}

/** A checked upload, kept for its confirmation. */
export interface CheckedUpload {
  /** The token the confirmation sends back. */
  readonly id: string;
  readonly format: RosterFormat;
  /** SHA-256 (hex) of the upload: of its one file, or of the two CSV files' digests (units first). */
  readonly sha256: string;
  readonly files: readonly { readonly name: string; readonly sha256: string; readonly size: number }[];
  readonly staffYear: number;
  readonly expiresAt: Date;
}

/** The dry run of an upload: every problem, or the upload kept and what its import would do. */
export type RosterCheck =
  | {
      readonly ok: true;
      readonly upload: CheckedUpload;
      readonly summary: ImportRosterSummary & Required<Pick<ImportRosterSummary, 'changes' | 'fingerprint'>>;
    }
  | { readonly ok: false; readonly problems: readonly RosterProblem[] };

/** Why a confirmation was refused; nothing was written. */
export interface RosterApplyRefusal {
  /** `gone`: unknown, expired or another user's; `applied`: confirmed before; `differs`: not the file shown; `changed`: the database changed since the check. */
  readonly kind: 'gone' | 'applied' | 'differs' | 'changed';
  readonly message: Message;
}

/** The outcome of a confirmation. */
export type RosterApply =
  | { readonly ok: true; readonly summary: ImportRosterSummary; readonly sha256: string }
  | { readonly ok: false; readonly refusal: RosterApplyRefusal };

interface StoredFile {
  readonly name: string;
  readonly sha256: string;
  readonly base64: string;
}

const FORMAT_LABEL: Readonly<Record<RosterFormat, string>> = {
  xlsx: 'Excel (.xlsx)',
  json: 'JSON',
  csv: 'CSV',
};

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 an upload is confirmed by: its file's, or of the two CSV files' digests, units first. */
export function uploadDigest(files: readonly { readonly sha256: string }[]): string {
  return files.length === 1 ? files[0]!.sha256 : sha256(files.map((f) => f.sha256).join('\n'));
}

function problemOf(error: RosterError): RosterProblem {
  return {
    file: error.file,
    ...(error.sheet !== undefined ? { sheet: error.sheet } : {}),
    ...(error.row !== undefined ? { row: error.row } : {}),
    ...(error.column !== undefined && error.column !== '' ? { column: error.column } : {}),
    message: { key: error.key, params: error.params },
  };
}

/**
 * The format of one file by its content, or the problem with it. A file whose name says .xlsx, .json or .csv
 * must hold that; another name (`.txt`, none) is read by its content alone.
 */
function formatOf(file: RosterUploadFile): RosterFormat | RosterProblem {
  if (file.bytes.length === 0) return { file: file.name, message: { key: 'roster.emptyFile' } };
  const sniffed = sniffRosterFormat(file.bytes);
  if (sniffed === 'binary') return { file: file.name, message: { key: 'page.roster.notSpreadsheet' } };
  if (sniffed === 'notUtf8') return { file: file.name, message: { key: 'roster.notUtf8' } };
  const extension = path.extname(file.name).toLowerCase().slice(1);
  if ((extension === 'xlsx' || extension === 'json' || extension === 'csv') && extension !== sniffed)
    return {
      file: file.name,
      message: {
        key: 'page.roster.contentMismatch',
        params: { extension: `.${extension}`, actual: FORMAT_LABEL[sniffed] },
      },
    };
  return sniffed;
}

/** The files of an upload in reading order and their format, or the problems of the upload as a whole. */
function arrange(upload: {
  readonly roster?: RosterUploadFile;
  readonly pairs?: RosterUploadFile;
}): { format: RosterFormat; files: RosterBytes[] } | { problems: RosterProblem[] } {
  if (!upload.roster) return { problems: [{ file: '', message: { key: 'page.roster.noFile' } }] };
  const format = formatOf(upload.roster);
  if (typeof format !== 'string') return { problems: [format] };
  const files = [{ name: upload.roster.name, bytes: upload.roster.bytes }];
  if (format !== 'csv') {
    if (upload.pairs)
      return {
        problems: [
          {
            file: upload.pairs.name,
            message: { key: 'page.roster.pairsOnlyCsv', params: { file: upload.roster.name } },
          },
        ],
      };
    return { format, files };
  }
  if (!upload.pairs)
    return { problems: [{ file: upload.roster.name, message: { key: 'page.roster.pairsMissing' } }] };
  const pairsFormat = formatOf(upload.pairs);
  if (typeof pairsFormat !== 'string') return { problems: [pairsFormat] };
  if (pairsFormat !== 'csv')
    return {
      problems: [
        {
          file: upload.pairs.name,
          message: { key: 'page.roster.pairsNotCsv', params: { actual: FORMAT_LABEL[pairsFormat] } },
        },
      ],
    };
  return { format, files: [...files, { name: upload.pairs.name, bytes: upload.pairs.bytes }] };
}

/**
 * Reads, validates and dry-runs an upload (`roster` is the workbook, the JSON document or the units CSV;
 * `pairs` the pairs CSV). A valid one is kept for {@link ROSTER_UPLOAD_TTL_MS} for `userId` to confirm; expired
 * uploads are deleted on the way. `staffYear` defaults to the current year in Vietnam, as on the CLI.
 */
export async function checkRosterUpload(
  prisma: PrismaClient,
  upload: { readonly roster?: RosterUploadFile; readonly pairs?: RosterUploadFile },
  options: { readonly userId: string; readonly now: Date; readonly staffYear?: number },
): Promise<RosterCheck> {
  const staffYear = options.staffYear ?? currentYearInVietnam(options.now);
  if (!isCycleYear(staffYear))
    return {
      ok: false,
      problems: [
        { file: '', message: { key: 'invalid.year', params: { value: staffYear, ...CYCLE_YEARS } } },
      ],
    };
  const arranged = arrange(upload);
  if ('problems' in arranged) return { ok: false, problems: arranged.problems };
  const loaded = await loadRosterBytes(arranged.format, arranged.files, {
    storedUnits: async () => storedUnitKinds(prisma),
  });
  if (!loaded.ok) return { ok: false, problems: loaded.errors.map(problemOf) };
  const summary = await importRoster(prisma, loaded.roster, { dryRun: true, details: true, staffYear });
  const files = arranged.files.map((f) => ({
    name: f.name,
    sha256: sha256(f.bytes),
    base64: f.bytes.toString('base64'),
  }));
  const id = randomBytes(24).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + ROSTER_UPLOAD_TTL_MS);
  const digest = uploadDigest(files);
  await prisma.$transaction([
    prisma.rosterUpload.deleteMany({ where: { expiresAt: { lt: options.now } } }),
    prisma.rosterUpload.create({
      data: {
        id,
        userId: options.userId,
        format: arranged.format,
        files: files as unknown as Prisma.InputJsonValue,
        sha256: digest,
        staffYear,
        plan: summary.fingerprint!,
        expiresAt,
      },
    }),
  ]);
  return {
    ok: true,
    upload: {
      id,
      format: arranged.format,
      sha256: digest,
      files: arranged.files.map((f, i) => ({ name: f.name, sha256: files[i]!.sha256, size: f.bytes.length })),
      staffYear,
      expiresAt,
    },
    summary: { ...summary, changes: summary.changes!, fingerprint: summary.fingerprint! },
  };
}

function refused(kind: RosterApplyRefusal['kind'], message: Message): RosterApply {
  return { ok: false, refusal: { kind, message } };
}

/**
 * Imports a checked upload: only by the user who checked it, before it expires, once, when `sha256` is the
 * upload's own (the file the page showed), and only if the import would still do what the dry run showed. The
 * audit trail names `actor` for every unit and pair written, as the CLI's `--actor`.
 */
export async function applyRosterUpload(
  prisma: PrismaClient,
  confirmation: { readonly id: string; readonly sha256: string },
  options: { readonly userId: string; readonly actor: string; readonly now: Date },
): Promise<RosterApply> {
  const row =
    confirmation.id === '' ? null : await prisma.rosterUpload.findUnique({ where: { id: confirmation.id } });
  if (!row || row.userId !== options.userId || row.expiresAt <= options.now)
    return refused('gone', { key: 'page.roster.gone' });
  if (row.appliedAt) return refused('applied', { key: 'page.roster.alreadyApplied' });
  if (confirmation.sha256.trim().toLowerCase() !== row.sha256)
    return refused('differs', {
      key: 'page.roster.differs',
      params: { shown: row.sha256, sent: confirmation.sha256.trim() || '—' },
    });
  const stored = row.files as unknown as readonly StoredFile[];
  const files = stored.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
  const changed = refused('changed', { key: 'page.roster.changed' });
  // The stored units may have changed since (a successor named by the file removed): checked again.
  const loaded = await loadRosterBytes(row.format as RosterFormat, files, {
    storedUnits: async () => storedUnitKinds(prisma),
  });
  if (!loaded.ok) return changed;
  let summary: ImportRosterSummary;
  try {
    summary = await importRoster(prisma, loaded.roster, {
      staffYear: row.staffYear,
      actor: options.actor,
      expectFingerprint: row.plan,
    });
  } catch (error) {
    if (error instanceof RosterPlanChangedError) return changed;
    throw error;
  }
  await prisma.rosterUpload.update({ where: { id: row.id }, data: { appliedAt: options.now } });
  return { ok: true, summary, sha256: row.sha256 };
}
