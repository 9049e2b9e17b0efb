import { describeRule } from "../testing";

describeRule("truncate", {
  flags: ['TRUNCATE "Session";', 'TRUNCATE TABLE "Session", "Token" CASCADE;'],
  passes: ['DELETE FROM "Session" WHERE "id" BETWEEN 1 AND 1000;'],
});
