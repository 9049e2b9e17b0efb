import type { DatabaseErrorInfo } from "./types";

type PgErrorLike = Error & { code?: string; position?: string; detail?: string; hint?: string; where?: string; severity?: string };

const BOLD = "\x1b[1m";
const BOLD_RED = "\x1b[1;31m";
const RESET = "\x1b[0m";

/** What the server said about a failed script, with the failing line located in the script. */
export function describeDatabaseError(error: unknown, script: string): DatabaseErrorInfo {
  const e = (error instanceof Error ? error : new Error(String(error))) as PgErrorLike;
  const info: DatabaseErrorInfo = { message: e.message, sqlstate: isSqlState(e.code) ? e.code! : null };
  if (e.detail) info.detail = e.detail;
  if (e.hint) info.hint = e.hint;
  if (e.where) info.where = e.where;
  const position = e.position ? Number(e.position) : NaN;
  if (Number.isInteger(position) && position > 0) {
    const located = locate(script, position);
    info.position = position;
    if (located) {
      info.line = located.line;
      info.context = located.before.filter((l) => l.line >= 1).concat({ line: located.line, text: located.text });
    }
  }
  return info;
}

/**
 * The text Prisma stores in `_prisma_migrations.logs` for a failed script (its P3018 message,
 * including the ANSI-highlighted "Position:" block), so `prisma migrate status` and Sluice
 * show the same thing whichever tool ran the migration.
 */
export function prismaFailureLogs(migrationName: string, error: unknown, script: string): string {
  const e = (error instanceof Error ? error : new Error(String(error))) as PgErrorLike;
  const info = describeDatabaseError(error, script);
  let databaseError: string;
  if (info.sqlstate) {
    let display = `${e.severity ?? "ERROR"}: ${info.message}`;
    if (info.detail) display += `\nDETAIL: ${info.detail}`;
    if (info.hint) display += `\nHINT: ${info.hint}`;
    databaseError = `${display}${positionBlock(script, info.position)}\n\n${debugBlock(e, info)}`;
  } else {
    databaseError = info.message;
  }
  return (
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
    "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
    `Migration name: ${migrationName}\n\nDatabase error code: ${info.sqlstate ?? "none"}\n\nDatabase error:\n${databaseError}\n`
  );
}

function isSqlState(code: string | undefined): boolean {
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

// Same walk as prisma-engines: lines split on \n, offsets advanced by line length + 1,
// the five lines before the failing one kept (numbering may reach line 0, as Prisma prints it).
function locate(script: string, position: number) {
  let previous: string[] = ["", "", "", "", ""];
  let offset = 0;
  const lines = script.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].replace(/\r$/, "");
    const line = index + 1;
    offset += lines[index].length + 1;
    if (position <= offset) {
      const before = previous.map((t, i) => ({ line: line - (previous.length - i), text: t })).filter((l) => l.line >= 0);
      return { line, text, before };
    }
    previous = [...previous.slice(1), text];
  }
  return null;
}

function positionBlock(script: string, position: number | undefined): string {
  if (!position) return "";
  const located = locate(script, position);
  if (!located) return "";
  const numbered = located.before.map((l) => `${BOLD}${String(l.line).padStart(3)}${RESET}${l.text ? " " : ""}${l.text}`).join("\n");
  return `\n\nPosition:\n${numbered}\n${BOLD}${String(located.line).padStart(3)}${BOLD_RED} ${located.text}${RESET}`;
}

function debugBlock(e: PgErrorLike, info: DatabaseErrorInfo): string {
  const field = (value: string | undefined) => (value === undefined ? "None" : `Some(${JSON.stringify(value)})`);
  return (
    `DbError { severity: ${JSON.stringify(e.severity ?? "ERROR")}, code: ${JSON.stringify(info.sqlstate)}, message: ${JSON.stringify(info.message)}, ` +
    `detail: ${field(info.detail)}, hint: ${field(info.hint)}, position: ${info.position === undefined ? "None" : `Some(Original(${info.position}))`}, where_: ${field(info.where)} }`
  );
}
