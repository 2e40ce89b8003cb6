import { api } from '../../api/client.ts';
import type { LedgerPage } from '../../api/types.ts';
import { apiQuery, readFilter } from './filters.ts';

// When the ledger is the page being opened, its first rows are asked for at boot, while the
// page's code is still downloading. The page takes this answer if it asks the same question.

export const FIRST_PAGE = 200;
let early: { key: string; promise: Promise<LedgerPage> } | null = null;

export function firstPageQuery(search: string | URLSearchParams): URLSearchParams {
  return apiQuery(readFilter(new URLSearchParams(search)), { limit: String(FIRST_PAGE) });
}

export function prefetchLedger(search: string): void {
  const query = firstPageQuery(search);
  const promise = api.ledger(query, { silent401: true });
  promise.catch(() => undefined);
  early = { key: query.toString(), promise };
}

/** The prefetched answer for this query, once; otherwise a fresh request. */
export function firstPage(query: URLSearchParams): Promise<LedgerPage> {
  const key = query.toString();
  if (early && early.key === key) {
    const { promise } = early;
    early = null;
    return promise.catch(() => api.ledger(query));
  }
  early = null;
  return api.ledger(query);
}
