import { ApiError, api, toQuery, type ErrorCode } from '../../api/client.ts';

// The verification endpoints (issue 6): cross-check runs, their hits as verification tasks, the
// promotion of a rule's confirmed hits into the ledger. Failures become the app's ApiError, so
// errorText() shows the server's Chinese message. (They belong in api/client.ts eventually.)

export const ROSTER_NAMES = [
  'households',
  'vehicles',
  'housing',
  'staff',
  'business',
  'deaths',
  'disability',
  'posts',
  'followups',
] as const;
export type RosterName = (typeof ROSTER_NAMES)[number];

export const OUTCOMES = ['pending', 'confirmed', 'not_true', 'rectified'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Verdict = Exclude<Outcome, 'pending'>;

export interface RunRule {
  id: string;
  class: string;
  title: string;
  hits: number;
  skipped?: string;
}

export interface CheckRun {
  id: number;
  pack: string;
  asOf: string;
  ownerUnitId: number;
  ownerUnitName: string;
  createdAt: string;
  rules: RunRule[];
  counts: Record<'total' | Outcome, number>;
}

export interface RunSummary {
  runId: number;
  hits: number;
  unassignedVillages: string[];
  rules: RunRule[];
  rosters: { name: string; rows: number; rejected: number }[];
}

export interface CheckHit {
  id: number;
  runId: number;
  ruleId: string;
  ruleClass: string;
  rowKey: string;
  idNumber: string | null;
  name: string | null;
  householdId: string | null;
  village: string | null;
  unitId: number;
  unitName: string;
  reason: string;
  outcome: Outcome;
  note: string | null;
  problemId: number | null;
}

async function failure(response: Response): Promise<ApiError> {
  let error: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    error = ((await response.json()) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  const code = (error?.code as ErrorCode | undefined) ?? (response.status >= 500 ? 'SERVER' : 'VALIDATION');
  // The app's client owns the "session expired" dialog; one of its calls meeting the 401 opens it.
  if (response.status === 401) void api.units().catch(() => undefined);
  return new ApiError(code, error?.message ?? response.statusText, response.status, error?.details);
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError('NETWORK', (error as Error).message, 0);
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export const verificationApi = {
  runs: () => json<CheckRun[]>('GET', '/api/check-runs'),
  createRun: (form: FormData) => json<RunSummary>('POST', '/api/check-runs', form),
  hits: (query: { runId?: number; ruleId?: string; outcome?: Outcome; limit?: number; offset?: number }) =>
    json<CheckHit[]>('GET', `/api/check-hits${toQuery(query)}`),
  verify: (id: number, outcome: Verdict, note: string | null) =>
    json<CheckHit>('POST', `/api/check-hits/${id}/verify`, { outcome, note }),
  promote: (
    runId: number,
    body: { ruleId: string; ruleTitle: string; inspectionId: number; unitId: number; deadline: string },
  ) => json<{ id: number; inspectionId: number }>('POST', `/api/check-runs/${runId}/promote`, body),
  problemCounts: (problemId: number) =>
    json<{ confirmed: number; rectified: number }>('GET', `/api/problems/${problemId}/check-hits`),
};

/** Every hit matching the query, page by page (the server gives at most 5,000 at a time). */
export async function allHits(query: { runId?: number; ruleId?: string; outcome?: Outcome }) {
  const out: CheckHit[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await verificationApi.hits({ ...query, limit: 5000, offset });
    out.push(...page);
    if (page.length < 5000 || out.length >= 50_000) return out;
  }
}
