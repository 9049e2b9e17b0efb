import { db } from "@/lib/db";
import { auditActorOf } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/credentials";
import type { CurrentUser } from "@/lib/auth/roles";
import { ZNewAccount, type TNewAccount } from "@/lib/schemas/people";
import { managedProject } from "./access";
import { conflictOnRace, parseInput } from "./input";
import { addMembershipRecord, createUserRecord } from "./records";

/**
 * An admin creates an account directly (the API and `sluice user add`): a person with the
 * password given, or — without one — a service account that signs in only with API tokens
 * (a CI pipeline, a bot). The account and its membership are one transaction.
 */
export async function createAccount(actor: CurrentUser, raw: TNewAccount) {
  const input = parseInput(ZNewAccount, raw);
  const project = await managedProject(actor, input.projectId);
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const kind = passwordHash ? "person" : "service";
  return conflictOnRace(
    () =>
      db().$transaction(async (tx) => {
        const user = await createUserRecord(tx, { email: input.email, name: input.name, passwordHash, kind }, auditActorOf(actor));
        await addMembershipRecord(tx, { userId: user.id, projectId: project.id, role: input.role, environmentIds: input.environmentIds }, auditActorOf(actor));
        return { id: user.id, email: user.email, name: user.name, kind };
      }),
    `An account with the email ${input.email} already exists.`,
  );
}
