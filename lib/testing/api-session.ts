import type { NextRequest } from "next/server";
import type { CurrentUser } from "@/lib/auth/roles";

/**
 * Route-handler tests call /api/v1 handlers outside Next, where next-auth cannot load. They
 * replace lib/auth/session with this module — `vi.mock("@/lib/auth/session", () =>
 * import("@/lib/testing/api-session"))` — and sign a browser session in by setting
 * `testSession.user`. Bearer tokens stay the real thing.
 */
export const testSession: { user: CurrentUser | null } = { user: null };

export async function currentUser(): Promise<CurrentUser | null> {
  return testSession.user;
}

export async function requireUser(): Promise<CurrentUser> {
  if (!testSession.user) throw new Error("not signed in");
  return testSession.user;
}

/** A route handler as Next calls it. */
export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
