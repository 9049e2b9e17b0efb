-- An environment with deployment history is archived instead of deleted, so its history keeps
-- the environment and its name. Only the live chain (removedAt IS NULL) needs unique names and
-- positions: a removed "staging" frees its name and its place for a new one.

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN "removedAt" TIMESTAMP(3);

-- Replace the unique indexes by partial ones over the live chain
DROP INDEX "Environment_projectId_name_key";
CREATE UNIQUE INDEX "Environment_projectId_name_key" ON "Environment"("projectId", "name") WHERE "removedAt" IS NULL;

DROP INDEX "Environment_projectId_position_key";
CREATE UNIQUE INDEX "Environment_projectId_position_key" ON "Environment"("projectId", "position") WHERE "removedAt" IS NULL;
