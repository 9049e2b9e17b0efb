-- Guards Prisma's schema language cannot express, written by hand as Prisma advises
-- for partial indexes and triggers.

-- One deploy per target at a time, enforced by the database rather than by any
-- process's memory: a second queued/running deployment to the same environment
-- violates this index, whichever web server or worker tries to create it.
CREATE UNIQUE INDEX "Deployment_one_active_per_environment"
    ON "Deployment"("environmentId")
    WHERE "status" IN ('queued', 'running');

-- The audit log is append-only: updates and deletes are refused outright.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
