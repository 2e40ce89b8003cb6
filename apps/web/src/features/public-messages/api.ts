import type { Publication, PublicMessage, PublicMessageDetail } from '@zhenggai/core/contracts';
import { api, toQuery } from '../../api/client.ts';
import { call, type Category, type MessageStatus } from '../public-portal/api.ts';

// The office's and the units' endpoints for messages from the public and for publishing 通报.

export type { Publication, PublicMessage, PublicMessageDetail };

/** Like the app's client: a 401 opens the sign-in dialog over the page. */
async function signedIn<T>(method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await call<T>(method, path, body);
  } catch (error) {
    if ((error as { status?: number }).status === 401) void api.units().catch(() => undefined);
    throw error;
  }
}

const base = (id: number) => `/api/public-messages/${id}`;

export const messagesApi = {
  list: (query: { status?: MessageStatus; q?: string; overdue?: boolean }) =>
    signedIn<{ items: PublicMessage[]; total: number }>('GET', `/api/public-messages${toQuery(query)}`),
  get: (id: number) => signedIn<PublicMessageDetail>('GET', base(id)),
  triage: (id: number, note: string) => signedIn<PublicMessageDetail>('POST', `${base(id)}/triage`, { note }),
  link: (id: number, problemIds: number[], remove = false) =>
    signedIn<PublicMessageDetail>('POST', `${base(id)}/link`, { problemIds, remove }),
  assign: (id: number, unitId: number, dueDate: string | null) =>
    signedIn<PublicMessageDetail>('POST', `${base(id)}/assign`, { unitId, dueDate }),
  answer: (id: number, answer: string) =>
    signedIn<PublicMessageDetail>('POST', `${base(id)}/answer`, { answer }),
  close: (id: number) => signedIn<PublicMessageDetail>('POST', `${base(id)}/close`, {}),
  reject: (id: number, reason: string) =>
    signedIn<PublicMessageDetail>('POST', `${base(id)}/reject`, { reason }),
  register: (body: {
    channel: 'phone' | 'letter' | 'visit' | 'email';
    category: Category;
    body: string;
    contact?: string | null;
    inspectionId?: number | null;
  }) => signedIn<{ id: number; trackingCode: string }>('POST', '/api/public-messages', body),
  fileUrl: (fileId: number) => `/api/public-message-files/${fileId}`,

  publications: () => signedIn<Publication[]>('GET', '/api/publications'),
  draft: (inspectionId: number) =>
    signedIn<{ title: string; body: string }>('GET', `/api/inspections/${inspectionId}/publication-draft`),
  publish: (inspectionId: number, body: { title: string; body: string }) =>
    signedIn<Publication>('POST', `/api/inspections/${inspectionId}/publications`, body),
  updatePublication: (id: number, body: { title: string; body: string }) =>
    signedIn<Publication>('PUT', `/api/publications/${id}`, body),
  withdraw: (id: number, withdrawn: boolean) =>
    signedIn<Publication>('POST', `/api/publications/${id}/withdraw`, { withdrawn }),
};
