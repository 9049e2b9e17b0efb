import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, query, type TestDatabase } from "@/lib/testing/databases";
import { waitFor } from "@/lib/testing/wait";
import { openQueue, QUEUE_SCHEMA } from "./queue";
import { EVERY_MINUTE, registerScheduledJobs } from "./schedules";

// pg-boss's cron for real: the schedule is stored in the database and a worker runs its ticks.
let database: TestDatabase;
let boss: PgBoss | null = null;

beforeAll(async () => {
  database = await createTestDatabase("sched");
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await database?.drop();
});

describe("scheduled jobs", () => {
  it("records the cron in the control plane's database and runs its ticks on a worker", async () => {
    boss = await openQueue(database.url, "worker");
    let ticks = 0;
    const lines: string[] = [];
    await registerScheduledJobs(boss, [{ queue: "sluice-test-tick", cron: EVERY_MINUTE, run: async () => void (ticks += 1) }], (line) => lines.push(line));
    const schedules = await query<{ name: string; cron: string }>(database.url, `SELECT name, cron FROM ${QUEUE_SCHEMA}.schedule`);
    expect(schedules).toEqual([{ name: "sluice-test-tick", cron: EVERY_MINUTE }]);
    // pg-boss looks at its schedules every 30 s and sends a tick at most once a minute.
    await waitFor("the first tick", async () => (ticks > 0 ? ticks : null), 100_000);
    expect(lines).toEqual([]);
  }, 120_000);

  it("logs a failing tick without stopping the worker", async () => {
    const lines: string[] = [];
    await registerScheduledJobs(boss!, [{ queue: "sluice-test-fail", cron: EVERY_MINUTE, run: async () => { throw new Error("no repository"); } }], (line) => lines.push(line));
    await boss!.send("sluice-test-fail", {});
    await waitFor("the failure to be logged", async () => (lines.length ? lines : null), 30_000);
    expect(lines[0]).toBe("sluice-test-fail failed: no repository");
  });
});
