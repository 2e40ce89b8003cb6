import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Popover, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ClearOutlined, DownloadOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { MEASURE_KINDS, MEASURE_STATUSES, type LedgerItem } from '../../api/types.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { RecurringTag } from '../../shared/RecurringTag.tsx';
import {
  ErrorAlert,
  KindTag,
  LightDot,
  PageTitle,
  StatusTag,
  formatDate,
  formatDateTime,
  unitTree,
  useAsync,
  type UnitNode,
} from '../../shared/ui.tsx';
import { apiQuery, readFilter, writeFilter, type LedgerFilter } from './filters.ts';
import { FIRST_PAGE, firstPage } from './prefetch.ts';
const ImportWizard = lazy(() => import('./ImportWizard.tsx'));

// 整改台账: every measure in one virtualized table; filters in the URL; export what is shown.

const LIMIT = 20000;
const COLUMN_KEYS = [
  'number',
  'category',
  'problem',
  'text',
  'kind',
  'unit',
  'leader',
  'person',
  'deadline',
  'light',
  'status',
  'lastProgress',
  'inspection',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const DEFAULT_HIDDEN: ColumnKey[] = ['inspection', 'lastProgress'];
const COLS_STORAGE = 'zg.ledger.hiddenColumns';

function loadHidden(): ColumnKey[] {
  try {
    const raw = localStorage.getItem(COLS_STORAGE);
    return raw ? (JSON.parse(raw) as ColumnKey[]) : DEFAULT_HIDDEN;
  } catch {
    return DEFAULT_HIDDEN;
  }
}

export default function LedgerPage() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const queryKey = writeFilter(filter).toString();
  const [hidden, setHidden] = useState<ColumnKey[]>(loadHidden);
  const [importing, setImporting] = useState(false);
  const [height, setHeight] = useState(() => Math.max(320, window.innerHeight - 330));
  const [search, setSearch] = useState(filter.q ?? '');

  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    const onResize = () => setHeight(Math.max(320, window.innerHeight - 330));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const ledger = useLedger(filter, queryKey);
  const inspections = useAsync(() => api.inspections(), []);
  const units = useAsync(() => api.units(), []);
  // Leader and category choices come from the statistics; asked for only when a list is opened,
  // so they never delay the table.
  const [wantChoices, setWantChoices] = useState(false);
  const stats = useAsync(
    () => (wantChoices ? api.stats(filter.inspectionId) : Promise.resolve(undefined)),
    [filter.inspectionId, wantChoices],
  );

  const update = (patch: Partial<LedgerFilter>) =>
    setParams(writeFilter({ ...filter, ...patch }), { replace: false });

  const columns = useMemo<TableColumnsType<LedgerItem>>(() => {
    const all: (TableColumnsType<LedgerItem>[number] & { key: ColumnKey })[] = [
      {
        key: 'number',
        title: t.ledger.number,
        width: 70,
        render: (_, r) => `${r.problemNumber}.${r.position}`,
      },
      { key: 'category', title: t.ledger.category, dataIndex: 'categoryTitle', width: 160, ellipsis: true },
      {
        key: 'problem',
        title: t.ledger.problem,
        dataIndex: 'problemTitle',
        width: 200,
        ellipsis: true,
        render: (title: string, r) => (
          <>
            {title}
            <RecurringTag recurring={r.problemRecurring} />
          </>
        ),
      },
      {
        key: 'text',
        title: t.ledger.measure,
        dataIndex: 'text',
        width: 280,
        ellipsis: true,
        render: (text: string, r) => (
          <Link to={`/measures/${r.id}`} data-testid={`ledger-measure-${r.id}`}>
            {text}
          </Link>
        ),
      },
      {
        key: 'kind',
        title: t.ledger.kind,
        dataIndex: 'kind',
        width: 100,
        render: (k: LedgerItem['kind']) => <KindTag kind={k} />,
      },
      { key: 'unit', title: t.ledger.unit, dataIndex: 'unitName', width: 150, ellipsis: true },
      { key: 'leader', title: t.ledger.leader, dataIndex: 'leaderName', width: 90, ellipsis: true },
      { key: 'person', title: t.ledger.person, dataIndex: 'personName', width: 90, ellipsis: true },
      {
        key: 'deadline',
        title: t.ledger.deadline,
        dataIndex: 'deadline',
        width: 110,
        render: (d: string | null) => formatDate(d),
      },
      {
        key: 'light',
        title: t.ledger.light,
        width: 120,
        render: (_, r) => <LightDot light={r.light} daysLeft={r.daysLeft} />,
      },
      {
        key: 'status',
        title: t.ledger.status,
        dataIndex: 'status',
        width: 100,
        render: (s: LedgerItem['status']) => <StatusTag status={s} />,
      },
      {
        key: 'lastProgress',
        title: t.ledger.lastProgress,
        dataIndex: 'lastProgressAt',
        width: 150,
        render: (d: string | null) => formatDateTime(d),
      },
      {
        key: 'inspection',
        title: t.ledger.inspection,
        dataIndex: 'inspectionName',
        width: 220,
        ellipsis: true,
      },
    ];
    return all.filter((c) => !hidden.includes(c.key));
  }, [t, hidden]);

  const scrollX = columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 120), 0);
  const unitOptions = useMemo(() => flatUnits(unitTree(units.data ?? [])), [units.data]);
  const canImport = hasRole(me, 'office', 'admin');
  const exportHref = filter.inspectionId
    ? api.ledgerXlsxUrl(filter.inspectionId, apiQuery(filter))
    : undefined;
  const filtered =
    queryKey !== '' && queryKey !== (filter.inspectionId ? `inspectionId=${filter.inspectionId}` : '');

  const chooser = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      value={COLUMN_KEYS.filter((k) => !hidden.includes(k))}
      onChange={(shown) => {
        const next = COLUMN_KEYS.filter((k) => !(shown as ColumnKey[]).includes(k));
        setHidden(next);
        try {
          localStorage.setItem(COLS_STORAGE, JSON.stringify(next));
        } catch {
          // ignore
        }
      }}
      options={COLUMN_KEYS.map((k) => ({ value: k, label: columnLabel(t, k) }))}
    />
  );

  return (
    <div>
      <PageTitle
        extra={
          <>
            <Popover content={chooser} trigger="click" placement="bottomRight" title={t.ledger.columns}>
              <Button icon={<SettingOutlined />}>{t.ledger.columns}</Button>
            </Popover>
            {canImport && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="ledger-import"
              >
                {t.ledger.import}
              </Button>
            )}
            <Tooltip title={exportHref ? t.ledger.exportHint : t.ledger.exportNeedsInspection}>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                href={exportHref}
                disabled={!exportHref}
                data-testid="ledger-export"
              >
                {t.ledger.export}
              </Button>
            </Tooltip>
          </>
        }
      >
        {t.ledger.title}
      </PageTitle>
      {/* A plain panel, not antd Card: Card pulls Tabs and Skeleton into this page's JavaScript. */}
      <div
        style={{
          marginBottom: 12,
          padding: 12,
          background: '#fff',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
        }}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
            gap: 8,
            alignItems: 'center',
          }}
          role="search"
        >
          <Select
            aria-label={t.ledger.inspection}
            allowClear
            placeholder={t.ledger.inspection}
            value={filter.inspectionId}
            onChange={(v?: number) =>
              update({ inspectionId: v, problemId: undefined, categoryTitle: undefined })
            }
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            data-testid="filter-inspection"
          />
          <Select
            aria-label={t.ledger.status}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t.ledger.status}
            value={filter.status}
            onChange={(v) => update({ status: v })}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
            data-testid="filter-status"
          />
          <Select
            aria-label={t.ledger.unit}
            allowClear
            showSearch={{ optionFilterProp: 'name' }}
            placeholder={t.ledger.unit}
            value={filter.unitId}
            onChange={(v?: number) => update({ unitId: v })}
            options={unitOptions}
            data-testid="filter-unit"
          />
          <Select
            aria-label={t.ledger.leader}
            allowClear
            showSearch
            placeholder={t.ledger.leader}
            value={filter.leaderName}
            onFocus={() => setWantChoices(true)}
            notFoundContent={stats.loading ? t.common.loading : t.common.empty}
            onChange={(v?: string) => update({ leaderName: v })}
            options={(stats.data?.byLeader ?? []).map((b) => ({ value: b.key, label: b.key }))}
          />
          <Select
            aria-label={t.ledger.category}
            allowClear
            showSearch
            placeholder={t.ledger.category}
            value={filter.categoryTitle}
            onFocus={() => setWantChoices(true)}
            notFoundContent={stats.loading ? t.common.loading : t.common.empty}
            onChange={(v?: string) => update({ categoryTitle: v })}
            options={(stats.data?.byCategory ?? []).map((b) => ({ value: b.key, label: b.key }))}
          />
          <Select
            aria-label={t.ledger.kind}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t.ledger.kind}
            value={filter.kind}
            onChange={(v) => update({ kind: v })}
            options={MEASURE_KINDS.map((k) => ({ value: k, label: t.measureKind[k] }))}
          />
          <Select
            aria-label={t.ledger.sort}
            value={filter.sort ?? 'position'}
            onChange={(v: 'position' | 'urgency' | 'updated') =>
              update({ sort: v === 'position' ? undefined : v })
            }
            options={[
              { value: 'position', label: t.ledger.sortPosition },
              { value: 'urgency', label: t.ledger.sortUrgency },
              { value: 'updated', label: t.ledger.sortUpdated },
            ]}
            data-testid="filter-sort"
          />
          <Input.Search
            aria-label={t.common.search}
            allowClear
            placeholder={t.ledger.searchPlaceholder}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            data-testid="filter-q"
          />
          <Space wrap>
            <label>
              <Space size={4}>
                <Switch
                  size="small"
                  checked={filter.overdue}
                  onChange={(v) => update({ overdue: v })}
                  data-testid="filter-overdue"
                />
                {t.ledger.overdueOnly}
              </Space>
            </label>
            <label>
              <Space size={4}>
                <Switch
                  size="small"
                  checked={filter.dueSoon}
                  onChange={(v) => update({ dueSoon: v })}
                  data-testid="filter-duesoon"
                />
                {t.ledger.dueSoonOnly}
              </Space>
            </label>
          </Space>
        </div>
        <div style={{ marginTop: 8, display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography.Text type="secondary" data-testid="ledger-count">
            {ledger.data ? t.ledger.count(ledger.data.total, ledger.data.totalExact) : t.common.loading}
          </Typography.Text>
          {ledger.more && (
            <Typography.Text type="secondary">
              {t.ledger.loadingMore(ledger.data?.items.length ?? 0)}
            </Typography.Text>
          )}
          {filter.problemId && (
            <Typography.Text type="secondary">{t.ledger.problemFilter(filter.problemId)}</Typography.Text>
          )}
          {(filtered || filter.problemId) && (
            <Button
              size="small"
              icon={<ClearOutlined />}
              onClick={() =>
                setParams(
                  writeFilter({
                    status: [],
                    kind: [],
                    overdue: false,
                    dueSoon: false,
                    inspectionId: filter.inspectionId,
                  }),
                )
              }
            >
              {t.ledger.clear}
            </Button>
          )}
        </div>
      </div>
      <ErrorAlert error={ledger.error} onRetry={() => void ledger.reload()} />
      {ledger.data && !ledger.more && ledger.data.total > ledger.data.items.length && (
        <Typography.Paragraph type="warning">
          {t.ledger.truncated(ledger.data.items.length, ledger.data.total)}
        </Typography.Paragraph>
      )}
      <Table<LedgerItem>
        virtual
        size="small"
        rowKey="id"
        bordered
        columns={columns}
        dataSource={ledger.data?.items ?? []}
        loading={ledger.loading && !ledger.data}
        pagination={false}
        scroll={{ x: scrollX, y: height }}
        data-testid="ledger-table"
        locale={{ emptyText: t.common.empty }}
      />
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard
            inspections={inspections.data ?? []}
            defaultInspectionId={filter.inspectionId}
            onClose={(importedInspectionId) => {
              setImporting(false);
              if (importedInspectionId) {
                setParams(
                  writeFilter({
                    status: [],
                    kind: [],
                    overdue: false,
                    dueSoon: false,
                    inspectionId: importedInspectionId,
                  }),
                );
                void inspections.reload();
                void ledger.reload();
              }
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

function columnLabel(t: ReturnType<typeof useT>, key: ColumnKey): string {
  const map: Record<ColumnKey, string> = {
    number: t.ledger.number,
    category: t.ledger.category,
    problem: t.ledger.problem,
    text: t.ledger.measure,
    kind: t.ledger.kind,
    unit: t.ledger.unit,
    leader: t.ledger.leader,
    person: t.ledger.person,
    deadline: t.ledger.deadline,
    light: t.ledger.light,
    status: t.ledger.status,
    lastProgress: t.ledger.lastProgress,
    inspection: t.ledger.inspection,
  };
  return map[key];
}

function flatUnits(nodes: UnitNode[], depth = 0): { value: number; label: string; name: string }[] {
  return nodes.flatMap((n) => [
    { value: n.value, label: `${'\u3000'.repeat(depth)}${n.title}`, name: n.title },
    ...flatUnits(n.children, depth + 1),
  ]);
}

const CHUNK = 1000;
const BACKGROUND_DELAY_MS = 300;

function idle(ms: number): Promise<void> {
  return new Promise((resolve) => {
    window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 500 });
      else resolve();
    }, ms);
  });
}

