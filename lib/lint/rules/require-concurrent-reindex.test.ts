import { describeRule } from "../testing";

describeRule("require-concurrent-reindex", {
  flags: ['REINDEX INDEX "Order_customerId_idx";', 'REINDEX TABLE "Order";'],
  passes: ['REINDEX INDEX CONCURRENTLY "Order_customerId_idx";', 'REINDEX TABLE CONCURRENTLY "Order";'],
});
