import { AppError } from "@/lib/errors";
import { authorizeSiteAdmin, type CurrentUser } from "@/lib/auth/roles";
import { requirePasswordChange } from "./passwords";
import { userSummary } from "./queries";
import { setUserActive } from "./set-user-active";

/** PATCH /users/{id}: deactivate or reactivate (site admin), and/or force a password change at next sign-in. */
export async function updateUser(actor: CurrentUser, userId: string, change: { active?: boolean; mustChangePassword?: boolean }) {
  if (change.active === undefined && change.mustChangePassword === undefined) throw new AppError("BAD_INPUT", "Send active, mustChangePassword, or both.");
  // Every refusal before any write: a half-applied PATCH would be worse than none.
  if (change.active !== undefined) {
    authorizeSiteAdmin(actor);
    if (userId === actor.id) throw new AppError("CONFLICT", "You cannot deactivate or reactivate your own account; ask another site admin.");
  }
  if (change.mustChangePassword !== undefined) await requirePasswordChange(actor, userId, change.mustChangePassword);
  if (change.active !== undefined) await setUserActive(actor, userId, change.active);
  return userSummary(userId);
}
