import type { TypeDesc } from "./ast";

/**
 * What ALTER COLUMN … TYPE does to existing rows, per PostgreSQL's binary-coercibility rules:
 * "free" changes touch only the catalog (varchar widening, varchar → text, numeric precision
 * increase at equal scale); "rewrite" rewrites the table and every index; "narrowing" rewrites and
 * may also fail or lose data; "unknown" when the old type is not known.
 */
export type TypeChange = "free" | "rewrite" | "narrowing" | "unknown";

const TEXT_TYPES = new Set(["text", "varchar"]);
const INTEGER_WIDTH: Record<string, number> = { int2: 2, int4: 4, int8: 8 };

export function classifyTypeChange(from: TypeDesc | undefined, to: TypeDesc | undefined): TypeChange {
  if (!from || !to) return "unknown";
  if (from.isArray !== to.isArray) return "rewrite";
  if (TEXT_TYPES.has(from.name) && TEXT_TYPES.has(to.name)) return textChange(from, to);
  if (from.name === "numeric" && to.name === "numeric") return numericChange(from, to);
  if (from.name in INTEGER_WIDTH && to.name in INTEGER_WIDTH) {
    const delta = INTEGER_WIDTH[to.name] - INTEGER_WIDTH[from.name];
    return delta === 0 ? "free" : delta > 0 ? "rewrite" : "narrowing";
  }
  if (from.name === to.name && sameMods(from, to)) return "free";
  if (from.name === "timestamptz" && to.name === "timestamp") return "rewrite";
  if (to.name === "text" || to.name === "varchar") return "rewrite";
  return from.name === to.name && (to.name === "bpchar" || to.name === "varbit") ? lengthChange(from.mods[0], to.mods[0]) : "rewrite";
}

function sameMods(a: TypeDesc, b: TypeDesc): boolean {
  return a.mods.length === b.mods.length && a.mods.every((m, i) => m === b.mods[i]);
}

/** varchar(n) → varchar(m ≥ n), varchar → text: catalog only. Shorter: every value is re-checked. */
function textChange(from: TypeDesc, to: TypeDesc): TypeChange {
  const oldLimit = from.name === "varchar" ? from.mods[0] : undefined;
  const newLimit = to.name === "varchar" ? to.mods[0] : undefined;
  return lengthChange(oldLimit, newLimit);
}

function lengthChange(oldLimit: number | undefined, newLimit: number | undefined): TypeChange {
  if (newLimit === undefined) return "free";
  if (oldLimit === undefined || newLimit < oldLimit) return "narrowing";
  return "free";
}

/** numeric(p, s) → numeric(p' ≥ p, s) or unconstrained numeric: catalog only. A scale change rewrites. */
function numericChange(from: TypeDesc, to: TypeDesc): TypeChange {
  const [toPrecision, toScale = 0] = to.mods;
  if (toPrecision === undefined) return "free";
  const [fromPrecision, fromScale = 0] = from.mods;
  if (fromPrecision === undefined) return "narrowing";
  if (toScale !== fromScale) return toScale < fromScale || toPrecision - toScale < fromPrecision - fromScale ? "narrowing" : "rewrite";
  return toPrecision >= fromPrecision ? "free" : "narrowing";
}
