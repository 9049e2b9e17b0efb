import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

/** Returns the user when email and password match; records the sign-in in the audit log. */
export async function verifyCredentials(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  // Compare against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const hash = user?.passwordHash ?? "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.wVn3j6uIh0R9a6Vb3Xq5rQ1Y0ZzS";
  const ok = await bcrypt.compare(password, hash);
  // A deactivated account, or a service account (no password), is refused like a wrong password: the form never says which.
  if (!user || !ok || !user.passwordHash || user.deactivatedAt) return null;
  await db().$transaction((tx) =>
    recordAudit(tx, { actor: { id: user.id, email: user.email }, action: "user.signed_in", subjectType: "user", subjectId: user.id }),
  );
  return { id: user.id, email: user.email, name: user.name };
}
