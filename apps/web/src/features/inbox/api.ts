import type { InboxItem } from '@zhenggai/core/contracts';
import { request, toQuery } from '../../api/client.ts';

// The signed-in user's own messages (站内消息): reminders, 督办单, answers, and those of other
// features. Nobody reads another person's inbox; the server answers only for the session's user.

export type { InboxItem };

export const inboxApi = {
  list: (query: { unread?: boolean; limit?: number; before?: number }) =>
    request<{ items: InboxItem[]; unread: number }>('GET', `/api/inbox${toQuery(query)}`),
  unreadCount: () =>
    request<{ unread: number }>('GET', '/api/inbox/unread-count', undefined, { silent401: true }),
  /** Without ids: everything. */
  markRead: (ids?: number[]) => request<{ changed: number }>('POST', '/api/inbox/read', ids ? { ids } : {}),
};
