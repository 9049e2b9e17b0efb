import type { Node, RangeVar, TypeName, ColumnDef, Constraint } from "libpg-query";

/** Every key of the parser's Node union ("AlterTableStmt", "IndexStmt", …). */
type NodeKey = Node extends infer N ? (N extends Record<infer K, unknown> ? K : never) : never;
export type NodeOf<K extends NodeKey> = Extract<Node, Record<K, unknown>>[K];

/** The payload of `node` when it is of kind `key` (the parser wraps each node as `{ Kind: {...} }`). */
export function nodeAs<K extends NodeKey>(node: Node | undefined, key: K): NodeOf<K> | undefined {
  if (!node || !(key in node)) return undefined;
  return (node as unknown as Record<K, NodeOf<K>>)[key];
}

export function nodeKind(node: Node): string {
  for (const key in node) return key;
  return "";
}

export function stringValue(node: Node | undefined): string | undefined {
  return nodeAs(node, "String")?.sval;
}

export function tableName(relation: RangeVar | undefined): string | undefined {
  return relation?.relname;
}

/** A type as the parser normalised it: `int` → int4, `timestamp` stays, `varchar(20)` → varchar + [20]. */
export type TypeDesc = { name: string; mods: number[]; isArray: boolean };

export function typeDesc(typeName: TypeName | undefined): TypeDesc | undefined {
  const names = typeName?.names;
  if (!names) return undefined;
  // The last name part ("pg_catalog"."int8" → int8). A loop, not map/filter: this runs for every column.
  let name: string | undefined;
  for (let i = names.length - 1; i >= 0 && !name; i--) name = stringValue(names[i]);
  if (!name) return undefined;
  const mods = typeName.typmods ? typeName.typmods.map((m) => nodeAs(m, "A_Const")?.ival?.ival ?? 0) : NO_MODS;
  return { name, mods, isArray: (typeName.arrayBounds?.length ?? 0) > 0 };
}

/** Shared by every type without modifiers; TypeDesc.mods is never mutated. */
const NO_MODS: number[] = [];

export function formatType(type: TypeDesc): string {
  const mods = type.mods.length > 0 ? `(${type.mods.join(",")})` : "";
  return `${type.name}${mods}${type.isArray ? "[]" : ""}`;
}

/** The column a `CHECK (col IS NOT NULL)` constraint proves not null, if it is one. */
export function notNullCheckColumn(constraint: Constraint | undefined): string | undefined {
  if (constraint?.contype !== "CONSTR_CHECK") return undefined;
  const test = nodeAs(constraint.raw_expr, "NullTest");
  return test?.nulltesttype === "IS_NOT_NULL" ? stringValue(nodeAs(test.arg, "ColumnRef")?.fields?.[0]) : undefined;
}

export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).map((c) => nodeAs(c, "Constraint")).filter((c): c is Constraint => !!c);
}

export function keyNames(keys: Node[] | undefined): string[] {
  return (keys ?? []).map(stringValue).filter((s): s is string => !!s);
}

/** Names of the functions called anywhere inside an expression. */
export function calledFunctions(node: unknown): string[] {
  const names: string[] = [];
  visit(node, (key, value) => {
    if (key !== "FuncCall") return;
    const call = value as NodeOf<"FuncCall">;
    const parts = (call.funcname ?? []).map(stringValue);
    const name = parts[parts.length - 1];
    if (name) names.push(name.toLowerCase());
  });
  return names;
}

/**
 * Depth-first walk over a parse tree, calling `onNode` for every wrapped node (`{ Kind: payload }`).
 * for…in rather than Object.entries: these walks run on every statement, and the pairs arrays
 * Object.entries allocates were a visible share of the linter's garbage.
 */
export function visit(node: unknown, onNode: (kind: string, payload: unknown) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onNode);
    return;
  }
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (!value || typeof value !== "object") continue;
    const first = key.charCodeAt(0);
    if (first >= 65 && first <= 90 && !Array.isArray(value)) onNode(key, value);
    visit(value, onNode);
  }
}

/** Every name a statement mentions: relation names (tables, views, indexes) and dropped objects' names. */
export function mentionedNames(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) mentionedNames(item, into);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === "string") {
        if (key === "relname" || key === "sval") into.add(value);
      } else if (value && typeof value === "object") mentionedNames(value, into);
    }
  }
  return into;
}
