// What differs between DuckDB and PostgreSQL for the compiled rules: placeholders,
// how a row's position in its file is read, and where the roster tables live.
import { quoteIdent } from '../quote.ts';

export interface Dialect {
  name: 'duckdb' | 'postgres';
  placeholder(index: number): string;
  /** The 0-based position of a row in its source file (DuckDB keeps it as rowid). */
  ordinal(alias: string): string;
  table(roster: string): string;
}

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  placeholder: () => '?',
  ordinal: (alias) => `${alias}.rowid`,
  table: (roster) => quoteIdent(roster),
};

export function postgresDialect(schema: string): Dialect {
  return {
    name: 'postgres',
    placeholder: (i) => `$${i}`,
    ordinal: (alias) => `${alias}."_ord"`,
    table: (roster) => `${quoteIdent(schema)}.${quoteIdent(roster)}`,
  };
}

/** Name of the column that holds the validation error of an id-typed column. */
export function idErrorColumn(column: string): string {
  return `_err_${column}`;
}