/**
 * The filtered ledger, loaded progressively: the first rows at once (so the page is usable in a
 * moment), then the rest in chunks, each a short request, so a new filter never waits long
 * behind a big one. A new filter cancels the old loading.
 */
function useLedger(filter: LedgerFilter, queryKey: string) {
  const [data, setData] = useState<{ total: number; totalExact: boolean; items: LedgerItem[] } | undefined>(
    undefined,
  );
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setMore(false);
    (async () => {
      try {
        const first = await firstPage(apiQuery(filter, { limit: String(FIRST_PAGE) }));
        if (cancelled) return;
        let items = first.items;
        setData({ total: first.total, totalExact: first.totalExact, items });
        setError(null);
        setLoading(false);
        const wanted = Math.min(first.total, LIMIT);
        setMore(items.length < wanted);
        // The rest is background work: it starts once the first rows are on screen and the
        // browser is idle, so a click on a filter right away is answered first, not queued.
        if (items.length < wanted) await idle(BACKGROUND_DELAY_MS);
        while (!cancelled && items.length < wanted && items.length > 0) {
          const page = await api.ledger(
            apiQuery(filter, {
              offset: String(items.length),
              limit: String(Math.min(CHUNK, wanted - items.length)),
            }),
          );
          if (cancelled) return;
          if (page.items.length === 0) break;
          const seen = new Set(items.map((i) => i.id));
          items = items.concat(page.items.filter((i) => !seen.has(i.id)));
          setData({ total: page.total, totalExact: page.totalExact, items });
        }
        if (!cancelled) setMore(false);
      } catch (e) {
        if (!cancelled) {
          setError(e);
          setLoading(false);
          setMore(false);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // `filter` is fully described by `queryKey`.
  }, [queryKey, tick]);
  return { data, error, loading, more, reload };
}
