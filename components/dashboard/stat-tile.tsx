import Link from "next/link";
import { cn } from "@/components/ui/cn";

const ACCENTS = {
  neutral: "text-slate-900",
  blue: "text-blue-700",
  purple: "text-purple-700",
  red: "text-red-700",
} as const;

/** One headline number linking to the list it counts. */
export function StatTile({
  label,
  value,
  href,
  hint,
  accent = "neutral",
  testId,
}: {
  label: string;
  value: number;
  href: string;
  hint: React.ReactNode;
  accent?: keyof typeof ACCENTS;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="group block rounded-lg bg-white px-4 py-4 shadow-sm ring-1 ring-slate-200 transition hover:ring-indigo-300"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</p>
      <p className={cn("mt-2 text-3xl font-semibold tabular-nums", value === 0 ? "text-slate-400" : ACCENTS[accent])}>{value}</p>
      <p className="mt-1 text-xs text-slate-500 group-hover:text-indigo-600">{hint}</p>
    </Link>
  );
}
