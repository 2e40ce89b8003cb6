import { Button, Space, Table, Tag } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { RecurringTag } from '../../shared/RecurringTag.tsx';
import { StatusTag } from '../../shared/ui.tsx';
import { lookbackApi, type LookbackCheck, type Outcome } from './api.ts';
import './messages.ts';

export const OUTCOME_COLORS: Record<Outcome, string> = {
  consolidated: 'green',
  rebounded: 'red',
  not_done: 'orange',
};

/** The checks of a round: problem, measure, unit, result, note and evidence. */
export function ChecksTable({
  checks,
  canRecord,
  onRecord,
}: {
  checks: LookbackCheck[];
  canRecord: boolean;
  onRecord: (check: LookbackCheck) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<LookbackCheck>
      rowKey="id"
      size="small"
      dataSource={checks}
      pagination={checks.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t.common.empty }}
      onRow={(c) => ({ 'data-testid': `lookback-check-${c.measureId}` }) as object}
      columns={[
        {
          key: 'problem',
          title: t.lookback.problem,
          width: 200,
          render: (_, c) => (
            <>
              {c.problemNumber}. {c.problemTitle}
              <RecurringTag recurring={c.problemRecurring} />
            </>
          ),
        },
        {
          key: 'measure',
          title: t.lookback.measure,
          width: 240,
          render: (_, c) => (
            <Space direction="vertical" size={2}>
              <Link to={`/measures/${c.measureId}`}>{c.measureText}</Link>
              <StatusTag status={c.measureStatus} />
            </Space>
          ),
        },
        { key: 'unit', title: t.lookback.unit, dataIndex: 'unitName', width: 120 },
        {
          key: 'outcome',
          title: t.lookback.outcome,
          width: 110,
          render: (_, c) =>
            c.outcome ? (
              <Tag color={OUTCOME_COLORS[c.outcome]} data-testid="lookback-outcome">
                {t.lookback.outcomes[c.outcome]}
              </Tag>
            ) : (
              <Tag>{t.lookback.notChecked}</Tag>
            ),
        },
        { key: 'note', title: t.lookback.note, dataIndex: 'note', width: 200 },
        {
          key: 'evidence',
          title: t.lookback.evidence,
          width: 160,
          render: (_, c) =>
            c.evidence.map((e) => (
              <div key={e.id}>
                <a href={lookbackApi.evidenceUrl(e.id)} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {e.fileName}
                </a>
              </div>
            )),
        },
        ...(canRecord
          ? [
              {
                key: 'action',
                width: 110,
                fixed: 'right' as const,
                render: (_: unknown, c: LookbackCheck) => (
                  <Button
                    size="small"
                    type={c.outcome ? 'default' : 'primary'}
                    onClick={() => onRecord(c)}
                    data-testid={`lookback-record-${c.measureId}`}
                  >
                    {c.outcome ? t.lookback.change : t.lookback.record}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
