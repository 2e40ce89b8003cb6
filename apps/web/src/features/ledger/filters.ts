import type { MeasureKind, MeasureStatus } from '../../api/types.ts';

// The ledger's filter lives in the URL query, so a filtered view can be bookmarked and sent.
// The same query goes to /api/ledger and to the Excel export.

export const FILTER_KEYS = [
  'inspectionId',
  'problemId',
  'status',
  'kind',
  'unitId',
  'leaderName',
  'categoryTitle',
  'overdue',
  'dueSoon',
  'q',
  'sort',
] as const;

export interface LedgerFilter {
  inspectionId?: number;
  problemId?: number;
  status: MeasureStatus[];
  kind: MeasureKind[];
  unitId?: number;
  leaderName?: string;
  categoryTitle?: string;
  overdue: boolean;
  dueSoon: boolean;
  q?: string;
  sort?: 'position' | 'urgency' | 'updated';
}

const num = (s: string | null) => (s && /^\d+$/.test(s) ? Number(s) : undefined);
const list = <T extends string>(s: string | null) => (s ? (s.split(',').filter(Boolean) as T[]) : []);

export function readFilter(params: URLSearchParams): LedgerFilter {
  const sort = params.get('sort');
  return {
    inspectionId: num(params.get('inspectionId')),
    problemId: num(params.get('problemId')),
    status: list<MeasureStatus>(params.get('status')),
    kind: list<MeasureKind>(params.get('kind')),
    unitId: num(params.get('unitId')),
    leaderName: params.get('leaderName') || undefined,
    categoryTitle: params.get('categoryTitle') || undefined,
    overdue: params.get('overdue') === 'true',
    dueSoon: params.get('dueSoon') === 'true',
    q: params.get('q') || undefined,
    sort: sort === 'urgency' || sort === 'updated' || sort === 'position' ? sort : undefined,
  };
}

export function writeFilter(filter: LedgerFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.inspectionId) p.set('inspectionId', String(filter.inspectionId));
  if (filter.problemId) p.set('problemId', String(filter.problemId));
  if (filter.status.length) p.set('status', filter.status.join(','));
  if (filter.kind.length) p.set('kind', filter.kind.join(','));
  if (filter.unitId) p.set('unitId', String(filter.unitId));
  if (filter.leaderName) p.set('leaderName', filter.leaderName);
  if (filter.categoryTitle) p.set('categoryTitle', filter.categoryTitle);
  if (filter.overdue) p.set('overdue', 'true');
  if (filter.dueSoon) p.set('dueSoon', 'true');
  if (filter.q) p.set('q', filter.q);
  if (filter.sort) p.set('sort', filter.sort);
  return p;
}

/** The query sent to the API: the URL filter plus what the API needs (subtree, limit). */
export function apiQuery(filter: LedgerFilter, extra: Record<string, string> = {}): URLSearchParams {
  const p = writeFilter(filter);
  if (filter.unitId) p.set('unitSubtree', 'true');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}
