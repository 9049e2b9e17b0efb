import { describeRule } from "../testing";

describeRule("unique-without-index", {
  flags: [
    'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");',
    'ALTER TABLE "User" ADD PRIMARY KEY ("id");',
  ],
  passes: [
    'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_key";',
    'ALTER TABLE "User" ADD CONSTRAINT "User_pkey" PRIMARY KEY USING INDEX "User_pkey";',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD PRIMARY KEY ("id");',
  ],
});
