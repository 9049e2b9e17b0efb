import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { rolesOf } from "@/lib/auth/roles";
import { AppShell } from "@/components/shell/app-shell";
import { QueryProvider } from "@/components/shell/query-provider";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const roles = await rolesOf(user.id);
  return (
    <QueryProvider>
      <AppShell user={user} roles={roles}>
        {children}
      </AppShell>
    </QueryProvider>
  );
}
