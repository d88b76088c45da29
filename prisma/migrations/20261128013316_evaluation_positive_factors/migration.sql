-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "positiveFactors" TEXT;

