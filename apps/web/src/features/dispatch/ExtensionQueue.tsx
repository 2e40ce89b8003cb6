import { useState } from 'react';
import { Segmented, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, formatDateTime, useAsync } from '../../shared/ui.tsx';
import { dispatchApi, type ExtensionStatus, type QueuedExtension } from './api.ts';
import { DecideButtons } from './DecideButtons.tsx';
import { ExtensionStatusTag } from './ExtensionStatusTag.tsx';
import './messages.ts';

// 延期审批: the requests on measures in my scope, pending first; the office decides here.

const STATUSES: ExtensionStatus[] = ['pending', 'approved', 'refused', 'withdrawn'];

export function ExtensionQueue({ inspectionId }: { inspectionId?: number }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ExtensionStatus>('pending');
  const queue = useAsync(() => dispatchApi.queue({ status, inspectionId }), [status, inspectionId]);
  return (
    <div data-testid="extension-queue">
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as ExtensionStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t.extension.statuses[s] }))}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={queue.error} onRetry={() => void queue.reload()} />
      <Table<QueuedExtension>
        rowKey="id"
        size="small"
        loading={queue.loading}
        dataSource={queue.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t.extension.queueEmpty }}
        scroll={{ x: 900 }}
        columns={[
          { title: t.dispatch.unit, dataIndex: 'unitName', width: 120 },
          {
            title: t.dispatch.measure,
            render: (_, r) => (
              <div>
                <Link to={`/measures/${r.measureId}`}>
                  {r.problemNumber}. {r.measureText}
                </Link>
                <div>
                  <Typography.Text type="secondary">{r.inspectionName}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: `${t.extension.current} → ${t.extension.requested}`,
            width: 200,
            render: (_, r) => (
              <span>
                {formatDate(r.currentDeadline)} → <strong>{formatDate(r.requestedDeadline)}</strong>
              </span>
            ),
          },
          { title: t.extension.reason, dataIndex: 'reason' },
          {
            title: t.extension.requestedBy,
            width: 150,
            render: (_, r) => (
              <div>
                {r.requestedByName ?? '—'}
                <div>
                  <Typography.Text type="secondary">{formatDateTime(r.requestedAt)}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t.extension.decision,
            width: 170,
            render: (_, r) =>
              r.status === 'pending' && r.canDecide ? (
                <DecideButtons requestId={r.id} onDone={() => void queue.reload()} />
              ) : (
                <div>
                  <ExtensionStatusTag status={r.status} />
                  {r.decisionNote && <div>{r.decisionNote}</div>}
                </div>
              ),
          },
        ]}
      />
    </div>
  );
}
