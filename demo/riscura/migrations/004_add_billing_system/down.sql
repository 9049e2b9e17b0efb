-- DropTable
DROP TABLE "BillingEvent";

-- DropTable
DROP TABLE "UsageRecord";

-- DropTable
DROP TABLE "Payment";

-- DropTable
DROP TABLE "Invoice";

-- DropTable
DROP TABLE "OrganizationSubscription";

-- DropTable
DROP TABLE "SubscriptionPlan";

-- DropIndex
DROP INDEX "Organization_stripeCustomerId_key";

-- AlterTable
ALTER TABLE "Organization" DROP COLUMN "billingEmail",
DROP COLUMN "stripeCustomerId";

-- DropEnum
DROP TYPE "PaymentStatus";

-- DropEnum
DROP TYPE "InvoiceStatus";

-- DropEnum
DROP TYPE "SubscriptionStatus";

-- DropEnum
DROP TYPE "BillingInterval";
