import type {
  PublicAnswerView,
  PublicPublicationSummary,
  PublicPublicationText,
} from '@zhenggai/core/contracts';
import { ApiError, type ErrorCode } from '../../api/client.ts';

// The public portal's endpoints: no session, nothing internal.

export type PublicationSummary = PublicPublicationSummary;
export type PublicationText = PublicPublicationText;

export interface Challenge {
  token: string;
  salt: string;
  bits: number;
  expiresAt: string;
}

export const CATEGORIES = ['opinion', 'complaint', 'clue', 'inquiry'] as const;
export type Category = (typeof CATEGORIES)[number];
export type MessageStatus = 'new' | 'assigned' | 'answered' | 'closed' | 'rejected';

export type TrackedMessage = PublicAnswerView;

/** Fetch with the app's error shape; shared by the public pages and the office's pages. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    const code = (error?.code as ErrorCode | undefined) ?? (response.status >= 500 ? 'SERVER' : 'VALIDATION');
    throw new ApiError(code, error?.message ?? response.statusText, response.status, error?.details);
  }
  return data as T;
}

export const publicApi = {
  publications: () => call<PublicationSummary[]>('GET', '/api/public/publications'),
  publication: (id: number) => call<PublicationText>('GET', `/api/public/publications/${id}`),
  challenge: () => call<Challenge>('GET', '/api/public/challenge'),
  submit: (form: FormData) => call<{ trackingCode: string }>('POST', '/api/public/messages', form),
  track: (code: string) =>
    call<TrackedMessage>('GET', `/api/public/messages/${encodeURIComponent(code.trim())}`),
};

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const BODY_MAX = 5000;
