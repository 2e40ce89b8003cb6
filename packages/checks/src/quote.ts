// The one place identifiers become SQL. Both DuckDB and PostgreSQL use standard
// double-quoted identifiers with "" as the escape, so one function serves both.
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('标识符中不能含有空字符');
  return `"${name.replaceAll('"', '""')}"`;
}
