import { describeRule } from "../testing";

describeRule("set-not-null", {
  flags: [
    'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    // Added NOT VALID but never validated: the scan still happens.
    'ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    // In one statement the new CHECK is itself checked by the same scan: nothing is proven yet.
    'ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL), ALTER COLUMN "email" SET NOT NULL;',
    // The proving constraint belongs to the table now called "UserOld".
    {
      sql: 'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
      previousSql: ['ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL);', 'ALTER TABLE "User" RENAME TO "UserOld";', 'CREATE TABLE "User" ("email" TEXT);'],
    },
    // The proving constraint was dropped in an earlier migration.
    {
      sql: 'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
      previousSql: ['ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;', 'ALTER TABLE "User" VALIDATE CONSTRAINT "c";', 'ALTER TABLE "User" DROP CONSTRAINT "c";'],
    },
  ],
  passes: [
    'ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;\nALTER TABLE "User" VALIDATE CONSTRAINT "c";\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    'ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;',
    'CREATE TABLE "Tag" ("name" TEXT);\nALTER TABLE "Tag" ALTER COLUMN "name" SET NOT NULL;',
    // The safe way across three migrations (what the finding recommends): the last step is free.
    {
      sql: 'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
      previousSql: ['ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;', 'ALTER TABLE "User" VALIDATE CONSTRAINT "c";'],
    },
    { sql: 'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;', previousSql: ['ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL);'] },
    // Constraints follow their table and column when renamed.
    {
      sql: 'ALTER TABLE "Account" ALTER COLUMN "mail" SET NOT NULL;',
      previousSql: ['ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL);', 'ALTER TABLE "User" RENAME TO "Account";', 'ALTER TABLE "Account" RENAME COLUMN "email" TO "mail";'],
    },
  ],
});
