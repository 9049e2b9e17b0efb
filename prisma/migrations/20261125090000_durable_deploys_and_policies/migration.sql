-- CreateEnum
CREATE TYPE "DeploymentStepKind" AS ENUM ('preflight', 'backup', 'apply', 'verify', 'rollback', 'done');

-- CreateEnum
CREATE TYPE "DeploymentStepStatus" AS ENUM ('running', 'succeeded', 'failed', 'skipped');

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "lintHash" TEXT;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "breakGlassReason" TEXT,
ADD COLUMN     "currentMigration" TEXT,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "notRunMigrations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "rolledBackMigrations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "runAt" TIMESTAMP(3),
ADD COLUMN     "stopRequestedAt" TIMESTAMP(3),
ADD COLUMN     "stopRequestedById" TEXT,
ADD COLUMN     "workerId" TEXT;

-- CreateTable
CREATE TABLE "DeploymentStep" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "DeploymentStepKind" NOT NULL,
    "name" TEXT NOT NULL,
    "migration" TEXT,
    "status" "DeploymentStepStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "detail" TEXT,

    CONSTRAINT "DeploymentStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnvironmentPolicy" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "approverRoles" TEXT[],
    "extraApprovalsAtRisk" JSONB NOT NULL DEFAULT '{}',
    "requesterMayNotApprove" BOOLEAN NOT NULL DEFAULT true,
    "approverMayNotDeploy" BOOLEAN NOT NULL DEFAULT false,
    "requirePreviousEnvironment" BOOLEAN NOT NULL DEFAULT false,
    "freezeWindows" JSONB NOT NULL DEFAULT '[]',
    "deployRoles" TEXT[],
    "autoDeployOnApproval" BOOLEAN NOT NULL DEFAULT false,
    "autoRollback" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "EnvironmentPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentStep_deploymentId_position_key" ON "DeploymentStep"("deploymentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "EnvironmentPolicy_environmentId_key" ON "EnvironmentPolicy"("environmentId");

-- AddForeignKey
ALTER TABLE "DeploymentStep" ADD CONSTRAINT "DeploymentStep_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentPolicy" ADD CONSTRAINT "EnvironmentPolicy_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
