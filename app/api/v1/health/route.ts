import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { environmentsHealth } from "@/lib/server/health";

// Live values: never cached.
export const dynamic = "force-dynamic";

/** GET /api/v1/health — a fresh sample of every environment the signed-in user may see. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } }, { status: 401 });
  const environments = await environmentsHealth(user);
  return NextResponse.json({ environments }, { headers: { "Cache-Control": "no-store" } });
}
