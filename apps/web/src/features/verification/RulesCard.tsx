import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, useAsync } from '../../shared/ui.tsx';
import { verificationApi, type Engine, type RuleInfo, type RuleProblem } from './api.ts';
import './messages.ts';

// The rules of the pack, read-only: what each checks, the rosters it needs, and the exact SQL
// (with its parameters) it compiles to on the chosen engine.

export function RuleTable({ rules, loading }: { rules: RuleInfo[]; loading?: boolean }) {
  const { t } = useI18n();
  const v = t.verification;
  return (
    <Table<RuleInfo>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rules}
      pagination={false}
      scroll={{ x: 900 }}
      onRow={(r) => ({ 'data-testid': 'pack-rule', 'data-rule-id': r.id }) as never}
      expandable={{
        expandedRowRender: (r) => (
          <div data-testid="rule-sql">
            <Typography.Text type="secondary">{v.compiledSql}</Typography.Text>
            <pre
              style={{
                whiteSpace: 'pre-wrap',
                fontSize: 12,
                margin: '4px 0',
                maxHeight: 320,
                overflow: 'auto',
              }}
            >
              {r.sql}
            </pre>
            <Typography.Text type="secondary">
              {v.sqlParams}：{r.params.length > 0 ? r.params.map((p) => JSON.stringify(p)).join(', ') : '—'}
            </Typography.Text>
          </div>
        ),
      }}
      columns={[
        {
          title: v.ruleId,
          dataIndex: 'id',
          width: 190,
          render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
        },
        {
          title: v.ruleClass,
          dataIndex: 'class',
          width: 90,
          render: (c: string) => <Tag>{v.classes[c] ?? c}</Tag>,
        },
        { title: v.ruleTitle, dataIndex: 'title', width: 200 },
        {
          title: v.countingUnit,
          dataIndex: 'unit',
          width: 80,
          render: (u: RuleInfo['unit']) => v.countingUnits[u],
        },
        {
          title: v.rostersNeeded,
          key: 'rosters',
          width: 200,
          render: (_: unknown, r: RuleInfo) => (
            <Space size={4} wrap>
              {r.rosters.map((x) => (
                <Tag key={x.name} title={x.name}>
                  {v.rosterNames[x.name] ?? x.title}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: v.reason, dataIndex: 'reason' },
      ]}
    />
  );
}

/** A rule file's problems, one line each: line, column, reason. */
export function RuleProblems({ problems }: { problems: RuleProblem[] }) {
  const { t } = useI18n();
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="rule-problems">
      {problems.map((p, i) => (
        <li key={i}>{t.verification.problemAt(p.file, p.line, p.column, p.reason)}</li>
      ))}
    </ul>
  );
}

export function RulesCard() {
  const { t } = useI18n();
  const v = t.verification;
  const [engine, setEngine] = useState<Engine>('duckdb');
  const rules = useAsync(() => verificationApi.rules({ pack: 'poverty', engine }), [engine]);
  return (
    <Card
      size="small"
      title={v.packRules}
      style={{ marginTop: 16 }}
      data-testid="pack-rules"
      extra={
        <Space>
          <span>{v.engine}</span>
          <Segmented<Engine>
            size="small"
            value={engine}
            onChange={setEngine}
            options={[
              { value: 'duckdb', label: 'DuckDB' },
              { value: 'postgres', label: 'PostgreSQL' },
            ]}
            data-testid="rules-engine"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{v.packRulesHint}</Typography.Paragraph>
      <ErrorAlert error={rules.error} onRetry={() => void rules.reload()} />
      <RuleTable rules={rules.data?.rules ?? []} loading={rules.loading} />
    </Card>
  );
}
