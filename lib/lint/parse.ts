import { loadModule, parseSync, hasSqlDetails, type Node } from "libpg-query";
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

export type ParsedSql = {
  statements: ParsedStatement[];
  ignores: IgnoreDirective[];
  /** Line and column of a parse-tree `location` (a byte offset into the file, as the parser reports it). */
  locate: (byteOffset: number) => { line: number; column: number };
};

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
  if (!NON_ASCII.test(sql)) return (offset) => offset;
  const bytes = Buffer.from(sql, "utf8");
  return (offset) => bytes.subarray(0, offset).toString("utf8").length;
}

const NON_ASCII = /[^\x00-\x7f]/;

function lineAndColumn(sql: string, offset: number): { line: number; column: number } {
  return new LineCounter(sql).at(offset);
}

/** Line and column of increasing offsets, scanning the text once rather than from the start each time. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private scanned = 0;

  constructor(private readonly sql: string) {}

  at(offset: number): { line: number; column: number } {
    const end = Math.min(offset, this.sql.length);
    for (; this.scanned < end; this.scanned++) {
      if (this.sql.charCodeAt(this.scanned) === 10) {
        this.line++;
        this.lineStart = this.scanned + 1;
      }
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** Parses SQL with the PostgreSQL parser; throws SqlParseError with a line and column. */
export function parseSql(sql: string): ParsedSql {
  let result;
  try {
    result = parseSync(sql);
  } catch (error) {
    // An empty down.sql (or one with only comments) is valid: the parser refuses empty input.
    if (hasNoCode(sql)) return { statements: [], ignores: [], locate: () => ({ line: 1, column: 1 }) };
    throw toParseError(sql, error);
  }
  const charAt = byteToCharOffsets(sql);
  const statements: ParsedStatement[] = [];
  const ignores: IgnoreDirective[] = [];
  let previousEnd = 0;
  const lines = new LineCounter(sql);
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    // The first statement's location is omitted when zero; the last one's length when it runs to the end.
    const from = charAt(raw.stmt_location ?? 0);
    const to = raw.stmt_len === undefined ? sql.length : charAt((raw.stmt_location ?? 0) + raw.stmt_len);
    // Comments before a statement sit between the previous one's end and its first token.
    const { codeStart, comments } = skipCommentsAndSpace(sql, Math.min(previousEnd, from), to);
    previousEnd = to;
    const index = statements.length;
    for (const comment of comments) {
      const directive = parseIgnoreComment(comment);
      if (directive) ignores.push({ ...directive, statementIndex: index });
    }
    statements.push({ index, node: raw.stmt, text: sql.slice(codeStart, to).trim(), start: codeStart, ...lines.at(codeStart) });
  }
  return { statements, ignores, locate: (byteOffset) => lineAndColumn(sql, charAt(byteOffset)) };
}

/**
 * Skips whitespace, statement separators and comments (`-- …`, nested `/* … *\/`) from `from`,
 * collecting the comments.
 * Only the text between two statements is scanned, so no SQL is interpreted here: the parser has
 * already delimited the statements.
 */
function skipCommentsAndSpace(sql: string, from: number, to: number): { codeStart: number; comments: string[] } {
  const comments: string[] = [];
  let i = from;
  while (i < to) {
    const ch = sql[i];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === ";") {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? to : end;
      comments.push(sql.slice(i, stop));
      i = stop;
    } else if (ch === "/" && sql[i + 1] === "*") {
      let depth = 0;
      let j = i;
      do {
        if (sql[j] === "/" && sql[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (sql[j] === "*" && sql[j + 1] === "/") {
          depth--;
          j += 2;
        } else {
          j++;
        }
      } while (depth > 0 && j < to);
      comments.push(sql.slice(i, j));
      i = j;
    } else {
      break;
    }
  }
  return { codeStart: i, comments };
}

function hasNoCode(sql: string): boolean {
  return skipCommentsAndSpace(sql, 0, sql.length).codeStart === sql.length;
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
