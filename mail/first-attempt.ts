/**
 * The first delivery attempt of a cycle's new ledger rows, made by the activity that has just written them
 * (`applyCycleEffects`, a local activity inside the cycle's workflow task), so that a message the SMTP server
 * takes at once costs the cycle's history nothing beyond the write's own marker and no second workflow task.
 *
 * Each row goes through the same claim → send → record as every attempt (`./deliver`), so the first attempt
 * and a later one can never both send it. What this does not finish within its budget (SMTP down, a 4xx, a
 * claim held by another attempt, a slow server) is left to the regular delivery activity, which the cycle then
 * schedules for exactly those rows and which retries for as long as the ledger's horizon allows. A send still
 * under way when the budget ends keeps its claim, so the regular activity waits for it instead of sending
 * again. See docs/mail.md.
 */
import { ApplicationFailure } from '@temporalio/common';
import { deliverCycleRow, type CycleDelivery, type MailDeliveryDeps } from './deliver';

/**
 * Whether an attempt's failure ends the row's delivery: a non-retryable failure (a 5yz, no recipient, the
 * horizon) is already recorded as FAILED, and a retry by the regular activity would end the same way.
 */
function isFinal(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.nonRetryable === true;
}

/**
 * Tries each row once, all at once, and resolves within `budgetMs` with the keys whose delivery needs no
 * further attempt (sent, sent before, skipped or failed for good). Never rejects: a failure of any kind only
 * leaves the row to the regular activity.
 */
export async function deliverFirstAttempts(
  deps: MailDeliveryDeps,
  rows: readonly CycleDelivery[],
  budgetMs: number,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const settled: string[] = [];
  const attempts = rows.map((row) =>
    deliverCycleRow(deps, row).then(
      () => void settled.push(row.idempotencyKey),
      (error: unknown) => {
        if (isFinal(error)) settled.push(row.idempotencyKey);
      },
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
    timer.unref();
  });
  await Promise.race([Promise.all(attempts), budget]);
  clearTimeout(timer);
  // A copy: attempts still under way may finish later, but the caller has already decided about their rows.
  return [...settled];
}
