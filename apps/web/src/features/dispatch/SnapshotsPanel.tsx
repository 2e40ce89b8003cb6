import { useState } from 'react';
import { Card, Empty, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDateTime, useAsync } from '../../shared/ui.tsx';
import { dispatchApi, type SnapshotMeta } from './api.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { TakeSnapshotForm } from './TakeSnapshotForm.tsx';
import './messages.ts';

// One inspection's dispatches: take a new one (office), pick two, see what changed. By default
// the latest dispatch is compared with the one before it.

export function SnapshotsPanel({ inspectionId, canTake }: { inspectionId: number; canTake: boolean }) {
  const { t } = useI18n();
  const d = t.dispatch;
  const list = useAsync(() => dispatchApi.snapshots(inspectionId), [inspectionId]);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const snapshots = list.data ?? [];
  const from = picked.from ?? snapshots[1]?.id;
  const to = picked.to ?? snapshots[0]?.id;
  const comparison = useAsync(
    () => (from && to && from !== to ? dispatchApi.compare(from, to) : Promise.resolve(null)),
    [from, to],
  );
  const option = (s: SnapshotMeta) => ({
    value: s.id,
    label: `${s.label}（${s.takenOn}）`,
  });
  return (
    <div data-testid="dispatch-snapshots">
      {canTake && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <TakeSnapshotForm
            inspectionId={inspectionId}
            onDone={() => {
              setPicked({});
              void list.reload();
            }}
          />
        </Card>
      )}
      <ErrorAlert error={list.error} onRetry={() => void list.reload()} />
      <Card size="small" title={d.snapshots} style={{ marginBottom: 12 }}>
        {snapshots.length === 0 ? (
          <Empty description={d.noSnapshots} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <span>{d.from}</span>
              <Select
                style={{ width: 240 }}
                value={from}
                options={snapshots.map(option)}
                onChange={(v) => setPicked((p) => ({ ...p, from: v }))}
                data-testid="compare-from"
              />
              <span>{d.to}</span>
              <Select
                style={{ width: 240 }}
                value={to}
                options={snapshots.map(option)}
                onChange={(v) => setPicked((p) => ({ ...p, to: v }))}
                data-testid="compare-to"
              />
            </Space>
            <div>
              {snapshots.map((s) => (
                <div key={s.id} data-testid="snapshot-item">
                  <Typography.Text>{s.label}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {s.takenOn} · {d.by}：{s.createdByName ?? '—'} · {formatDateTime(s.createdAt)}
                  </Typography.Text>
                </div>
              ))}
            </div>
          </>
        )}
      </Card>
      {snapshots.length > 0 && snapshots.length < 2 && (
        <Typography.Text type="secondary">{d.pickTwo}</Typography.Text>
      )}
      <ErrorAlert error={comparison.error} onRetry={() => void comparison.reload()} />
      {comparison.data && <ComparisonView c={comparison.data} />}
    </div>
  );
}
