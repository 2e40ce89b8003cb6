import { useMemo } from 'react';
import { Card, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { LedgerItem, Light } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { use as registerECharts } from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { DataZoomComponent, MarkLineComponent } from 'echarts/components';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';

registerECharts([ScatterChart, DataZoomComponent, MarkLineComponent]);
import { ErrorAlert, LIGHT_COLORS, LightLegend, PageTitle, useAsync } from '../../shared/ui.tsx';

// 挂图作战: every measure as a dot on a time axis by its deadline, one row per unit or problem,
// coloured by its light; above it, measures due per week, so the crunch weeks stand out.

const DAY = 86400000;
const LIGHTS: Light[] = ['red', 'yellow', 'green', 'none'];

function weekStart(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  return d.getTime() - day * DAY;
}

export default function TimelineBoardPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const inspectionId = Number(params.get('inspectionId')) || undefined;
  const group = params.get('group') === 'problem' ? 'problem' : 'unit';
  const showClosed = params.get('closed') === 'true';
  const inspections = useAsync(() => api.inspections(), []);
  const ledger = useAsync(() => {
    const q = new URLSearchParams({ limit: '20000', sort: 'urgency' });
    if (inspectionId) q.set('inspectionId', String(inspectionId));
    if (!showClosed) q.set('status', 'not_started,in_progress,pending_review');
    return api.ledger(q);
  }, [inspectionId, showClosed]);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const built = useMemo(() => {
    const items = (ledger.data?.items ?? []).filter((i) => i.deadline);
    const undated = (ledger.data?.items.length ?? 0) - items.length;
    const keyOf = (i: LedgerItem) =>
      group === 'unit' ? i.unitName : `${i.problemNumber}. ${i.problemTitle}`;
    // Rows ordered by their earliest deadline, so the most pressing group is on top.
    const first = new Map<string, string>();
    for (const i of items) {
      const k = keyOf(i);
      const d = first.get(k);
      if (!d || i.deadline! < d) first.set(k, i.deadline!);
    }
    const rows = [...first.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1)).map(([k]) => k);
    const rowIndex = new Map(rows.map((r, i) => [r, i]));
    const weeks = new Map<number, Record<Light, number>>();
    for (const i of items) {
      const w = weekStart(i.deadline!);
      const bucket = weeks.get(w) ?? { red: 0, yellow: 0, green: 0, none: 0 };
      bucket[i.light] += 1;
      weeks.set(w, bucket);
    }
    const weekKeys = [...weeks.keys()].sort((a, b) => a - b);
    const today = new Date();
    const todayMs = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    const byLight = (light: Light) =>
      items
        .filter((i) => i.light === light)
        .map((i) => ({
          value: [new Date(`${i.deadline}T00:00:00Z`).getTime(), rowIndex.get(keyOf(i)) ?? 0],
          id: i.id,
          text: i.text,
          unit: i.unitName,
          deadline: i.deadline,
          daysLeft: i.daysLeft,
        }));
    const option: ChartOption = {
      tooltip: {
        trigger: 'item',
        formatter: (p: {
          seriesType: string;
          data: { text?: string; unit?: string; deadline?: string; daysLeft?: number | null };
          value?: unknown;
        }) =>
          p.seriesType === 'scatter'
            ? `${p.data.text ?? ''}<br/>${p.data.unit ?? ''} · ${p.data.deadline ?? ''}${
                typeof p.data.daysLeft === 'number' ? ` · ${t.light.daysLeft(p.data.daysLeft)}` : ''
              }`
            : String(Array.isArray(p.value) ? p.value[1] : p.value),
      },
      legend: { top: 0, data: LIGHTS.filter((l) => l !== 'none').map((l) => t.light[l]) },
      grid: [
        { left: 8, right: 24, top: 30, height: 90, containLabel: true },
        { left: 8, right: 24, top: 150, bottom: 50, containLabel: true },
      ],
      xAxis: [
        { type: 'time', gridIndex: 0, axisLabel: { show: false } },
        { type: 'time', gridIndex: 1 },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1, splitNumber: 2 },
        {
          type: 'category',
          gridIndex: 1,
          data: rows,
          axisLabel: { width: 160, overflow: 'truncate' },
          splitLine: { show: true, lineStyle: { color: '#f5f5f5' } },
        },
      ],
      dataZoom: [
        { type: 'slider', xAxisIndex: [0, 1], bottom: 8, height: 20 },
        { type: 'inside', xAxisIndex: [0, 1] },
      ],
      series: [
        ...LIGHTS.map((light) => ({
          name: t.light[light],
          type: 'bar',
          stack: 'week',
          xAxisIndex: 0,
          yAxisIndex: 0,
          barMaxWidth: 18,
          itemStyle: { color: LIGHT_COLORS[light] },
          data: weekKeys.map((w) => [w + 3 * DAY, weeks.get(w)![light]]),
        })),
        ...LIGHTS.map((light, index) => ({
          name: t.light[light],
          type: 'scatter',
          xAxisIndex: 1,
          yAxisIndex: 1,
          symbolSize: 12,
          itemStyle: { color: LIGHT_COLORS[light], opacity: 0.8, borderColor: '#fff', borderWidth: 1 },
          data: byLight(light),
          ...(index === 0
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  label: { formatter: t.board.today },
                  lineStyle: { color: '#c41d0f', type: 'dashed' },
                  data: [{ xAxis: todayMs }],
                },
              }
            : {}),
        })),
      ],
    };
    return { option, rows: rows.length, undated };
  }, [ledger.data, group, t]);

  return (
    <div>
      <PageTitle
        extra={
          <Space wrap>
            <Select
              style={{ minWidth: 240 }}
              aria-label={t.ledger.inspection}
              value={inspectionId ?? 0}
              onChange={(v: number) => set('inspectionId', v ? String(v) : undefined)}
              options={[
                { value: 0, label: t.dashboard.allInspections },
                ...(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name })),
              ]}
            />
            <Segmented
              aria-label={t.board.groupBy}
              value={group}
              onChange={(v) => set('group', v === 'problem' ? 'problem' : undefined)}
              options={[
                { value: 'unit', label: t.board.byUnit },
                { value: 'problem', label: t.board.byProblem },
              ]}
            />
            <label>
              <Space size={4}>
                <Switch
                  size="small"
                  checked={showClosed}
                  onChange={(v) => set('closed', v ? 'true' : undefined)}
                />
                {t.myTasks.showClosed}
              </Space>
            </label>
          </Space>
        }
      >
        {t.board.title}
      </PageTitle>
      <ErrorAlert error={ledger.error} onRetry={() => void ledger.reload()} />
      <Card size="small" loading={ledger.loading && !ledger.data}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          <Space wrap size={16}>
            <span>{t.board.hint}</span>
            <LightLegend />
          </Space>
        </Typography.Paragraph>
        <EChart
          label={t.board.title}
          option={built.option}
          height={Math.max(360, built.rows * 26 + 220)}
          onClick={(p) => {
            const id = (p.data as { id?: number } | undefined)?.id;
            if (id) navigate(`/measures/${id}`);
          }}
        />
        {built.undated > 0 && (
          <Typography.Text type="secondary">{t.board.noDeadline(built.undated)}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
