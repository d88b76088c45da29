/** The activity behind the yearly Schedule: opens the cycle year (see services/cycle-opener.ts). */
import { activityInfo, heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma';
import { openYear, type OpenYearProgress, type OpenYearResult } from '../services/cycle-opener';

export type { OpenYearResult } from '../services/cycle-opener';

/** The activities of this file, by name. */
export interface YearOpenerActivities {
  /** Opens `year`; `openedAt` is the injected business instant (see `OpenYearOptions.openedAt`). */
  openCycleYear(input: { year: number; openedAt?: string }): Promise<OpenYearResult>;
}

/**
 * How often the activity heartbeats while nothing progresses (listing 10,000 pairs, a slow start), well
 * inside the workflow's heartbeat timeout.
 */
const KEEP_ALIVE_MS = 5_000;

/** The heartbeat details of an earlier attempt, if they are an opening's progress of the same year. */
function resumePoint(year: number): OpenYearProgress | undefined {
  const details = activityInfo().heartbeatDetails as (Partial<OpenYearProgress> & { year?: number }) | null;
  if (!details || details.year !== year || typeof details.through !== 'string') return undefined;
  return {
    done: details.done ?? 0,
    total: details.total ?? 0,
    through: details.through,
    started: details.started ?? 0,
    existing: details.existing ?? 0,
  };
}

/** Builds the activities with their clients. */
export function createYearOpenerActivities(deps: {
  prisma: PrismaClient;
  client: () => Promise<Client>;
  taskQueue: string;
  /** Cycles started at once (`CYCLE_OPEN_CONCURRENCY`). */
  concurrency?: number;
}): YearOpenerActivities {
  return {
    async openCycleYear({ year, openedAt }) {
      const client = await deps.client();
      // Each heartbeat carries the handled prefix of pairs. A retry (the worker crashed, so the heartbeat
      // timed out) goes on after it instead of listing and starting those pairs again; pairs handled after the
      // last heartbeat reached the server are found already started by their workflow ID.
      const resume = resumePoint(year);
      let last: (OpenYearProgress & { year: number }) | { year: number } = resume
        ? { ...resume, year }
        : { year };
      heartbeat(last);
      const keepAlive = setInterval(() => heartbeat(last), KEEP_ALIVE_MS);
      try {
        return await openYear(deps.prisma, client, {
          year,
          taskQueue: deps.taskQueue,
          ...(openedAt !== undefined ? { openedAt } : {}),
          ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
          ...(resume ? { resume } : {}),
          onProgress: (_done, _total, progress) => {
            last = { ...progress, year };
            heartbeat(last);
          },
        });
      } finally {
        clearInterval(keepAlive);
      }
    },
  };
}
