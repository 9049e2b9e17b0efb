-- A team brings its own project: people, project sources (git, upload), environments with
-- CA certificates, API tokens, the first-run setup link and invitations.

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL,
ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'person',
ADD COLUMN "siteAdmin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "deactivatedAt" TIMESTAMP(3),
ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "sessionsValidAfter" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "environmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "sourceKind" TEXT NOT NULL DEFAULT 'folder',
ALTER COLUMN "migrationsPath" SET DEFAULT '',
ADD COLUMN "gitUrl" TEXT,
ADD COLUMN "gitTokenEncrypted" TEXT,
ADD COLUMN "gitBranch" TEXT,
ADD COLUMN "gitPath" TEXT NOT NULL DEFAULT 'prisma/migrations',
ADD COLUMN "refreshIntervalMinutes" INTEGER,
ADD COLUMN "webhookSecretEncrypted" TEXT,
ADD COLUMN "headCommit" TEXT,
ADD COLUMN "headCommittedAt" TIMESTAMP(3),
ADD COLUMN "headSubject" TEXT,
ADD COLUMN "lastFetchedAt" TIMESTAMP(3),
ADD COLUMN "lastFetchError" TEXT,
ADD COLUMN "currentSnapshotId" TEXT;

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN "sslRootCertEncrypted" TEXT;

-- AlterTable
ALTER TABLE "MigrationRequest" ADD COLUMN "snapshotId" TEXT,
ADD COLUMN "sourceCommit" TEXT,
ADD COLUMN "branch" TEXT;

-- CreateIndex
CREATE INDEX "MigrationRequest_projectId_branch_idx" ON "MigrationRequest"("projectId", "branch");

-- CreateTable
CREATE TABLE "SourceSnapshot" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "commit" TEXT,
    "branch" TEXT,
    "contentHash" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "SourceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceSnapshot_projectId_createdAt_idx" ON "SourceSnapshot"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "SourceSnapshot_projectId_contentHash_idx" ON "SourceSnapshot"("projectId", "contentHash");

-- AddForeignKey
ALTER TABLE "SourceSnapshot" ADD CONSTRAINT "SourceSnapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'personal',
    "scopes" TEXT[],
    "projectIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SetupToken_tokenHash_key" ON "SetupToken"("tokenHash");

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "environmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedUserId" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_projectId_idx" ON "Invitation"("projectId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
