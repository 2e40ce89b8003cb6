import { Button, Progress, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../shared/ui.tsx';
import type { LookbackRound } from './api.ts';
import './messages.ts';

/** The rounds of one inspection with their progress and results per outcome. */
export function RoundsTable({
  rounds,
  loading,
  selectedId,
  onOpen,
}: {
  rounds: LookbackRound[];
  loading: boolean;
  selectedId: number | null;
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<LookbackRound>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rounds}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t.lookback.noRounds }}
      rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
      columns={[
        { key: 'name', title: t.lookback.name, dataIndex: 'name' },
        {
          key: 'scope',
          title: t.lookback.scope,
          render: (_, r) => (
            <>
              <div>{r.unitName ?? t.lookback.allUnits}</div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,.45)' }}>
                {r.sampleSize && r.seed ? t.lookback.sampleOf(r.sampleSize, r.seed) : t.lookback.wholeSet}
              </div>
            </>
          ),
        },
        {
          key: 'progress',
          title: t.lookback.progress,
          width: 200,
          render: (_, r) => (
            <>
              <Progress
                percent={r.total ? Math.round((r.checked * 100) / r.total) : 0}
                size="small"
                format={() => `${r.checked}/${r.total}`}
              />
              <div style={{ fontSize: 12 }}>{t.lookback.counts(r.consolidated, r.rebounded, r.notDone)}</div>
            </>
          ),
        },
        {
          key: 'status',
          title: t.lookback.status,
          width: 90,
          render: (_, r) => (
            <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t.lookback.statuses[r.status]}</Tag>
          ),
        },
        {
          key: 'created',
          title: t.lookback.createdAt,
          width: 150,
          render: (_, r) => `${formatDateTime(r.createdAt)} ${r.createdBy ?? ''}`,
        },
        {
          key: 'open',
          width: 80,
          render: (_, r) => (
            <Button size="small" onClick={() => onOpen(r.id)} data-testid={`lookback-open-${r.id}`}>
              {t.lookback.open}
            </Button>
          ),
        },
      ]}
    />
  );
}
