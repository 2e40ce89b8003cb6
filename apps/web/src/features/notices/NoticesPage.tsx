import { Alert, Card, Checkbox, Select, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { NOTICE_LEVELS, NOTICE_STATUSES, noticesApi, type NoticeLevel, type NoticeStatus } from './api.ts';
import { NoticesTable } from './NoticesTable.tsx';
import { SchedulerCard } from './SchedulerCard.tsx';
import './messages.ts';

// 督办单 list: filters (status, level, inspection, only mine) live in the address, so a filtered
// list can be bookmarked or sent. The office also sees the scheduler's state here.

/** The server's page size cap; notices not yet closed come first. */
const LIMIT = 500;

function readFilters(params: URLSearchParams) {
  const status = params.get('status');
  const level = Number(params.get('level'));
  const inspectionId = Number(params.get('inspectionId'));
  return {
    status: NOTICE_STATUSES.includes(status as NoticeStatus) ? (status as NoticeStatus) : undefined,
    level: NOTICE_LEVELS.includes(level as NoticeLevel) ? (level as NoticeLevel) : undefined,
    inspectionId: inspectionId > 0 ? inspectionId : undefined,
    mine: params.get('mine') === 'true' || undefined,
  };
}

export default function NoticesPage() {
  const { t } = useI18n();
  const n = t.notices;
  const me = useMe();
  const office = hasRole(me, 'office', 'admin');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const key = params.toString();
  const notices = useAsync(
    () => noticesApi.list({ ...readFilters(new URLSearchParams(key)), limit: LIMIT }),
    [key],
  );
  const inspections = useAsync(() => api.inspections(), []);

  const set = (name: string, value: string | number | boolean | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === false || value === '') next.delete(name);
    else next.set(name, String(value));
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="notices-page">
      <PageTitle>{n.title}</PageTitle>
      {office && <SchedulerCard onRan={() => void notices.reload()} />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<NoticeStatus | ''>
            style={{ width: 130 }}
            aria-label={n.filterStatus}
            value={filters.status ?? ''}
            onChange={(v) => set('status', v)}
            options={[
              { value: '', label: n.allStatuses },
              ...NOTICE_STATUSES.map((s) => ({ value: s, label: n.statuses[s] })),
            ]}
            data-testid="notices-filter-status"
          />
          <Select<number>
            style={{ width: 130 }}
            aria-label={n.filterLevel}
            value={filters.level ?? 0}
            onChange={(v) => set('level', v || undefined)}
            options={[
              { value: 0, label: n.allLevels },
              ...NOTICE_LEVELS.map((l) => ({ value: l, label: n.levels[l] })),
            ]}
            data-testid="notices-filter-level"
          />
          <Select<number>
            style={{ width: 280, maxWidth: '100%' }}
            aria-label={n.filterInspection}
            value={filters.inspectionId ?? 0}
            onChange={(v) => set('inspectionId', v || undefined)}
            popupMatchSelectWidth={false}
            options={[
              { value: 0, label: n.allInspections },
              ...(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
          <Checkbox
            checked={!!filters.mine}
            onChange={(e) => set('mine', e.target.checked)}
            data-testid="notices-filter-mine"
          >
            {n.mine}
          </Checkbox>
        </Space>
        <ErrorAlert error={notices.error} onRetry={() => void notices.reload()} />
        {(notices.data?.items.length ?? 0) >= LIMIT && (
          <Alert type="info" showIcon title={n.truncated(LIMIT)} style={{ marginBottom: 12 }} />
        )}
        <NoticesTable notices={notices.data?.items ?? []} loading={notices.loading} />
      </Card>
    </div>
  );
}
