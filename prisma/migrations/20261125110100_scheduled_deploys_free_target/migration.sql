-- Written by hand, like the index it replaces (20261124160100_deploy_guards): Prisma's schema
-- language cannot express a partial index.

-- One deploy per target at a time: running, or queued to run now. A deploy scheduled for later
-- does not hold its target until then; when its time comes the worker's claim (queued → running)
-- enters this index and waits, retried by the worker's sweep, while another deploy holds the target.
DROP INDEX "Deployment_one_active_per_environment";
CREATE UNIQUE INDEX "Deployment_one_active_per_environment"
    ON "Deployment"("environmentId")
    WHERE "status" = 'running' OR ("status" = 'queued' AND "runAt" IS NULL);
