/**
 * What a merger of units did, or why nothing was done, as catalogue messages: the lines `twinning roster merge`
 * prints and the dashboard's merge form shows, in the reader's language (docs/reform-2025.md).
 */
import { formatDate } from '../domain/format';
import type { Message } from '../domain/messages';
import type { MergeResult } from './roster-merge';

/** A merger's outcome in words. */
export interface MergeReport {
  /** What was done (the CLI's standard output). */
  readonly done: readonly Message[];
  /** Refusals and failures (the CLI's standard error). */
  readonly problems: readonly Message[];
  /** Nothing was merged, or the engine step is unfinished or was refused by a cycle. */
  readonly failed: boolean;
}

/** A list of codes in a message: `A, B`, or — when there is none. */
function codeList(codes: readonly string[]): string {
  return codes.length === 0 ? '—' : codes.join(', ');
}

/**
 * The report of a merger. `reasonText` writes a cycle's refusal into its line (a parameter is one string: the
 * CLI gives both languages, a page the reader's).
 */
export function mergeReport(result: MergeResult, reasonText: (message: Message) => string): MergeReport {
  if (!result.ok) {
    return {
      done: [],
      problems: [
        ...result.refusals,
        { key: 'roster.merge.refused', params: { count: result.refusals.length } },
      ],
      failed: true,
    };
  }
  const { plan, created, reused, engine } = result;
  const date = formatDate(plan.on);
  const lastDay = formatDate(plan.lastDay);
  const arrow = (links: readonly { pair: string; successor: string }[]) =>
    codeList(links.map((l) => `${l.pair} → ${l.successor}`));
  const done: Message[] = [
    {
      key: 'roster.merge.done.units',
      params: { into: plan.into, date, count: plan.merge.length, list: codeList(plan.merge) },
    },
  ];
  if (plan.already.length > 0) {
    done.push({
      key: 'roster.merge.done.already',
      params: { count: plan.already.length, list: codeList(plan.already) },
    });
  }
  const ended = plan.merge.length > 0 ? plan.pairs.map((p) => p.code) : [];
  done.push({
    key: 'roster.merge.done.pairsEnded',
    params: { lastDay, count: ended.length, list: codeList(ended) },
  });
  done.push({
    key: 'roster.merge.done.successorsCreated',
    params: { date, count: created.length, list: arrow(created) },
  });
  if (reused.length > 0) {
    done.push({
      key: 'roster.merge.done.successorsReused',
      params: { count: reused.length, list: arrow(reused) },
    });
  }
  if (!engine.ok) {
    return {
      done,
      problems: [{ key: 'roster.merge.engineFailed', params: { detail: engine.detail } }],
      failed: true,
    };
  }
  const { year } = engine;
  done.push({
    key: 'roster.merge.done.cyclesTold',
    params: { year, lastDay, count: engine.told.length, list: codeList(engine.told) },
  });
  if (engine.alreadyTold.length > 0) {
    done.push({
      key: 'roster.merge.done.cyclesAlreadyTold',
      params: { year, count: engine.alreadyTold.length, list: codeList(engine.alreadyTold) },
    });
  }
  if (engine.notRunning.length > 0) {
    done.push({
      key: 'roster.merge.done.cyclesNotRunning',
      params: { year, count: engine.notRunning.length, list: codeList(engine.notRunning) },
    });
  }
  done.push(
    engine.opened === null
      ? { key: 'roster.merge.done.yearNotOpen', params: { year } }
      : {
          key: 'roster.merge.done.cyclesOpened',
          params: { year, count: engine.opened.length, list: codeList(engine.opened) },
        },
  );
  const problems: Message[] = engine.refused.map(({ pair, refusal }) => ({
    key: 'roster.merge.done.cycleRefused',
    params: { pair, year, reason: reasonText(refusal.message) },
  }));
  return { done, problems, failed: problems.length > 0 };
}
