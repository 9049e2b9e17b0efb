-- DropForeignKey
ALTER TABLE "PolicyExtraction" DROP CONSTRAINT "PolicyExtraction_documentId_fkey";

-- DropTable
DROP TABLE "DocumentShare";

-- DropTable
DROP TABLE "DocumentVersion";

-- DropTable
DROP TABLE "Document";

-- AlterTable
ALTER TABLE "PolicyExtraction" DROP COLUMN "documentId";

-- DropEnum
DROP TYPE "SharePermission";

-- DropEnum
DROP TYPE "DocumentCategory";
