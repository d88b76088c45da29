-- AlterEnum
ALTER TYPE "UnitKind" ADD VALUE 'LOWLAND_COMMUNE';

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "successorId" TEXT,
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "communes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "side" "Side";

-- CreateTable
CREATE TABLE "UnitEvaluation" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "side" "Side" NOT NULL,
    "proposedRating" TEXT,
    "proposedScore" DOUBLE PRECISION,
    "explanation" JSONB,
    "criticised" BOOLEAN NOT NULL DEFAULT false,
    "proposedReward" BOOLEAN NOT NULL DEFAULT false,
    "proposedAt" TIMESTAMP(3),
    "finalRating" TEXT,
    "overrideReason" TEXT,
    "decisionNumber" TEXT,
    "confirmedBy" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "positiveFactors" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitEvaluation_year_side_idx" ON "UnitEvaluation"("year", "side");

-- CreateIndex
CREATE UNIQUE INDEX "UnitEvaluation_unitId_year_key" ON "UnitEvaluation"("unitId", "year");

-- CreateIndex
CREATE INDEX "Unit_successorId_idx" ON "Unit"("successorId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitEvaluation" ADD CONSTRAINT "UnitEvaluation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

