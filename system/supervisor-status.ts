/**
 * The supervisor's status file, `<DATA_DIR>/supervisor.json`: for each part that `npm start` supervises, its
 * state, process ID, restart count and last exit. `npm start` is the only writer (atomically: a reader never
 * sees half a file); the web server reads it for the landing page, and operators or tests may read it too.
 */
import { promises as fs, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { t, type Lang } from '../domain/messages';

/** The parts `npm start` supervises (the SMTP catcher runs inside `npm start` itself). */
const SUPERVISED_PARTS = ['database', 'temporal', 'worker', 'web'] as const;

/** One supervised part. */
export type SupervisedPartName = (typeof SUPERVISED_PARTS)[number];

/** Where a part is in its life. `failed`: its restarts kept failing and the supervisor gave up. */
export type PartState = 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';

const exitSchema = z.object({
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  /** ISO instant the supervisor saw the exit. */
  at: z.string(),
});

const partSchema = z.object({
  name: z.enum(SUPERVISED_PARTS),
  state: z.enum(['starting', 'running', 'restarting', 'stopped', 'failed']),
  pid: z.number().int().optional(),
  restarts: z.number().int().min(0),
  startedAt: z.string().optional(),
  lastExit: exitSchema.optional(),
  logFile: z.string().optional(),
});

const statusSchema = z.object({
  /** The process ID of `npm start` (scripts/start.ts). */
  pid: z.number().int(),
  startedAt: z.string(),
  parts: z.array(partSchema),
});

/** A part's last unexpected exit. */
export type PartExit = z.infer<typeof exitSchema>;

/** What the status file says about one part. */
export type PartStatus = z.infer<typeof partSchema>;

/** The whole status file. */
export type SupervisionStatus = z.infer<typeof statusSchema>;

/** The status file of a data directory. */
export function supervisorStatusPath(dataDir: string): string {
  return path.resolve(dataDir, 'supervisor.json');
}

/** Writes the status file atomically (a temporary file renamed over it). Synchronous: it is tiny. */
export function writeSupervisionStatus(file: string, status: SupervisionStatus): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(temporary, file);
}

/** The status file's content, or undefined when there is none (no `npm start` here) or it is unreadable. */
export async function readSupervisionStatus(file: string): Promise<SupervisionStatus | undefined> {
  try {
    const parsed = statusSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** How a part ended, in one language: `tín hiệu SIGKILL`, `exit code 1`. */
export function exitText(exit: Pick<PartExit, 'code' | 'signal'>, lang: Lang): string {
  return exit.signal
    ? t('supervisor.exit.signal', { signal: exit.signal }, lang)
    : t('supervisor.exit.code', { code: String(exit.code) }, lang);
}
