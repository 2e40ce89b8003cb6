import { useState } from 'react';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { verificationApi, type CheckHit, type Outcome, type Verdict } from './api.ts';

// A list of hits with their outcome; for those who may verify, 属实 / 不属实 / 已整改 and a note
// on every row (不属实 needs the note).

const OUTCOME_COLORS: Record<Outcome, string> = {
  pending: 'processing',
  confirmed: 'error',
  not_true: 'default',
  rectified: 'success',
};

export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-outcome={outcome} data-testid="hit-outcome">
      {t.verification.outcomes[outcome]}
    </Tag>
  );
}

function VerifyActions({ hit, onVerified }: { hit: CheckHit; onVerified: (hit: CheckHit) => void }) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState(hit.note ?? '');
  const [busy, setBusy] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const v = t.verification;

  const send = async (outcome: Verdict) => {
    if (outcome === 'not_true' && !note.trim()) {
      setError(v.noteRequired);
      return;
    }
    setBusy(outcome);
    setError(null);
    try {
      const updated = await verificationApi.verify(hit.id, outcome, note.trim() || null);
      onVerified({ ...hit, ...updated });
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(null);
    }
  };

  const noteId = `hit-note-${hit.id}`;
  return (
    <div style={{ minWidth: 220 }}>
      <Input.TextArea
        id={noteId}
        aria-label={v.note}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        value={note}
        placeholder={v.notePlaceholder}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          if (error) setError(null);
        }}
        data-testid="hit-note"
      />
      {error && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Button
          size="small"
          danger
          type={hit.outcome === 'confirmed' ? 'primary' : 'default'}
          loading={busy === 'confirmed'}
          disabled={busy !== null}
          onClick={() => void send('confirmed')}
          data-testid="hit-confirm"
        >
          {v.confirm}
        </Button>
        <Button
          size="small"
          type={hit.outcome === 'not_true' ? 'primary' : 'default'}
          loading={busy === 'not_true'}
          disabled={busy !== null}
          onClick={() => void send('not_true')}
          data-testid="hit-not-true"
        >
          {v.notTrue}
        </Button>
        <Button
          size="small"
          type={hit.outcome === 'rectified' ? 'primary' : 'default'}
          loading={busy === 'rectified'}
          disabled={busy !== null}
          onClick={() => void send('rectified')}
          data-testid="hit-rectified"
        >
          {v.rectified}
        </Button>
      </Space>
    </div>
  );
}

export function HitsTable({
  hits,
  loading,
  canVerify,
  ruleTitles,
  onVerified,
}: {
  hits: CheckHit[];
  loading?: boolean;
  canVerify: boolean;
  /** Rule titles by id; when given, a rule column is shown. */
  ruleTitles?: Map<string, string>;
  onVerified: (hit: CheckHit) => void;
}) {
  const { t } = useI18n();
  const v = t.verification;
  return (
    <Table<CheckHit>
      size="small"
      bordered
      rowKey="id"
      loading={loading}
      dataSource={hits}
      pagination={hits.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: canVerify ? 1100 : 860 }}
      locale={{ emptyText: v.noTasks }}
      data-testid="hits-table"
      onRow={(hit) => ({ 'data-testid': 'hit-row', 'data-hit-name': hit.name ?? '' }) as never}
      columns={[
        ...(ruleTitles
          ? [
              {
                title: v.ruleTitle,
                key: 'rule',
                width: 150,
                render: (_: unknown, h: CheckHit) => ruleTitles.get(h.ruleId) ?? h.ruleId,
              },
            ]
          : []),
        { title: v.name, dataIndex: 'name', width: 90, fixed: 'left' as const },
        {
          title: v.idNumber,
          dataIndex: 'idNumber',
          width: 180,
          render: (id: string | null) => <span style={{ fontFamily: 'monospace' }}>{id ?? '—'}</span>,
        },
        { title: v.household, dataIndex: 'householdId', width: 90 },
        { title: v.village, dataIndex: 'village', width: 90 },
        { title: v.unit, dataIndex: 'unitName', width: 110, ellipsis: true },
        { title: v.reason, dataIndex: 'reason', width: 220 },
        {
          title: v.outcome,
          dataIndex: 'outcome',
          width: 90,
          render: (o: Outcome) => <OutcomeTag outcome={o} />,
        },
        canVerify
          ? {
              title: v.note,
              key: 'verify',
              width: 260,
              render: (_: unknown, h: CheckHit) => (
                <VerifyActions key={h.id} hit={h} onVerified={onVerified} />
              ),
            }
          : { title: v.note, dataIndex: 'note', width: 180 },
      ]}
    />
  );
}
