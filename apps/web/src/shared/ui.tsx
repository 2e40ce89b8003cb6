import { useCallback, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import { Alert, Badge, Button, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Light, MeasureKind, MeasureStatus, Unit } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from './errors.ts';

// Small pieces every page uses: lights, status tags, async loading, unit trees.

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#cf1322',
  yellow: '#faad14',
  green: '#52c41a',
  none: '#bfbfbf',
};

export function LightDot({ light, daysLeft }: { light: Light; daysLeft: number | null }) {
  const { t } = useI18n();
  const label = daysLeft === null ? t.light.none : t.light.daysLeft(daysLeft);
  return (
    <Tooltip title={`${t.light[light]} · ${label}`}>
      <span style={{ whiteSpace: 'nowrap' }} data-light={light}>
        <Badge color={LIGHT_COLORS[light]} text={label} />
      </span>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<MeasureStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  pending_review: 'warning',
  closed: 'success',
};

export function StatusTag({ status }: { status: MeasureStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t.status[status]}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: MeasureKind }) {
  const { t } = useI18n();
  const color = kind === 'immediate' ? 'red' : kind === 'ongoing' ? 'purple' : 'blue';
  return (
    <Tag color={color} variant="outlined">
      {t.measureKind[kind]}
    </Tag>
  );
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length <= 10 ? value : dayjs(value).format('YYYY-MM-DD');
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value.replace(' ', 'T').replace(/\+00$/, 'Z')).format('YYYY-MM-DD HH:mm');
}

/** Load something; reload on demand; errors as text. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error, t, lang)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export interface UnitNode {
  value: number;
  title: string;
  key: number;
  children: UnitNode[];
}

/** Units as a tree for TreeSelect / Tree, children sorted by name within kind order. */
export function unitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>();
  for (const u of units) nodes.set(u.id, { value: u.id, key: u.id, title: u.name, children: [] });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId !== null ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        flexWrap: 'wrap',
        marginBottom: 16,
        justifyContent: 'space-between',
      }}
    >
      <h1 style={{ fontSize: 20, margin: 0, fontWeight: 600 }}>{children}</h1>
      {extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>}
    </div>
  );
}

export function LightLegend() {
  const { t } = useI18n();
  return (
    <span
      style={{ display: 'inline-flex', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}
      title={t.light.legend}
    >
      {(['red', 'yellow', 'green'] as const).map((l) => (
        <Badge key={l} color={LIGHT_COLORS[l]} text={t.light[l]} />
      ))}
      <span>{t.light.legend}</span>
    </span>
  );
}
