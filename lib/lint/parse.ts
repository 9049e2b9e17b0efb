import { loadModule, parseSync, scanSync, hasSqlDetails, type Node } from "libpg-query";
import type { ParseError } from "./types";

export type ParsedStatement = {
  index: number;
  node: Node;
  /** The statement as written, without the comments and blank lines before it. */
  text: string;
  /** Character offset of the statement's first token. */
  start: number;
  line: number;
  column: number;
};

export type IgnoreDirective = { ruleId: string; reason: string; statementIndex: number };

export type ParsedSql = { statements: ParsedStatement[]; ignores: IgnoreDirective[] };

/** `-- sluice-ignore RULE: reason` (the reason is mandatory so review can see why). */
const IGNORE_PREFIX = "sluice-ignore";

let ready: Promise<void> | undefined;

/** The parser is WebAssembly: load it once before the synchronous calls below. */
export function loadParser(): Promise<void> {
  ready ??= loadModule();
  return ready;
}

/**
 * libpg_query reports byte offsets into the UTF-8 text; JavaScript strings index UTF-16 units.
 * Returns a converter, the identity for ASCII-only SQL (the common case).
 */
function byteToCharOffsets(sql: string): (byteOffset: number) => number {
  const bytes = Buffer.from(sql, "utf8");
  if (bytes.length === sql.length) return (offset) => offset;
  return (offset) => bytes.subarray(0, offset).toString("utf8").length;
}

function lineAndColumn(sql: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses SQL with the PostgreSQL parser; throws SqlParseError with a line and column. */
export function parseSql(sql: string): ParsedSql {
  let result;
  try {
    result = parseSync(sql);
  } catch (error) {
    // An empty down.sql (or one with only comments) is valid: the parser refuses empty input.
    if (hasNoCode(sql)) return { statements: [], ignores: [] };
    throw toParseError(sql, error);
  }
  const charAt = byteToCharOffsets(sql);
  const tokens = scanSync(sql).tokens.map((t) => ({ ...t, start: charAt(t.start), end: charAt(t.end) }));
  const codeTokenStarts = tokens.filter((t) => !isComment(t.tokenName)).map((t) => t.start);

  const statements: ParsedStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    // The first statement's location is omitted when zero; the last one's length when it runs to the end.
    const from = charAt(raw.stmt_location ?? 0);
    const to = raw.stmt_len === undefined ? sql.length : charAt((raw.stmt_location ?? 0) + raw.stmt_len);
    const start = codeTokenStarts.find((s) => s >= from) ?? from;
    statements.push({
      index: statements.length,
      node: raw.stmt,
      text: sql.slice(start, to).trim(),
      start,
      ...lineAndColumn(sql, start),
    });
  }

  const ignores: IgnoreDirective[] = [];
  for (const token of tokens) {
    if (!isComment(token.tokenName)) continue;
    const directive = parseIgnoreComment(token.text);
    if (!directive) continue;
    const next = statements.find((s) => s.start >= token.end);
    if (next) ignores.push({ ...directive, statementIndex: next.index });
  }
  return { statements, ignores };
}

function hasNoCode(sql: string): boolean {
  if (sql.trim() === "") return true;
  try {
    return scanSync(sql).tokens.every((t) => isComment(t.tokenName));
  } catch {
    return false;
  }
}

function isComment(tokenName: string): boolean {
  return tokenName === "SQL_COMMENT" || tokenName === "C_COMMENT";
}

function parseIgnoreComment(comment: string): { ruleId: string; reason: string } | undefined {
  const withoutMarkers = comment.startsWith("--") ? comment.slice(2) : comment.slice(2, -2);
  const body = withoutMarkers.trim();
  if (!body.startsWith(IGNORE_PREFIX)) return undefined;
  const rest = body.slice(IGNORE_PREFIX.length).trim();
  const colon = rest.indexOf(":");
  const ruleId = (colon === -1 ? rest : rest.slice(0, colon)).trim();
  const reason = colon === -1 ? "" : rest.slice(colon + 1).trim();
  return ruleId ? { ruleId, reason: reason || "(no reason given)" } : undefined;
}

export class SqlParseError extends Error {
  constructor(readonly details: ParseError) {
    super(`${details.message} at line ${details.line}, column ${details.column}`);
  }
}

function toParseError(sql: string, error: unknown): SqlParseError {
  const message = error instanceof Error ? error.message : String(error);
  // cursorPosition is a 0-based character offset.
  const offset = hasSqlDetails(error) ? (error.sqlDetails?.cursorPosition ?? 0) : 0;
  return new SqlParseError({ message, ...lineAndColumn(sql, offset) });
}
