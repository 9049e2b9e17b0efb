import { describeRule } from "../testing";

describeRule("set-not-null", {
  flags: [
    'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    // Added NOT VALID but never validated: the scan still happens.
    'ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
  ],
  passes: [
    'ALTER TABLE "User" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID;\nALTER TABLE "User" VALIDATE CONSTRAINT "c";\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    'ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;',
    'CREATE TABLE "Tag" ("name" TEXT);\nALTER TABLE "Tag" ALTER COLUMN "name" SET NOT NULL;',
  ],
});
