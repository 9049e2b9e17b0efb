-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "invalidatedReason" TEXT;

-- AlterTable
ALTER TABLE "MigrationRequest" ADD COLUMN     "lintHash" TEXT;
