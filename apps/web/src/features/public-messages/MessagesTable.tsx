import { useState } from 'react';
import { Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, useAsync } from '../../shared/ui.tsx';
import type { MessageStatus } from '../public-portal/api.ts';
import { messagesApi } from './api.ts';
import { RegisterMessage } from './RegisterMessage.tsx';
import './messages.ts';

// The list: what my office received and what was assigned to my unit, newest work first.

const STATUSES: MessageStatus[] = ['new', 'assigned', 'answered', 'closed', 'rejected'];
export const STATUS_COLORS: Record<MessageStatus, string> = {
  new: 'red',
  assigned: 'processing',
  answered: 'gold',
  closed: 'success',
  rejected: 'default',
};

export function MessagesTable({ office }: { office: boolean }) {
  const { t } = useI18n();
  const m = t.publicMessages;
  const [status, setStatus] = useState<MessageStatus | undefined>();
  const [q, setQ] = useState('');
  const [overdue, setOverdue] = useState(false);
  const { data, error, loading, reload } = useAsync(
    () => messagesApi.list({ status, q: q || undefined, overdue: overdue || undefined }),
    [status, q, overdue],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={m.all}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))}
        />
        <Input.Search allowClear placeholder={m.search} onSearch={setQ} style={{ width: 240 }} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {m.overdue}
        </Checkbox>
        {office && <RegisterMessage onDone={() => void reload()} />}
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: m.empty }}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'message-row', 'data-message-id': r.id }) as object}
        columns={[
          { title: m.receivedAt, dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
          { title: m.category, dataIndex: 'categoryLabel', width: 90 },
          {
            title: m.body,
            dataIndex: 'body',
            render: (v: string, r) => (
              <Link to={`/public-messages/${r.id}`}>
                <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                  {v}
                </Typography.Text>
              </Link>
            ),
          },
          {
            title: m.status,
            dataIndex: 'status',
            width: 120,
            render: (v: MessageStatus, r) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[v]}>{m.statuses[v]}</Tag>
                {r.overdue && <Tag color="red">{m.overdueTag}</Tag>}
              </Space>
            ),
          },
          {
            title: m.assignedUnit,
            dataIndex: 'assignedUnitName',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
          { title: m.dueDate, dataIndex: 'dueDate', width: 110, render: (v: string | null) => formatDate(v) },
        ]}
      />
    </Space>
  );
}
