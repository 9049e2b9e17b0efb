import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { deployOptions } from "@/lib/server/deployments";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET ?requestId=…: per environment, whether the viewer may schedule a deploy or break glass, and the environment's time zone. */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  const requestId = new URL(request.url).searchParams.get("requestId");
  if (!requestId) return NextResponse.json({ error: "requestId is required." }, { status: 400 });
  try {
    return NextResponse.json({ environments: await deployOptions(user, requestId) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: error.status });
    console.error("[sluice] deploy options failed", error);
    return NextResponse.json({ error: "Something went wrong on the server." }, { status: 500 });
  }
}
