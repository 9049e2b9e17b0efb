import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setupLinkValid, setupNeeded } from "@/lib/server/setup";
import { AuthPanel } from "@/components/auth/auth-panel";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up Sluice" };
export const dynamic = "force-dynamic";

/** First run without the demo: the link `npm start` printed creates the first admin. Gone once anyone has an account. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  if (!(await setupNeeded())) notFound();
  const { token } = await searchParams;
  const secret = typeof token === "string" ? token : "";
  if (!(await setupLinkValid(secret))) {
    return (
      <AuthPanel title="This setup link does not work">
        <div className="space-y-3 text-sm text-slate-700" data-testid="setup-link-invalid">
          <p>The link is incomplete, or a newer one was printed since: only the last link Sluice printed works, and only once.</p>
          <p>Restart Sluice to print a new one, or create the admin on the server with:</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">npx sluice admin bootstrap --email you@example.com --name &quot;Your Name&quot;</pre>
        </div>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title="Create the first admin" intro="This account manages the install: projects, environments and people. The setup link stops working once it exists.">
      <SetupForm token={secret} />
    </AuthPanel>
  );
}
