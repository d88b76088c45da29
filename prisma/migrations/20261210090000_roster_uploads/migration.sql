-- CreateTable
CREATE TABLE "RosterUpload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "staffYear" INTEGER NOT NULL,
    "plan" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "RosterUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RosterUpload_expiresAt_idx" ON "RosterUpload"("expiresAt");

