import { Alert, Badge, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { LIGHT_COLORS, StatusTag, formatDate, formatDateTime } from '../../shared/ui.tsx';
import { compareUrl, type Comparison, type DispatchCounts } from './api.ts';
import './messages.ts';

// What changed between two dispatches: totals by unit then/now, status moves, stalled measures
// grouped by unit, hard numbers that changed; downloads as Excel and Word.

const cell = (c: DispatchCounts | null, key: 'measures' | 'closed' | 'overdue') => (c ? c[key] : '—');

export function ComparisonView({ c }: { c: Comparison }) {
  const { t } = useI18n();
  const d = t.dispatch;
  const stalledCount = c.stalled.reduce((n, u) => n + u.measures.length, 0);
  const measureLink = (id: number, number: string, text: string) => (
    <Link to={`/measures/${id}`}>
      {number}. {text}
    </Link>
  );
  return (
    <div data-testid="dispatch-comparison">
      {c.partial && <Alert type="info" showIcon title={d.partial} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          {c.from.label}（{c.from.takenOn}）→ {c.to.label}（{c.to.takenOn}）
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={compareUrl(c.from.id, c.to.id, 'xlsx')}
          data-testid="dispatch-xlsx"
        >
          {d.exportXlsx}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={compareUrl(c.from.id, c.to.id, 'docx')}
          data-testid="dispatch-docx"
        >
          {d.exportDocx}
        </Button>
      </Space>
      <Card size="small" title={d.totals} style={{ marginBottom: 12 }}>
        <Table
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={[
            { unitId: 0, unitName: t.common.all, then: c.totals.then, now: c.totals.now },
            ...c.units,
          ]}
          columns={[
            { title: d.unit, dataIndex: 'unitName' },
            ...(['measures', 'closed', 'overdue'] as const).map((key) => ({
              title: d[key],
              children: [
                {
                  title: c.from.label,
                  render: (_: unknown, u: (typeof c.units)[number]) => cell(u.then, key),
                },
                { title: c.to.label, render: (_: unknown, u: (typeof c.units)[number]) => cell(u.now, key) },
              ],
            })),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={d.moved(c.moved.length)}
        style={{ marginBottom: 12 }}
        data-testid="dispatch-moved"
      >
        {c.moved.length === 0 ? (
          <Empty description={d.noMoved} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table
            rowKey="measureId"
            size="small"
            pagination={false}
            dataSource={c.moved}
            columns={[
              { title: d.unit, dataIndex: 'unitName', width: 140 },
              { title: d.measure, render: (_, m) => measureLink(m.measureId, m.problemNumber, m.text) },
              {
                title: d.status,
                width: 200,
                render: (_, m) => (
                  <Space size={4}>
                    <StatusTag status={m.from} />→<StatusTag status={m.to} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={d.stalled(stalledCount)}
        extra={<Typography.Text type="secondary">{d.stalledHint}</Typography.Text>}
        style={{ marginBottom: 12 }}
        data-testid="dispatch-stalled"
      >
        {stalledCount === 0 ? (
          <Empty description={d.noStalled} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          c.stalled.map((u) => (
            <div key={u.unitId} style={{ marginBottom: 12 }} data-testid="stalled-unit">
              <Typography.Text strong>
                {u.unitName} <Tag color="red">{u.measures.length}</Tag>
              </Typography.Text>
              <Table
                rowKey="measureId"
                size="small"
                pagination={false}
                dataSource={u.measures}
                columns={[
                  { title: d.measure, render: (_, m) => measureLink(m.measureId, m.problemNumber, m.text) },
                  { title: d.status, width: 100, render: (_, m) => <StatusTag status={m.status} /> },
                  {
                    title: d.deadline,
                    width: 190,
                    render: (_, m) => (
                      <Space>
                        {formatDate(m.deadline)}
                        <Badge color={LIGHT_COLORS[m.light]} text={t.light[m.light]} />
                      </Space>
                    ),
                  },
                  { title: d.lastProgress, width: 150, render: (_, m) => formatDateTime(m.lastProgressAt) },
                ]}
              />
            </div>
          ))
        )}
      </Card>
      <Card
        size="small"
        title={d.numbers(c.numbers.length)}
        style={{ marginBottom: 12 }}
        data-testid="dispatch-numbers"
      >
        {c.numbers.length === 0 ? (
          <Empty description={d.noNumbers} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table
            rowKey={(n) => `${n.measureId}-${n.label}`}
            size="small"
            pagination={false}
            dataSource={c.numbers}
            columns={[
              { title: d.unit, dataIndex: 'unitName', width: 120 },
              { title: d.measure, render: (_, n) => measureLink(n.measureId, n.problemNumber, n.text) },
              { title: d.label2, render: (_, n) => (n.unit ? `${n.label}（${n.unit}）` : n.label) },
              { title: d.before, align: 'right', render: (_, n) => n.from ?? '—' },
              { title: d.after, align: 'right', dataIndex: 'to' },
              {
                title: d.delta,
                align: 'right',
                render: (_, n) => (
                  <Typography.Text type={n.delta > 0 ? 'success' : n.delta < 0 ? 'danger' : undefined}>
                    {n.delta > 0 ? `+${n.delta}` : n.delta}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
      {(c.added.length > 0 || c.removed.length > 0) && (
        <Card size="small" title={`${d.added(c.added.length)} · ${d.removed(c.removed.length)}`}>
          <ul style={{ margin: 0 }}>
            {c.added.map((r) => (
              <li key={`a${r.measureId}`}>
                <Tag color="green">+</Tag>
                {r.unitName} {measureLink(r.measureId, r.problemNumber, r.text)}
              </li>
            ))}
            {c.removed.map((r) => (
              <li key={`r${r.measureId}`}>
                <Tag>−</Tag>
                {r.unitName} {r.problemNumber}. {r.text}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
