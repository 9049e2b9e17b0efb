-- DropTable
DROP TABLE "ExtractedRequirement";

-- DropTable
DROP TABLE "PolicyExtraction";

-- DropTable
DROP TABLE "Policy";

-- DropEnum
DROP TYPE "ExtractionStatus";

-- DropEnum
DROP TYPE "PolicyStatus";
