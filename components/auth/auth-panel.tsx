/** The centred card of the pages a person sees before they are signed in: setup, invitation. */
export function AuthPanel({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-3xl font-bold tracking-tight">Sluice</p>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 className="text-lg font-semibold">{title}</h1>
          {intro && <div className="mt-1 text-sm text-slate-600">{intro}</div>}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </div>
  );
}
