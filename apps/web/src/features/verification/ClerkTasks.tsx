import { useMemo, useState } from 'react';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, useAsync } from '../../shared/ui.tsx';
import { HitsTable } from './HitsTable.tsx';
import { OUTCOMES, allHits, verificationApi, type CheckHit, type Outcome } from './api.ts';

// 待我核实: the hits of the clerk's units, pending first, each answered on its row. ID numbers are
// shown as the server delivers them (masked for clerks).

const ORDER: Record<Outcome, number> = { pending: 0, confirmed: 1, rectified: 2, not_true: 3 };

export function ClerkTasks({ canVerify }: { canVerify: boolean }) {
  const { t } = useI18n();
  const v = t.verification;
  const [filter, setFilter] = useState<Outcome | 'all'>('all');
  const hits = useAsync(() => allHits({}), []);
  // Rule titles come with the runs the clerk can see; without them the rule's id is shown.
  const runs = useAsync(() => verificationApi.runs().catch(() => []), []);
  const titles = useMemo(
    () => new Map((runs.data ?? []).flatMap((r) => r.rules.map((rule) => [rule.id, rule.title] as const))),
    [runs.data],
  );
  const list = useMemo(
    () =>
      [...(hits.data ?? [])]
        .filter((h) => filter === 'all' || h.outcome === filter)
        .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || b.runId - a.runId || a.id - b.id),
    [hits.data, filter],
  );
  const count = (o: Outcome) => (hits.data ?? []).filter((h) => h.outcome === o).length;

  const replace = (hit: CheckHit) => hits.setData((prev) => prev?.map((h) => (h.id === hit.id ? hit : h)));

  return (
    <Card
      size="small"
      title={v.clerkTitle}
      data-testid="clerk-tasks"
      extra={
        <Button size="small" onClick={() => void hits.reload()}>
          {t.common.refresh}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{v.clerkHint}</Typography.Paragraph>
      <ErrorAlert error={hits.error} onRetry={() => void hits.reload()} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Outcome | 'all'>
          value={filter}
          onChange={setFilter}
          data-testid="clerk-filter"
          options={[
            { value: 'all', label: `${v.allOutcomes} ${hits.data?.length ?? 0}` },
            ...OUTCOMES.map((o) => ({ value: o, label: `${v.outcomes[o]} ${count(o)}` })),
          ]}
        />
      </Space>
      <HitsTable
        hits={list}
        loading={hits.loading}
        canVerify={canVerify}
        ruleTitles={titles}
        onVerified={replace}
      />
    </Card>
  );
}
