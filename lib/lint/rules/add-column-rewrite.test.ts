import { describeRule } from "../testing";

describeRule("add-column-rewrite", {
  flags: [
    'ALTER TABLE "User" ADD COLUMN "publicId" UUID NOT NULL DEFAULT gen_random_uuid();',
    'ALTER TABLE "User" ADD COLUMN "r" FLOAT8 DEFAULT random();',
    'ALTER TABLE "User" ADD COLUMN "seen" TIMESTAMPTZ DEFAULT clock_timestamp();',
    'ALTER TABLE "User" ADD COLUMN "n" BIGSERIAL;',
    'ALTER TABLE "User" ADD COLUMN "n" SERIAL;',
    'ALTER TABLE "User" ADD COLUMN "n" BIGINT GENERATED ALWAYS AS IDENTITY;',
    'ALTER TABLE "User" ADD COLUMN "total" INT GENERATED ALWAYS AS ("a" + "b") STORED;',
  ],
  passes: [
    'ALTER TABLE "User" ADD COLUMN "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now();',
    'ALTER TABLE "User" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    'ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT \'free\';',
    'ALTER TABLE "User" ADD COLUMN "meta" JSONB NOT NULL DEFAULT \'{}\'::jsonb;',
    'ALTER TABLE "User" ADD COLUMN "publicId" UUID;',
    'ALTER TABLE "User" ALTER COLUMN "publicId" SET DEFAULT gen_random_uuid();',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD COLUMN "uid" UUID DEFAULT gen_random_uuid();',
  ],
});
