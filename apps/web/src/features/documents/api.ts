import { ApiError, api, toQuery, type ErrorCode } from '../../api/client.ts';
import type { CellIssue, InspectionKind } from '../../api/types.ts';

// The document endpoints (issue 4): parse, import-doc, reports, contact and templates. Errors
// become the app's ApiError like every other call, so errorText() shows the server's Chinese
// message. (These belong in api/client.ts eventually; they live here while that file is someone
// else's.)

export interface ParsedMeasure {
  text: string;
}

export interface ParsedProblem {
  number: string;
  title: string;
  text: string;
  measures: ParsedMeasure[];
}

export interface ParsedCategory {
  title: string;
  problems: ParsedProblem[];
}

export interface StatedTotals {
  categories?: number;
  problems?: number;
  measures?: number;
  completedMeasures?: number;
}

export interface ParsedDocument {
  title: string | null;
  kind: InspectionKind | null;
  inspector: string | null;
  inspectedUnit: string | null;
  inspectionPeriod: { start: string; end: string } | null;
  feedbackDate: string | null;
  categories: ParsedCategory[];
  contact: { phone: string | null; email: string | null } | null;
  statedTotals: StatedTotals;
  warnings: string[];
}

export interface ParseResult {
  fileName: string | null;
  document: ParsedDocument;
}

export interface ImportDocResult {
  inspectionId: number | null;
  dryRun?: boolean;
  categories: number;
  problems: number;
  measures: number;
  unitsCreated?: string[];
  issues: CellIssue[];
  warnings: string[];
}

export type ReportKind = 'tongbao' | 'progress';

export interface PublicContact {
  phone: string | null;
  email: string | null;
  address: string | null;
}

async function failure(response: Response): Promise<ApiError> {
  let error: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    error = ((await response.json()) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  const code = (error?.code as ErrorCode | undefined) ?? (response.status >= 500 ? 'SERVER' : 'VALIDATION');
  if (response.status === 401) {
    // The app's client owns the "session expired" dialog; any of its calls that meets the 401
    // opens it, with the page (and everything typed into it) kept underneath.
    void api.units().catch(() => undefined);
  }
  return new ApiError(code, error?.message ?? response.statusText, response.status, error?.details);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
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
  return response;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body)).json()) as T;
}

/** `filename*=UTF-8''…` or `filename="…"` from a Content-Disposition header. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export const docsApi = {
  parseFile: (file: File) => {
    const form = new FormData();
    form.set('file', file, file.name);
    return json<ParseResult>('POST', '/api/documents/parse', form);
  },
  parseText: (text: string) => json<ParseResult>('POST', '/api/documents/parse', { text }),
  importDoc: (body: {
    document: ParsedDocument;
    inspectionId?: number;
    unitId?: number;
    dryRun?: boolean;
    fileName?: string;
  }) => json<ImportDocResult>('POST', '/api/ledger/import-doc', body),
  reportUrl: (
    inspectionId: number,
    kind: ReportKind,
    query: { date?: string; phone?: string; email?: string },
  ) => `/api/inspections/${inspectionId}/report/${kind}${toQuery(query)}`,
  /** Fetches a report; failures come back as ApiError with the server's message. */
  report: async (url: string, fallbackName: string) => {
    const response = await send('GET', url);
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName),
    };
  },
  contact: () => json<PublicContact>('GET', '/api/settings/contact'),
  saveContact: (contact: PublicContact) => json<PublicContact>('PUT', '/api/settings/contact', contact),
  template: (kind: ReportKind) =>
    json<{ template: string; custom: boolean }>('GET', `/api/settings/templates/${kind}`),
  saveTemplate: (kind: ReportKind, template: string) =>
    json<{ ok: boolean }>('PUT', `/api/settings/templates/${kind}`, { template }),
};

/** Saves a blob under a name through an ordinary download link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
