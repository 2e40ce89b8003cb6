import type {
  AuditEvent,
  Grant,
  ImportSummary,
  Inspection,
  InspectionInput,
  LedgerPage,
  Me,
  Measure,
  MeasureEvent,
  MeasureInput,
  Outline,
  ProblemInput,
  Stats,
  Timeline,
  Unit,
  UnitKind,
  User,
  HardNumber,
} from './types.ts';

// One typed client for the API. Every failure becomes an ApiError with the server's code; a 401
// tells the session layer, which shows the sign-in dialog over the page (nothing typed is lost).

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'IMPORT_INVALID'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'SERVER';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function toQuery(query: Query | URLSearchParams | undefined): string {
  if (!query) return '';
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One call to the API; features with their own endpoint modules build on it. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { silent401?: boolean } = {},
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError('NETWORK', (error as Error).message, 0);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    const code = (error?.code as ErrorCode | undefined) ?? (response.status >= 500 ? 'SERVER' : 'VALIDATION');
    const apiError = new ApiError(
      code,
      error?.message ?? response.statusText,
      response.status,
      error?.details,
    );
    if (response.status === 401 && !options.silent401) onUnauthenticated?.();
    throw apiError;
  }
  return data as T;
}

export const api = {
  me: () => request<Me>('GET', '/api/session', undefined, { silent401: true }),
  login: (username: string, password: string) =>
    request<{ me: Me; expiresAt: string }>(
      'POST',
      '/api/session',
      { username, password },
      { silent401: true },
    ),
  logout: () => request<unknown>('DELETE', '/api/session', undefined, { silent401: true }),

  units: () => request<Unit[]>('GET', '/api/units'),
  createUnit: (body: { name: string; kind: UnitKind; parentId: number }) =>
    request<Unit>('POST', '/api/units', body),
  renameUnit: (id: number, name: string) => request<Unit>('PATCH', `/api/units/${id}`, { name }),
  users: () => request<User[]>('GET', '/api/users'),
  createUser: (body: {
    username: string;
    displayName: string;
    password: string;
    unitId: number;
    email?: string | null;
    grants: Pick<Grant, 'role' | 'unitId' | 'principal'>[];
  }) => request<User>('POST', '/api/users', body),
  patchUser: (
    id: number,
    body: { displayName?: string; password?: string; disabled?: boolean; email?: string | null },
  ) => request<User>('PATCH', `/api/users/${id}`, body),
  setGrants: (id: number, grants: Pick<Grant, 'role' | 'unitId' | 'principal'>[]) =>
    request<User>('PUT', `/api/users/${id}/grants`, { grants }),

  inspections: () => request<Inspection[]>('GET', '/api/inspections'),
  inspection: (id: number) => request<Inspection>('GET', `/api/inspections/${id}`),
  createInspection: (body: InspectionInput) => request<Inspection>('POST', '/api/inspections', body),
  updateInspection: (id: number, body: InspectionInput) =>
    request<Inspection>('PUT', `/api/inspections/${id}`, body),
  deleteInspection: (id: number) => request<unknown>('DELETE', `/api/inspections/${id}`),
  outline: (id: number) => request<Outline>('GET', `/api/inspections/${id}/outline`),
  createCategory: (inspectionId: number, title: string) =>
    request<{ id: number; title: string }>('POST', `/api/inspections/${inspectionId}/categories`, { title }),
  createProblem: (inspectionId: number, body: ProblemInput) =>
    request<{ id: number }>('POST', `/api/inspections/${inspectionId}/problems`, body),
  createMeasure: (problemId: number, body: MeasureInput) =>
    request<{ id: number }>('POST', `/api/problems/${problemId}/measures`, body),
  updateMeasure: (id: number, body: MeasureInput) => request<Measure>('PUT', `/api/measures/${id}`, body),

  measure: (id: number) => request<Measure>('GET', `/api/measures/${id}`),
  timeline: (id: number) => request<Timeline>('GET', `/api/measures/${id}/timeline`),
  fire: (id: number, event: Exclude<MeasureEvent, 'report_progress'>, reason?: string) =>
    request<unknown>('POST', `/api/measures/${id}/events/${event}`, { reason: reason ?? null }),
  addProgress: (id: number, text: string, numbers: HardNumber[], files: File[]) => {
    const form = new FormData();
    form.set('text', text);
    form.set('numbers', JSON.stringify(numbers));
    for (const file of files) form.append('files', file, file.name);
    return request<unknown>('POST', `/api/measures/${id}/progress`, form);
  },

  ledger: (query: URLSearchParams, options: { silent401?: boolean } = {}) =>
    request<LedgerPage>('GET', `/api/ledger${toQuery(query)}`, undefined, options),
  ledgerXlsxUrl: (inspectionId: number, query: URLSearchParams) =>
    `/api/inspections/${inspectionId}/ledger.xlsx${toQuery(query)}`,
  importLedger: (form: FormData) => request<ImportSummary>('POST', '/api/ledger/import', form),
  stats: (inspectionId?: number) => request<Stats>('GET', `/api/stats${toQuery({ inspectionId })}`),
  audit: (query: Query) => request<AuditEvent[]>('GET', `/api/audit${toQuery(query)}`),
};

export const evidenceUrl = (attachmentId: number) => `/api/evidence/${attachmentId}`;
