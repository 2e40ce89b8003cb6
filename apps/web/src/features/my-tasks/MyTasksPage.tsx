import { useState } from 'react';
import { Button, Card, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { LedgerItem } from '../../api/types.ts';
import { useMe } from '../../app/session.tsx';
import { useT, type Messages } from '../../i18n/index.tsx';
import {
  ErrorAlert,
  KindTag,
  LightDot,
  PageTitle,
  StatusTag,
  formatDate,
  useAsync,
} from '../../shared/ui.tsx';

// 我的任务: the measures of my own unit(s), most urgent first, each with what to do next.

function nextAction(t: Messages, item: LedgerItem): string {
  if (item.status === 'closed')
    return item.kind === 'ongoing' ? t.myTasks.nextAction.closed_ongoing : t.myTasks.nextAction.closed;
  return t.myTasks.nextAction[item.status];
}

export default function MyTasksPage() {
  const t = useT();
  const me = useMe();
  const [showClosed, setShowClosed] = useState(false);
  const clerkUnits = me.grants.filter((g) => g.role === 'clerk' || g.role === 'leader');
  const units = clerkUnits.length ? clerkUnits : [];

  const tasks = useAsync(async () => {
    const status = showClosed ? undefined : 'not_started,in_progress,pending_review';
    const queries = units.length
      ? units.map((g) => ({ unitId: String(g.unitId), unitSubtree: 'true' }))
      : [{}];
    const pages = await Promise.all(
      queries.map((q) => {
        const p = new URLSearchParams({ ...q, sort: 'urgency', limit: '2000' });
        if (status) p.set('status', status);
        return api.ledger(p);
      }),
    );
    const seen = new Set<number>();
    const items = pages
      .flatMap((p) => p.items)
      .filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
    return items;
  }, [showClosed, me.id]);

  return (
    <div>
      <PageTitle
        extra={
          <label>
            <Space size={6}>
              <Switch size="small" checked={showClosed} onChange={setShowClosed} />
              {t.myTasks.showClosed}
            </Space>
          </label>
        }
      >
        {t.myTasks.title}
      </PageTitle>
      <Typography.Paragraph type="secondary">
        {units.length ? t.myTasks.intro(units.map((g) => g.unitName).join('、')) : t.myTasks.allScope}
      </Typography.Paragraph>
      <ErrorAlert error={tasks.error} onRetry={() => void tasks.reload()} />
      <Card size="small">
        <List<LedgerItem>
          loading={tasks.loading}
          dataSource={tasks.data ?? []}
          locale={{ emptyText: <Empty description={t.myTasks.none} /> }}
          pagination={(tasks.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          data-testid="my-tasks"
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid={`task-${item.id}`}
              actions={[
                <Link key="go" to={`/measures/${item.id}`}>
                  <Button type="primary" size="small">
                    {t.myTasks.go} <RightOutlined />
                  </Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <LightDot light={item.light} daysLeft={item.daysLeft} />
                    <Link to={`/measures/${item.id}`}>{item.text}</Link>
                  </Space>
                }
                description={
                  <div>
                    <div>
                      {item.problemNumber}. {item.problemTitle} · {item.unitName} · {t.ledger.deadline}{' '}
                      {formatDate(item.deadline)}
                    </div>
                    <Space wrap size={4} style={{ marginTop: 4 }}>
                      <StatusTag status={item.status} />
                      <KindTag kind={item.kind} />
                      <Tag color="cyan">
                        {t.myTasks.next}：{nextAction(t, item)}
                      </Tag>
                    </Space>
                  </div>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
