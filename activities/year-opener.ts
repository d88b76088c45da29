/** The activity behind the yearly Schedule: opens the cycle year (see services/cycle-opener.ts). */
import { heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma';
import { openYear, type OpenYearResult } from '../services/cycle-opener';

export type { OpenYearResult } from '../services/cycle-opener';

/** The activities of this file, by name. */
export interface YearOpenerActivities {
  /** Opens `year`; `openedAt` is the injected business instant (see `OpenYearOptions.openedAt`). */
  openCycleYear(input: { year: number; openedAt?: string }): Promise<OpenYearResult>;
}

/** Builds the activities with their clients. */
export function createYearOpenerActivities(deps: {
  prisma: PrismaClient;
  client: () => Promise<Client>;
  taskQueue: string;
}): YearOpenerActivities {
  return {
    async openCycleYear({ year, openedAt }) {
      const client = await deps.client();
      // Heartbeats keep a long opening (thousands of pairs) alive and let a retry after a crash resume:
      // already started cycles are skipped by their workflow ID.
      return openYear(deps.prisma, client, {
        year,
        taskQueue: deps.taskQueue,
        ...(openedAt !== undefined ? { openedAt } : {}),
        onProgress: (done, total) => heartbeat({ done, total }),
      });
    },
  };
}
