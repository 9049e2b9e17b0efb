import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { deploymentProgress } from "@/lib/server/deployments";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Live progress of one deployment, polled by the browser while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  try {
    return NextResponse.json(await deploymentProgress(user, (await params).id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: error.status });
    console.error("[sluice] deployment progress failed", error);
    return NextResponse.json({ error: "Something went wrong on the server." }, { status: 500 });
  }
}
