import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { Inspection, Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, formatDateTime, unitTree, useAsync } from '../../shared/ui.tsx';
import { HitsTable, OutcomeTag } from './HitsTable.tsx';
import { OUTCOMES, verificationApi, type CheckRun, type HitPage, type RunRule } from './api.ts';
import './messages.ts';

// The office's view of the runs: each run's rules with their hit counts; a rule's hits with their
// outcomes; a rule's confirmed hits turned into one ledger problem, whose counts are read live.

export function RunCounts({ run }: { run: CheckRun }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap data-testid="run-counts">
      <Tag>
        {t.verification.hitsTotal} {run.counts.total}
      </Tag>
      {OUTCOMES.map((o) => (
        <span key={o} data-count={o}>
          <OutcomeTag outcome={o} /> {run.counts[o]}
        </span>
      ))}
    </Space>
  );
}

interface PromoteValues {
  inspectionId: number;
  unitId: number;
  deadline: Dayjs;
}

function PromoteModal({
  run,
  rule,
  confirmed,
  units,
  onClose,
}: {
  run: CheckRun;
  rule: RunRule;
  confirmed: number;
  units: Unit[];
  onClose: (promoted?: { id: number; inspectionId: number }) => void;
}) {
  const { t, lang } = useI18n();
  const v = t.verification;
  const [form] = Form.useForm<PromoteValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inspections = useAsync<Inspection[]>(() => api.inspections(), []);
  const manageable = (inspections.data ?? []).filter(
    (i) => !i.myRoles || i.myRoles.some((r) => r === 'office' || r === 'admin'),
  );

  const submit = async (values: PromoteValues) => {
    setBusy(true);
    setError(null);
    try {
      const problem = await verificationApi.promote(run.id, {
        ruleId: rule.id,
        ruleTitle: rule.title,
        inspectionId: values.inspectionId,
        unitId: values.unitId,
        deadline: values.deadline.format('YYYY-MM-DD'),
      });
      onClose({ id: problem.id, inspectionId: problem.inspectionId ?? values.inspectionId });
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={v.promoteTitle(rule.title)}
      onCancel={() => onClose()}
      okText={v.promote}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'promote-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{v.promoteHint(confirmed)}</Typography.Paragraph>
      <ErrorAlert error={inspections.error} onRetry={() => void inspections.reload()} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<PromoteValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ deadline: dayjs().add(30, 'day') }}
      >
        <Form.Item
          name="inspectionId"
          label={v.inspection}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Select
            loading={inspections.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={manageable.map((i) => ({ value: i.id, label: i.name }))}
            data-testid="promote-inspection"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={v.responsibleUnit}
          rules={[{ required: true, message: t.common.required }]}
        >
          <TreeSelect
            treeData={unitTree(units)}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            data-testid="promote-unit"
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={v.deadline}
          rules={[{ required: true, message: t.common.required }]}
        >
          <DatePicker allowClear={false} data-testid="promote-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Where a promoted rule went, with "已整改 m/n" read live from the hits. */
function Promoted({ problemId, inspectionId }: { problemId: number; inspectionId?: number }) {
  const { t } = useI18n();
  const v = t.verification;
  const counts = useAsync(() => verificationApi.problemCounts(problemId), [problemId]);
  const where = useAsync<number | undefined>(
    async () =>
      inspectionId ??
      (await api.ledger(new URLSearchParams({ problemId: String(problemId), limit: '1' }))).items[0]
        ?.inspectionId,
    [problemId, inspectionId],
  );
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="promoted"
      title={
        <Space wrap>
          <span>{v.promoted}</span>
          {counts.data && (
            <Tag color={counts.data.rectified === counts.data.confirmed ? 'success' : 'processing'}>
              <span data-testid="live-counts">
                {v.liveCounts(counts.data.rectified, counts.data.confirmed)}
              </span>
            </Tag>
          )}
          {where.data !== undefined && (
            <Link to={`/inspections/${where.data}`} data-testid="promoted-link">
              {v.openInspection}
            </Link>
          )}
          <Button size="small" onClick={() => void counts.reload()}>
            {t.common.refresh}
          </Button>
        </Space>
      }
    />
  );
}

function RuleHits({
  run,
  rule,
  units,
  onChanged,
}: {
  run: CheckRun;
  rule: RunRule;
  units: Unit[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const v = t.verification;
  const query = useMemo(() => ({ runId: run.id, ruleId: rule.id }), [run.id, rule.id]);
  const [totals, setTotals] = useState<{ confirmed: number; problemId: number | null } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [promoting, setPromoting] = useState(false);
  const [justPromoted, setJustPromoted] = useState<{ id: number; inspectionId: number } | null>(null);
  const problemId = justPromoted?.id ?? totals?.problemId ?? null;
  const confirmed = totals?.confirmed ?? 0;
  const onPage = useCallback(
    (page: HitPage) =>
      setTotals({ confirmed: page.counts.confirmed + page.counts.rectified, problemId: page.problemId }),
    [],
  );

  return (
    <Card
      size="small"
      title={v.hitsOf(rule.title)}
      style={{ marginTop: 16 }}
      data-testid="rule-hits"
      extra={
        problemId === null && (
          <Button
            type="primary"
            size="small"
            disabled={totals === null || confirmed === 0}
            title={confirmed === 0 ? v.promoteNone : undefined}
            onClick={() => setPromoting(true)}
            data-testid="promote"
          >
            {v.promote}
          </Button>
        )
      }
    >
      {problemId !== null && (
        <Promoted key={problemId} problemId={problemId} inspectionId={justPromoted?.inspectionId} />
      )}
      <HitsTable
        query={query}
        units={units}
        canVerify
        onPage={onPage}
        onVerified={onChanged}
        refreshKey={refresh}
      />
      {promoting && (
        <PromoteModal
          run={run}
          rule={rule}
          confirmed={confirmed}
          units={units}
          onClose={(promoted) => {
            setPromoting(false);
            if (promoted) {
              setJustPromoted(promoted);
              setRefresh((n) => n + 1);
            }
          }}
        />
      )}
    </Card>
  );
}

export function RunsPanel({
  runs,
  loading,
  units,
  selectedRunId,
  onSelectRun,
  onChanged,
}: {
  runs: CheckRun[];
  loading: boolean;
  units: Unit[];
  selectedRunId: number | null;
  onSelectRun: (id: number) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const v = t.verification;
  const run = runs.find((r) => r.id === selectedRunId) ?? null;
  // The chosen rule belongs to the run it was chosen in; another run starts with none.
  const [chosen, setChosen] = useState<{ runId: number; ruleId: string } | null>(null);
  const ruleId = chosen && chosen.runId === selectedRunId ? chosen.ruleId : null;
  const rule = useMemo(() => run?.rules.find((r) => r.id === ruleId) ?? null, [run, ruleId]);
  const setRuleId = (id: string) =>
    setChosen(selectedRunId === null ? null : { runId: selectedRunId, ruleId: id });

  return (
    <>
      <Card size="small" title={v.runs} data-testid="runs">
        <Table<CheckRun>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={runs}
          pagination={runs.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 720 }}
          locale={{ emptyText: v.noRuns }}
          rowClassName={(r) => (r.id === selectedRunId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ 'data-testid': 'run-row', 'data-run-id': r.id }) as never}
          columns={[
            {
              title: v.batch,
              key: 'run',
              width: 200,
              render: (_: unknown, r: CheckRun) => v.runLabel(r.id, r.asOf),
            },
            { title: v.ownerUnit, dataIndex: 'ownerUnitName', width: 120 },
            {
              title: v.createdAt,
              dataIndex: 'createdAt',
              width: 140,
              render: (d: string) => formatDateTime(d),
            },
            { title: v.outcome, key: 'counts', render: (_: unknown, r: CheckRun) => <RunCounts run={r} /> },
            {
              title: t.common.actions,
              key: 'open',
              width: 80,
              render: (_: unknown, r: CheckRun) => (
                <Button
                  size="small"
                  type={r.id === selectedRunId ? 'primary' : 'default'}
                  onClick={() => onSelectRun(r.id)}
                  aria-pressed={r.id === selectedRunId}
                  data-testid="run-open"
                >
                  {v.view}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {run && (
        <Card
          size="small"
          title={`${v.rules} · ${v.runLabel(run.id, run.asOf)}`}
          style={{ marginTop: 16 }}
          data-testid="run-rules"
        >
          <Table<RunRule>
            size="small"
            rowKey="id"
            dataSource={run.rules}
            pagination={false}
            scroll={{ x: 640 }}
            rowClassName={(r) => (r.id === ruleId ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ 'data-testid': 'rule-row', 'data-rule-id': r.id }) as never}
            columns={[
              {
                title: v.ruleClass,
                dataIndex: 'class',
                width: 90,
                render: (c: string) => <Tag>{v.classes[c] ?? c}</Tag>,
              },
              {
                title: v.ruleTitle,
                dataIndex: 'title',
                render: (title: string, r: RunRule) => (
                  <>
                    {title} <Typography.Text type="secondary">{r.id}</Typography.Text>
                  </>
                ),
              },
              {
                title: v.ruleHits,
                dataIndex: 'hits',
                width: 200,
                render: (hits: number, r: RunRule) =>
                  r.skipped !== undefined ? (
                    <Typography.Text type="secondary">
                      {v.skipped}：{r.skipped.replace(/[a-z_]+/g, (n) => v.rosterNames[n] ?? n)}
                    </Typography.Text>
                  ) : (
                    <span data-testid="rule-hit-count">{hits}</span>
                  ),
              },
              {
                title: t.common.actions,
                key: 'show',
                width: 110,
                render: (_: unknown, r: RunRule) =>
                  r.skipped === undefined && r.hits > 0 ? (
                    <Button
                      size="small"
                      type={r.id === ruleId ? 'primary' : 'default'}
                      aria-pressed={r.id === ruleId}
                      onClick={() => setRuleId(r.id)}
                      data-testid="rule-open"
                    >
                      {v.showHits}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      {run && rule && (
        <RuleHits key={`${run.id}-${rule.id}`} run={run} rule={rule} units={units} onChanged={onChanged} />
      )}
    </>
  );
}
