import { request, toQuery } from '../../api/client.ts';

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
  evidence: HitEvidence[];
}

export interface HitEvidence {
  id: number;
  fileName: string;
  mime: string;
  size: number;
}

/** One page of hits, with the total and the count per outcome (ignoring the outcome filter). */
export interface HitPage {
  items: CheckHit[];
  total: number;
  counts: Record<Outcome, number>;
  /** The ledger problem the matching hits roll up into, once their rule was promoted. */
  problemId: number | null;
}

export type Engine = 'duckdb' | 'postgres';

/** A rule as the server describes it: what it checks and the SQL it compiles to. */
export interface RuleInfo {
  id: string;
  class: string;
  title: string;
  roster: string;
  unit: 'person' | 'row' | 'household';
  rosters: { name: string; title: string }[];
  reason: string;
  sql: string;
  params: (string | number)[];
}

export interface RuleList {
  pack: string | null;
  engine: Engine;
  asOf: string;
  rules: RuleInfo[];
}

/** One problem in a rule file (details.problems of a 400). */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface HitQuery {
  runId?: number;
  ruleId?: string;
  outcome?: Outcome;
  unitId?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

export const verificationApi = {
  runs: () => request<CheckRun[]>('GET', '/api/check-runs'),
  createRun: (form: FormData) => request<RunSummary>('POST', '/api/check-runs', form),
  hits: (query: HitQuery) => request<HitPage>('GET', `/api/check-hits${toQuery({ ...query })}`),
  /** The verdict; with files it goes as multipart (the files become the hit's evidence). */
  verify: (id: number, outcome: Verdict, note: string | null, files: File[] = []) => {
    if (files.length === 0)
      return request<CheckHit>('POST', `/api/check-hits/${id}/verify`, { outcome, note });
    const form = new FormData();
    form.set('outcome', outcome);
    if (note) form.set('note', note);
    for (const file of files) form.append('files', file, file.name);
    return request<CheckHit>('POST', `/api/check-hits/${id}/verify`, form);
  },
  rules: (query: { pack?: string; engine?: Engine; asOf?: string }) =>
    request<RuleList>('GET', `/api/check-rules${toQuery({ ...query })}`),
  /** Checks a rule file (field `rules`); a 400's details.problems lists line, column and reason. */
  validateRules: (form: FormData) => request<RuleList>('POST', '/api/check-rules/validate', form),
  evidenceUrl: (evidenceId: number) => `/api/check-hit-evidence/${evidenceId}`,
  promote: (
    runId: number,
    body: { ruleId: string; ruleTitle: string; inspectionId: number; unitId: number; deadline: string },
  ) => request<{ id: number; inspectionId: number }>('POST', `/api/check-runs/${runId}/promote`, body),
  problemCounts: (problemId: number) =>
    request<{ confirmed: number; rectified: number }>('GET', `/api/problems/${problemId}/check-hits`),
};
