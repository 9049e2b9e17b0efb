-- AlterEnum
ALTER TYPE "DeploymentStepKind" ADD VALUE 'rehearsal';

-- CreateTable
CREATE TABLE "DeploymentBackup" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "targetSchema" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "restoredAt" TIMESTAMP(3),
    "restoredById" TEXT,

    CONSTRAINT "DeploymentBackup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentBackupTable" (
    "id" TEXT NOT NULL,
    "backupId" TEXT NOT NULL,
    "schemaName" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "ddl" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,

    CONSTRAINT "DeploymentBackupTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentBackupChunk" (
    "id" TEXT NOT NULL,
    "tableId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rows" TEXT NOT NULL,

    CONSTRAINT "DeploymentBackupChunk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentBackup_deploymentId_key" ON "DeploymentBackup"("deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentBackupTable_backupId_schemaName_tableName_key" ON "DeploymentBackupTable"("backupId", "schemaName", "tableName");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentBackupChunk_tableId_position_key" ON "DeploymentBackupChunk"("tableId", "position");

-- AddForeignKey
ALTER TABLE "DeploymentBackup" ADD CONSTRAINT "DeploymentBackup_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentBackupTable" ADD CONSTRAINT "DeploymentBackupTable_backupId_fkey" FOREIGN KEY ("backupId") REFERENCES "DeploymentBackup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentBackupChunk" ADD CONSTRAINT "DeploymentBackupChunk_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "DeploymentBackupTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;
