-- DropForeignKey
ALTER TABLE "ControlRiskMapping" DROP CONSTRAINT "ControlRiskMapping_controlId_fkey";

-- DropForeignKey
ALTER TABLE "ControlRiskMapping" DROP CONSTRAINT "ControlRiskMapping_riskId_fkey";

-- DropForeignKey
ALTER TABLE "ControlRiskMapping" DROP CONSTRAINT "ControlRiskMapping_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "Control" DROP CONSTRAINT "Control_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "Control" DROP CONSTRAINT "Control_ownerId_fkey";

-- DropForeignKey
ALTER TABLE "Risk" DROP CONSTRAINT "Risk_createdById_fkey";

-- DropForeignKey
ALTER TABLE "Risk" DROP CONSTRAINT "Risk_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "Risk" DROP CONSTRAINT "Risk_ownerId_fkey";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_organizationId_fkey";

-- DropTable
DROP TABLE "ControlRiskMapping";

-- DropTable
DROP TABLE "Control";

-- DropTable
DROP TABLE "Risk";

-- DropTable
DROP TABLE "User";

-- DropTable
DROP TABLE "Organization";

-- DropEnum
DROP TYPE "ControlStatus";

-- DropEnum
DROP TYPE "ControlType";

-- DropEnum
DROP TYPE "RiskStatus";

-- DropEnum
DROP TYPE "RiskCategory";

-- DropEnum
DROP TYPE "UserRole";
