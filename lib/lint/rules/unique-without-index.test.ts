import { expect, it } from "vitest";
import { describeRule, findingsOf } from "../testing";

describeRule("unique-without-index", {
  flags: [
    'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");',
    'ALTER TABLE "User" ADD PRIMARY KEY ("id");',
    // A new column's UNIQUE still indexes every existing row.
    'ALTER TABLE "User" ADD COLUMN "publicId" UUID UNIQUE;',
    'ALTER TABLE "User" ADD COLUMN "id" BIGSERIAL PRIMARY KEY;',
  ],
  passes: [
    'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_key";',
    'ALTER TABLE "User" ADD CONSTRAINT "User_pkey" PRIMARY KEY USING INDEX "User_pkey";',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD PRIMARY KEY ("id");',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD COLUMN "slug" TEXT UNIQUE;',
    'ALTER TABLE "User" ADD COLUMN "nickname" TEXT NOT NULL DEFAULT \'\';',
  ],
});

it("for a new column, the safe way adds it plain, then builds the index concurrently and attaches it", async () => {
  const [finding] = await findingsOf("unique-without-index", 'ALTER TABLE "User" ADD COLUMN "publicId" UUID UNIQUE;');
  expect(finding.message).toMatch(/UNIQUE with column "publicId" builds a unique index on "User" under ACCESS EXCLUSIVE/);
  expect(finding.safeSql).toBe(
    'ALTER TABLE "User" ADD COLUMN "publicId" <type>;  -- without UNIQUE\nCREATE UNIQUE INDEX CONCURRENTLY "User_publicId_key" ON "User" ("publicId");\nALTER TABLE "User" ADD CONSTRAINT "User_publicId_key" UNIQUE USING INDEX "User_publicId_key";',
  );
});
