-- DropIndex
DROP INDEX "Cycle_year_phase_idx";

-- DropIndex
DROP INDEX "Cycle_year_escalationLevel_idx";

-- CreateIndex
CREATE INDEX "Cycle_year_phase_workflowId_idx" ON "Cycle"("year", "phase", "workflowId");

-- CreateIndex
CREATE INDEX "Cycle_year_escalationLevel_workflowId_idx" ON "Cycle"("year", "escalationLevel", "workflowId");

-- CreateIndex
CREATE INDEX "Cycle_year_waitingSince_workflowId_idx" ON "Cycle"("year", "waitingSince", "workflowId");

-- CreateIndex
CREATE INDEX "CycleObligation_status_effectiveDue_cycleId_obligation_idx" ON "CycleObligation"("status", "effectiveDue", "cycleId", "obligation");

