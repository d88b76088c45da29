-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DEPARTMENT', 'LOWLAND_DISTRICT', 'MOUNTAIN_DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('OFFICER', 'HEAD');

-- CreateEnum
CREATE TYPE "PairStatus" AS ENUM ('ACTIVE', 'DISSOLVED', 'REPAIRED');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'LEADERSHIP', 'SPONSOR_OFFICER', 'RECIPIENT_OFFICER');

-- CreateEnum
CREATE TYPE "Obligation" AS ENUM ('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7');

-- CreateEnum
CREATE TYPE "ObligationStatus" AS ENUM ('PENDING', 'SUBMITTED', 'LATE', 'MISSED', 'WAIVED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "Side" AS ENUM ('SPONSOR', 'RECIPIENT', 'ADMIN');

-- CreateEnum
CREATE TYPE "SupportCategory" AS ENUM ('SOCIO_ECONOMIC', 'POLITICAL_SYSTEM', 'PROPAGANDA', 'SOCIAL_SECURITY', 'OTHER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REMINDER', 'ESCALATION', 'PROGRESS_REMINDER', 'DIGEST', 'TEST');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY');

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" TEXT,
    "border" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitStaff" (
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "staff" INTEGER NOT NULL,

    CONSTRAINT "UnitStaff_pkey" PRIMARY KEY ("unitId","year")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "ContactRole" NOT NULL DEFAULT 'OFFICER',
    "bouncedAt" TIMESTAMP(3),
    "bounceReply" TEXT,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "unitId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pair" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sponsorId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "status" "PairStatus" NOT NULL DEFAULT 'ACTIVE',
    "predecessorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairHistory" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "PairHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearSettings" (
    "year" INTEGER NOT NULL,
    "policy" TEXT NOT NULL DEFAULT 'roll-forward',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearSettings_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "workflowId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "waitingFor" TEXT,
    "waitingSince" TIMESTAMP(3),
    "nextTimerAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleObligation" (
    "cycleId" TEXT NOT NULL,
    "obligation" "Obligation" NOT NULL,
    "statutoryDue" TIMESTAMP(3) NOT NULL,
    "effectiveDue" TIMESTAMP(3) NOT NULL,
    "status" "ObligationStatus" NOT NULL DEFAULT 'PENDING',
    "completedAt" TIMESTAMP(3),
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,

    CONSTRAINT "CycleObligation_pkey" PRIMARY KEY ("cycleId","obligation")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "obligation" "Obligation" NOT NULL,
    "side" "Side" NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEntry" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "category" "SupportCategory" NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "amountDong" BIGINT NOT NULL DEFAULT 0,
    "modelsBuilt" INTEGER NOT NULL DEFAULT 0,
    "modelsReplicated" INTEGER NOT NULL DEFAULT 0,
    "studyTours" INTEGER NOT NULL DEFAULT 0,
    "communeCode" TEXT,
    "description" TEXT,
    "beneficiaries" JSONB,
    "supersedesId" TEXT,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "ProgressEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "unitId" TEXT NOT NULL,
    "proposedRating" TEXT,
    "proposedScore" DOUBLE PRECISION,
    "explanation" JSONB,
    "finalRating" TEXT,
    "overrideReason" TEXT,
    "decisionNumber" TEXT,
    "confirmedBy" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "criticised" BOOLEAN NOT NULL DEFAULT false,
    "proposedReward" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "cycleId" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "obligation" "Obligation",
    "level" INTEGER,
    "dueAt" TIMESTAMP(3),
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "subject" TEXT,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "smtpReply" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "idempotencyKey" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Contact_email_idx" ON "Contact"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_unitId_email_key" ON "Contact"("unitId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_code_key" ON "Pair"("code");

-- CreateIndex
CREATE INDEX "Pair_sponsorId_idx" ON "Pair"("sponsorId");

-- CreateIndex
CREATE INDEX "Pair_recipientId_idx" ON "Pair"("recipientId");

-- CreateIndex
CREATE INDEX "Pair_status_idx" ON "Pair"("status");

-- CreateIndex
CREATE INDEX "PairHistory_pairId_at_idx" ON "PairHistory"("pairId", "at");

-- CreateIndex
CREATE INDEX "CalendarDay_year_idx" ON "CalendarDay"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_workflowId_key" ON "Cycle"("workflowId");

-- CreateIndex
CREATE INDEX "Cycle_year_phase_idx" ON "Cycle"("year", "phase");

-- CreateIndex
CREATE INDEX "Cycle_year_overdue_idx" ON "Cycle"("year", "overdue");

-- CreateIndex
CREATE INDEX "Cycle_year_escalationLevel_idx" ON "Cycle"("year", "escalationLevel");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_pairId_year_key" ON "Cycle"("pairId", "year");

-- CreateIndex
CREATE INDEX "CycleObligation_obligation_status_idx" ON "CycleObligation"("obligation", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_idempotencyKey_key" ON "Submission"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Submission_cycleId_obligation_idx" ON "Submission"("cycleId", "obligation");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressEntry_supersedesId_key" ON "ProgressEntry"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressEntry_idempotencyKey_key" ON "ProgressEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ProgressEntry_cycleId_submittedAt_idx" ON "ProgressEntry"("cycleId", "submittedAt");

-- CreateIndex
CREATE INDEX "Evaluation_unitId_idx" ON "Evaluation"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_cycleId_side_key" ON "Evaluation"("cycleId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_status_scheduledFor_idx" ON "Notification"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "Notification_cycleId_idx" ON "Notification"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_idempotencyKey_key" ON "AuditEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStaff" ADD CONSTRAINT "UnitStaff_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Pair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairHistory" ADD CONSTRAINT "PairHistory_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleObligation" ADD CONSTRAINT "CycleObligation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "ProgressEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

