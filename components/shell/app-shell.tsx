import { signOut } from "@/lib/auth/config";
import { NavLinks } from "./nav-links";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export function AppShell({ user, roles, children }: { user: { name: string; email: string }; roles: Role[]; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col bg-slate-900 px-3 py-5">
        <div className="mb-6 px-3">
          <span className="text-lg font-bold tracking-tight text-white">Sluice</span>
          <p className="text-xs text-slate-400">PostgreSQL migrations, reviewed</p>
        </div>
        <NavLinks />
        <div className="mt-auto border-t border-slate-800 px-3 pt-4 text-sm">
          <p className="font-medium text-white" data-testid="current-user">{user.name}</p>
          <p className="truncate text-xs text-slate-400" title={user.email}>{user.email}</p>
          <p className="mt-1 text-xs text-slate-400">{roles.map((r) => ROLE_LABELS[r]).join(", ") || "No project role"}</p>
          <form
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/sign-in" });
            }}
          >
            <button type="submit" className="mt-3 text-xs font-semibold text-slate-300 hover:text-white">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
    </div>
  );
}
