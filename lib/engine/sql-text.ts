/** Identifier quoting for names that come from URLs (`?schema=`) and catalogs. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Literal quoting for the bookkeeping statements that ride along in one simple-protocol
 * round trip (the extended protocol cannot carry several statements). Values are
 * uuids, checksums and names; standard_conforming_strings is on in every supported server.
 */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("NUL byte in SQL literal");
  return `'${value.replace(/'/g, "''")}'`;
}
