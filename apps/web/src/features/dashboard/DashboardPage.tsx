import { lazy, Suspense, useMemo, type ComponentProps } from 'react';
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Bucket, LedgerItem } from '../../api/types.ts';
import { useT, type Messages } from '../../i18n/index.tsx';
import type { ChartOption } from '../../shared/EChart.tsx';
import { noticesApi } from '../notices/api.ts';

// ECharts is a big download (≈200 kB gzipped): the totals and lists show first, the charts follow.
const EChart = lazy(() => import('../../shared/EChart.tsx').then((m) => ({ default: m.EChart })));

function Chart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 300 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
import {
  ErrorAlert,
  LIGHT_COLORS,
  LightDot,
  LightLegend,
  PageTitle,
  StatusTag,
  formatDate,
  useAsync,
} from '../../shared/ui.tsx';

// 首页看板 (挂图作战 at a glance): totals, completion by unit / category / leader, the overdue
// and due-soon lists, and closures per week.

function bucketOption(t: Messages, buckets: Bucket[]): ChartOption {
  const rows = [...buckets].sort((a, b) => a.rate - b.rate).slice(-20);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.key),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: t.dashboard.seriesClosed,
        type: 'bar',
        stack: 'm',
        data: rows.map((b) => b.closed),
        itemStyle: { color: LIGHT_COLORS.green },
      },
      {
        name: t.dashboard.seriesOverdue,
        type: 'bar',
        stack: 'm',
        data: rows.map((b) => b.overdue),
        itemStyle: { color: LIGHT_COLORS.red },
      },
      {
        name: t.dashboard.seriesTotal,
        type: 'bar',
        stack: 'm',
        data: rows.map((b) => Math.max(0, b.total - b.closed - b.overdue)),
        itemStyle: { color: '#d9d9d9' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]?.rate ?? 0}%`,
          color: '#595959',
        },
      },
    ],
  };
}

export default function DashboardPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const inspectionId = Number(params.get('inspectionId')) || undefined;
  const stats = useAsync(() => api.stats(inspectionId), [inspectionId]);
  const notices = useAsync(() => noticesApi.stats(inspectionId), [inspectionId]);
  const inspections = useAsync(() => api.inspections(), []);
  const s = stats.data;

  const charts = useMemo(() => {
    if (!s) return null;
    const weekly: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: s.weeklyClosures.map((w) => w.week) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t.dashboard.weekly,
          type: 'bar',
          barMaxWidth: 36,
          label: { show: true, position: 'top' },
          data: s.weeklyClosures.map((w) => w.closed),
          itemStyle: { color: '#c41d0f' },
        },
      ],
    };
    return {
      unit: bucketOption(t, s.byUnit),
      category: bucketOption(t, s.byCategory),
      leader: bucketOption(t, s.byLeader),
      weekly,
    };
  }, [s, t]);

  const ledgerLink = (query: string) =>
    `/ledger?${inspectionId ? `inspectionId=${inspectionId}&` : ''}${query}`;
  const height = (n: number) => Math.max(180, Math.min(20, n) * 28 + 60);

  return (
    <div>
      <PageTitle
        extra={
          <Select
            style={{ minWidth: 260 }}
            aria-label={t.dashboard.scope}
            value={inspectionId ?? 0}
            onChange={(v: number) => setParams(v ? { inspectionId: String(v) } : {})}
            options={[
              { value: 0, label: t.dashboard.allInspections },
              ...(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name })),
            ]}
            data-testid="dashboard-scope"
          />
        }
      >
        {t.dashboard.title}
      </PageTitle>
      <ErrorAlert error={stats.error} onRetry={() => void stats.reload()} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          {
            key: 'problems',
            title: t.dashboard.problems,
            value: s?.totals.problems,
            foot: s ? t.dashboard.problemsClosed(s.totals.problemsClosed) : '',
            to: '/inspections',
          },
          {
            key: 'measures',
            title: t.dashboard.measures,
            value: s?.totals.measures,
            foot: s ? t.dashboard.rate(s.totals.rate) : '',
            to: ledgerLink(''),
          },
          {
            key: 'closed',
            title: t.dashboard.closed,
            value: s?.totals.closed,
            color: LIGHT_COLORS.green,
            to: ledgerLink('status=closed'),
          },
          {
            key: 'pendingReview',
            title: t.dashboard.pendingReview,
            value: s?.totals.pendingReview,
            to: ledgerLink('status=pending_review'),
          },
          {
            key: 'ongoing',
            title: t.dashboard.ongoing,
            value: s?.totals.ongoing,
            color: '#722ed1',
            to: ledgerLink('kind=ongoing'),
          },
          {
            key: 'overdue',
            title: t.dashboard.overdue,
            value: s?.totals.overdue,
            color: LIGHT_COLORS.red,
            to: ledgerLink('overdue=true'),
          },
          {
            key: 'dueSoon',
            title: t.dashboard.dueSoon,
            value: s?.totals.dueSoon,
            color: '#d48806',
            to: ledgerLink('dueSoon=true'),
          },
          {
            key: 'recurring',
            title: t.lookback.dashboardTitle,
            value: s?.lookback?.recurringProblems,
            foot: s?.lookback
              ? t.lookback.dashboardFoot(s.lookback.checked, s.lookback.rebounded, s.lookback.notDone)
              : '',
            color: LIGHT_COLORS.red,
            to: inspectionId ? `/lookback?inspectionId=${inspectionId}` : '/lookback',
          },
          {
            key: 'notices',
            title: t.notices.dashboardTitle,
            value: notices.data?.open,
            foot: notices.data
              ? t.notices.dashboardFoot(
                  [1, 2, 3].map((l) => notices.data!.byLevel.find((b) => b.level === l)?.open ?? 0),
                  notices.data.late,
                )
              : '',
            color: '#c41d0f',
            to: `/notices?status=open${inspectionId ? `&inspectionId=${inspectionId}` : ''}`,
          },
        ].map((card) => (
          <Col key={card.key} flex="1 1 150px">
            <Link to={card.to} data-testid={`total-${card.key}`}>
              <Card size="small" hoverable loading={!s}>
                <Statistic
                  title={card.title}
                  value={card.value ?? 0}
                  styles={{ content: { color: card.color } }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {card.foot || '\u00a0'}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        <Space size={16} wrap>
          <LightLegend />
        </Space>
      </Typography.Paragraph>
      {charts && s && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t.dashboard.byUnit}>
              <Chart label={t.dashboard.byUnit} option={charts.unit} height={height(s.byUnit.length)} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t.dashboard.byCategory}>
              <Chart
                label={t.dashboard.byCategory}
                option={charts.category}
                height={height(s.byCategory.length)}
                onClick={(p) => p.name && navigate(ledgerLink(`categoryTitle=${encodeURIComponent(p.name)}`))}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t.dashboard.byLeader}>
              <Chart
                label={t.dashboard.byLeader}
                option={charts.leader}
                height={height(s.byLeader.length)}
                onClick={(p) => p.name && navigate(ledgerLink(`leaderName=${encodeURIComponent(p.name)}`))}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t.dashboard.weekly}>
              <Chart label={t.dashboard.weekly} option={charts.weekly} height={240} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t.dashboard.overdueList}>
              <ItemTable items={s.overdue} t={t} overdue testId="overdue-list" />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t.dashboard.dueSoonList}>
              <ItemTable items={s.dueSoon} t={t} testId="duesoon-list" />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

function ItemTable({
  items,
  t,
  overdue,
  testId,
}: {
  items: LedgerItem[];
  t: Messages;
  overdue?: boolean;
  testId: string;
}) {
  return (
    <Table<LedgerItem>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
      locale={{ emptyText: overdue ? t.dashboard.noOverdue : t.common.empty }}
      data-testid={testId}
      columns={[
        {
          title: t.ledger.light,
          width: 110,
          render: (_, r) => <LightDot light={r.light} daysLeft={r.daysLeft} />,
        },
        {
          title: t.ledger.measure,
          dataIndex: 'text',
          ellipsis: true,
          render: (text: string, r) => <Link to={`/measures/${r.id}`}>{text}</Link>,
        },
        { title: t.ledger.unit, dataIndex: 'unitName', width: 140, ellipsis: true },
        { title: t.ledger.deadline, dataIndex: 'deadline', width: 100, render: formatDate },
        ...(overdue
          ? [
              {
                title: t.dashboard.daysOverdue,
                width: 80,
                align: 'right' as const,
                render: (_: unknown, r: LedgerItem) => (r.daysLeft !== null ? -r.daysLeft : '—'),
              },
            ]
          : []),
        {
          title: t.ledger.status,
          dataIndex: 'status',
          width: 90,
          render: (v: LedgerItem['status']) => <StatusTag status={v} />,
        },
      ]}
    />
  );
}
