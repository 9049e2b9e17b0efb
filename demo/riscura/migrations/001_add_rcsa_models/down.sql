-- DropTable
DROP TABLE "ControlTest";

-- DropTable
DROP TABLE "AssessmentItem";

-- DropTable
DROP TABLE "RcsaAssessment";

-- AlterTable
ALTER TABLE "Risk" DROP COLUMN "lastAssessedAt",
DROP COLUMN "residualScore";

-- DropEnum
DROP TYPE "ControlTestResult";

-- DropEnum
DROP TYPE "AssessmentStatus";
