import type { NoticeChannel, NoticeLevel, NoticeStatus } from '@zhenggai/core/vocabulary';
import type { Notice, NoticeDetail, NoticeStats, SchedulerDay } from '@zhenggai/core/contracts';
import { request, toQuery } from '../../api/client.ts';

// 督办单 and the scheduler that issues them (issue 5). Shapes of /api/notices and /api/scheduler;
// levels, channels and statuses are core's vocabulary.

export { NOTICE_CHANNELS, NOTICE_LEVELS, NOTICE_STATUSES } from '@zhenggai/core/vocabulary';
export type { Notice, NoticeChannel, NoticeDetail, NoticeLevel, NoticeStats, NoticeStatus, SchedulerDay };

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
