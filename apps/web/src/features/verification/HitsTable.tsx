import { useEffect, useState } from 'react';
import {
  Button,
  Input,
  Segmented,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import type { Unit } from '../../api/types.ts';
import { ErrorAlert, unitTree, useAsync } from '../../shared/ui.tsx';
import {
  OUTCOMES,
  verificationApi,
  type CheckHit,
  type HitEvidence,
  type HitPage,
  type HitQuery,
  type Outcome,
  type Verdict,
} from './api.ts';
import './messages.ts';

// Hits with their outcome, paged and searched on the server; for those who may verify,
// 属实 / 不属实 / 已整改, a note (不属实 needs it) and evidence files on every row.

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
  const [files, setFiles] = useState<UploadFile[]>([]);
  const v = t.verification;

  const send = async (outcome: Verdict) => {
    if (outcome === 'not_true' && !note.trim()) {
      setError(v.noteRequired);
      return;
    }
    setBusy(outcome);
    setError(null);
    try {
      const picked = files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
      const updated = await verificationApi.verify(hit.id, outcome, note.trim() || null, picked);
      setFiles([]);
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
      <div data-testid="hit-evidence-upload" style={{ marginTop: 4 }}>
        <Upload
          multiple
          accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
          beforeUpload={() => false}
          fileList={files}
          onChange={(info) => setFiles(info.fileList)}
        >
          <Button size="small" icon={<PaperClipOutlined />} disabled={busy !== null}>
            {v.attach}
          </Button>
        </Upload>
      </div>
    </div>
  );
}

function EvidenceLinks({ evidence }: { evidence: HitEvidence[] }) {
  if (evidence.length === 0) return <>—</>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      {evidence.map((e) => (
        <a
          key={e.id}
          href={verificationApi.evidenceUrl(e.id)}
          target="_blank"
          rel="noreferrer"
          data-testid="hit-evidence-link"
        >
          <PaperClipOutlined /> {e.fileName}
        </a>
      ))}
    </div>
  );
}

/**
 * One page of the hits matching `query` at a time (the server counts and pages), with a search
 * box and an outcome filter. `onPage` hears every page loaded, with its totals.
 */
export function HitsTable({
  query,
  canVerify,
  ruleTitles,
  onPage,
  onVerified,
  refreshKey,
  units,
}: {
  query: HitQuery;
  /** When given, a filter by unit (and the units below it). */
  units?: Unit[];
  canVerify: boolean;
  /** Rule titles by id; when given, a rule column is shown. */
  ruleTitles?: Map<string, string>;
  onPage?: (page: HitPage) => void;
  onVerified?: (hit: CheckHit) => void;
  /** Changing it reloads the page. */
  refreshKey?: unknown;
}) {
  const { t } = useI18n();
  const v = t.verification;
  const [search, setSearch] = useState('');
  const [outcome, setOutcome] = useState<Outcome | 'all'>('all');
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, size: 20 });
  const key = JSON.stringify(query);
  const hits = useAsync(
    () =>
      verificationApi.hits({
        ...query,
        q: search || undefined,
        unitId,
        outcome: outcome === 'all' ? undefined : outcome,
        limit: paging.size,
        offset: (paging.page - 1) * paging.size,
      }),
    [key, search, unitId, outcome, paging.page, paging.size, refreshKey],
  );
  useEffect(() => {
    if (hits.data) onPage?.(hits.data);
  }, [hits.data, onPage]);
  const counts = hits.data?.counts;
  const all = counts ? OUTCOMES.reduce((sum, o) => sum + counts[o], 0) : 0;

  const replace = (hit: CheckHit) => {
    hits.setData((prev) => prev && { ...prev, items: prev.items.map((h) => (h.id === hit.id ? hit : h)) });
    onVerified?.(hit);
    // The counts per outcome (and the rows of a filtered list) follow from the server.
    void hits.reload();
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={v.searchPlaceholder}
          aria-label={v.search}
          style={{ width: 280 }}
          onSearch={(value) => {
            setSearch(value.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="hits-search"
        />
        {units && (
          <TreeSelect
            allowClear
            placeholder={v.unitFilter}
            style={{ width: 200 }}
            treeData={unitTree(units)}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={unitId}
            onChange={(value?: number) => {
              setUnitId(value ?? undefined);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            data-testid="hits-unit"
          />
        )}
        <Segmented<Outcome | 'all'>
          value={outcome}
          onChange={(value) => {
            setOutcome(value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="hits-filter"
          options={[
            { value: 'all', label: `${v.allOutcomes} ${all}` },
            ...OUTCOMES.map((o) => ({ value: o, label: `${v.outcomes[o]} ${counts?.[o] ?? 0}` })),
          ]}
        />
      </Space>
      <ErrorAlert error={hits.error} onRetry={() => void hits.reload()} />
      <Table<CheckHit>
        size="small"
        bordered
        rowKey="id"
        loading={hits.loading && !hits.data}
        dataSource={hits.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.size,
          total: hits.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => v.total(total),
          onChange: (page, size) => setPaging({ page: size === paging.size ? page : 1, size }),
        }}
        scroll={{ x: canVerify ? 1260 : 1020 }}
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
                  <VerifyActions key={h.id} hit={h} onVerified={replace} />
                ),
              }
            : { title: v.note, dataIndex: 'note', width: 180 },
          {
            title: v.evidence,
            key: 'evidence',
            width: 160,
            render: (_: unknown, h: CheckHit) => <EvidenceLinks evidence={h.evidence} />,
          },
        ]}
      />
    </>
  );
}
