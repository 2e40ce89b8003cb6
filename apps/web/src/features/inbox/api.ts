import { request, toQuery } from '../../api/client.ts';

// The signed-in user's own messages (站内消息): reminders, 督办单, answers, and those of other
// features. Nobody reads another person's inbox; the server answers only for the session's user.

export interface InboxItem {
  id: number;
  /** reminder, notice, notice_escalated, notice_answered, or a kind of another feature. */
  kind: string;
  title: string;
  body: string;
  /** A path of this web app, e.g. /measures/42 or /notices/7. */
  link: string | null;
  measureId: number | null;
  noticeId: number | null;
  createdAt: string;
  readAt: string | null;
}

export const inboxApi = {
  list: (query: { unread?: boolean; limit?: number; before?: number }) =>
    request<{ items: InboxItem[]; unread: number }>('GET', `/api/inbox${toQuery(query)}`),
  unreadCount: () =>
    request<{ unread: number }>('GET', '/api/inbox/unread-count', undefined, { silent401: true }),
  /** Without ids: everything. */
  markRead: (ids?: number[]) => request<{ changed: number }>('POST', '/api/inbox/read', ids ? { ids } : {}),
};
