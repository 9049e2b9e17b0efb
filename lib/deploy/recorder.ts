import { db } from "@/lib/db";
import type { DeploymentStepKind, DeploymentStepStatus } from "@/lib/generated/prisma/enums";

export type OpenStep = { id: string; startedAt: number };

/**
 * Writes a deployment's steps and log lines while it runs, so a reload, another browser or
 * the crash recovery sees exactly how far it got. Writes are serialised through one promise
 * chain: the engine reports progress synchronously and must never wait for the control plane.
 */
export class DeploymentRecorder {
  private position = 0;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly deploymentId: string, startPosition = 0) {
    this.position = startPosition;
  }

  /** Appends lines to Deployment.log in place (no read-modify-write of the whole log). */
  log(...lines: string[]): Promise<void> {
    const text = lines.map((l) => `${new Date().toISOString()} ${l}`).join("\n");
    return this.enqueue(() =>
      db().$executeRaw`UPDATE "Deployment" SET "log" = CASE WHEN "log" = '' THEN ${text} ELSE "log" || E'\n' || ${text} END WHERE "id" = ${this.deploymentId}`,
    ).then(() => undefined);
  }

  async start(kind: DeploymentStepKind, name: string, migration: string | null = null): Promise<OpenStep> {
    const position = this.position++;
    const startedAt = new Date();
    const step = await this.enqueue(() =>
      db().deploymentStep.create({ data: { deploymentId: this.deploymentId, position, kind, name, migration, startedAt }, select: { id: true } }),
    );
    return { id: step.id, startedAt: startedAt.getTime() };
  }

  finish(step: OpenStep, status: Exclude<DeploymentStepStatus, "running">, detail: string | null = null): Promise<void> {
    const finishedAt = new Date();
    return this.enqueue(() =>
      db().deploymentStep.update({ where: { id: step.id }, data: { status, detail, finishedAt, durationMs: finishedAt.getTime() - step.startedAt } }),
    ).then(() => undefined);
  }

  /** A step that did not run, recorded so the page can say so rather than stay silent. */
  async skipped(kind: DeploymentStepKind, name: string, detail: string): Promise<void> {
    await this.finish(await this.start(kind, name), "skipped", detail);
  }

  setCurrentMigration(migration: string | null): Promise<void> {
    return this.enqueue(() => db().deployment.update({ where: { id: this.deploymentId }, data: { currentMigration: migration } })).then(() => undefined);
  }

  /** Waits for every write queued so far. */
  flush(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private enqueue<T>(write: () => Promise<T>): Promise<T> {
    const next = this.chain.then(write);
    // One failed progress write (e.g. a dropped connection) must not stop the ones after it.
    this.chain = next.catch((error) => {
      console.error(`[sluice worker] could not record progress of ${this.deploymentId}: ${(error as Error).message}`);
    });
    return next;
  }
}
