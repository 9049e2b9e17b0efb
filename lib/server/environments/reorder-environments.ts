import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { ZReorderEnvironments, type TReorderEnvironments } from "@/lib/schemas/environment";
import { liveChain, lockChain, placeChain } from "./chain";
import { parseInput } from "./input";
import { environmentView, type EnvironmentView } from "./view";

/** The names, checked to be exactly the chain's, each once. */
function orderOf(names: string[], chain: { id: string; name: string }[]): string[] {
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new AppError("BAD_INPUT", `names: ${duplicate} appears twice.`);
  const unknown = names.filter((name) => !chain.some((e) => e.name === name));
  if (unknown.length) throw new AppError("BAD_INPUT", `names: this project has no environment named ${unknown.join(", ")}.`);
  const missing = chain.filter((e) => !names.includes(e.name)).map((e) => e.name);
  if (missing.length) throw new AppError("BAD_INPUT", `names: list every environment of the project; missing ${missing.join(", ")}.`);
  return names.map((name) => chain.find((e) => e.name === name)!.id);
}

/**
 * Sets the promotion chain's order (first = where requesters deploy themselves, last = prod).
 * Policies stay with their environments; "deployed to the previous environment first" then
 * follows the new order.
 */
export async function reorderEnvironments(actor: CurrentUser, projectId: string, raw: TReorderEnvironments): Promise<EnvironmentView[]> {
  const input = parseInput(ZReorderEnvironments, raw);
  await authorize(actor, projectId, "settings.manage");
  await db().$transaction(async (tx) => {
    await lockChain(tx, projectId);
    const chain = await liveChain(tx, projectId);
    const ordered = orderOf(input.names, chain);
    if (ordered.every((id, i) => chain[i].id === id)) return;
    await placeChain(tx, ordered);
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "environment.reordered",
      subjectType: "project",
      subjectId: projectId,
      projectId,
      before: { order: chain.map((e) => e.name) },
      after: { order: input.names },
    });
  });
  const environments = await db().environment.findMany({ where: { projectId, removedAt: null }, orderBy: { position: "asc" }, include: { policy: { select: { id: true } } } });
  return environments.map(environmentView);
}
