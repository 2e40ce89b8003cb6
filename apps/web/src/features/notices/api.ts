import type { NoticeChannel, NoticeLevel, NoticeStatus } from '@zhenggai/core/vocabulary';
import { request, toQuery } from '../../api/client.ts';

// 督办单 and the scheduler that issues them (issue 5). Shapes of /api/notices and /api/scheduler;
// levels, channels and statuses are core's vocabulary.

export { NOTICE_CHANNELS, NOTICE_LEVELS, NOTICE_STATUSES } from '@zhenggai/core/vocabulary';
export type { NoticeChannel, NoticeLevel, NoticeStatus };

export interface Notice {
  id: number;
  inspectionId: number;
  inspectionName: string;
  measureId: number | null;
  measureText: string | null;
  problemId: number | null;
  problemTitle: string | null;
  unitId: number;
  unitName: string;
  level: NoticeLevel;
  channel: NoticeChannel;
  origin: 'auto' | 'manual';
  reason: string;
  /** The deadline (or evidence date) the notice is about. */
  dueDate: string | null;
  issuedOn: string;
  responseDue: string;
  recipients: { id: number; displayName: string }[];
  status: NoticeStatus;
  response: string | null;
  respondedByName: string | null;
  respondedAt: string | null;
  closeNote: string | null;
  closedByName: string | null;
  closedAt: string | null;
  issuedByName: string | null;
  /** Past its response date and still unanswered. */
  late: boolean;
}

/** One notice with what the signed-in user may do with it. */
export interface NoticeDetail extends Notice {
  canAnswer: boolean;
  canClose: boolean;
}

export interface NoticeQuery {
  inspectionId?: number;
  measureId?: number;
  status?: NoticeStatus;
  level?: NoticeLevel;
  mine?: boolean;
  limit?: number;
  offset?: number;
}

export interface SchedulerState {
  lastDay: string | null;
  today: string;
  mail: { host: string; from: string } | null;
}

export interface SchedulerDay {
  day: string;
  skipped: boolean;
  summary: Record<string, number>;
}

export interface NoticeStats {
  total: number;
  open: number;
  answered: number;
  closed: number;
  late: number;
  byLevel: { level: NoticeLevel; total: number; open: number }[];
  units: { unitId: number; unitName: string; open: number; highestLevel: NoticeLevel }[];
}

export const noticesApi = {
  stats: (inspectionId?: number) =>
    request<NoticeStats>('GET', `/api/notices/stats${toQuery({ inspectionId })}`),
  list: (query: NoticeQuery) => request<{ items: Notice[] }>('GET', `/api/notices${toQuery({ ...query })}`),
  get: (id: number) => request<NoticeDetail>('GET', `/api/notices/${id}`),
  issue: (body: {
    measureId: number;
    level: NoticeLevel;
    channel: NoticeChannel;
    reason: string;
    responseDue?: string | null;
  }) => request<Notice>('POST', '/api/notices', body),
  answer: (id: number, response: string) =>
    request<Notice>('POST', `/api/notices/${id}/answer`, { response }),
  close: (id: number, note: string | null) => request<Notice>('POST', `/api/notices/${id}/close`, { note }),
  scheduler: () => request<SchedulerState>('GET', '/api/scheduler'),
  runScheduler: () => request<{ days: SchedulerDay[] }>('POST', '/api/scheduler/run'),
};
