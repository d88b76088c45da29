-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "nextObligation" "Obligation",
ADD COLUMN     "nextDue" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Cycle_year_nextDue_workflowId_idx" ON "Cycle"("year", "nextDue", "workflowId");

-- Backfill: every cycle's earliest pending obligation (by effective due, then obligation), as the cycle's
-- writes keep it from now on (domain/cycle/next-deadline.ts).
UPDATE "Cycle" c SET ("nextObligation", "nextDue") = (
  SELECT o.obligation, o."effectiveDue" FROM "CycleObligation" o
  WHERE o."cycleId" = c.id AND o.status = 'PENDING'
  ORDER BY o."effectiveDue", o.obligation LIMIT 1);
