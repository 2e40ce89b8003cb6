import { useState } from 'react';
import { api } from '../../api/client.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { ClerkTasks } from './ClerkTasks.tsx';
import { NewRunCard } from './NewRunCard.tsx';
import { RulesCard } from './RulesCard.tsx';
import { RunsPanel } from './RunsPanel.tsx';
import { verificationApi } from './api.ts';
import './messages.ts';

// 数据比对与核实 (issue 6). The inspection office starts runs, follows each rule's hits and turns
// confirmed ones into ledger problems; everyone else sees the hits of his units to verify.

function OfficeView() {
  const me = useMe();
  const units = useAsync(() => api.units(), []);
  const runs = useAsync(() => verificationApi.runs(), []);
  const [selected, setSelected] = useState<number | null>(null);
  const defaultUnitId = me.grants.find((g) => g.role === 'office' || g.role === 'admin')?.unitId ?? me.unitId;
  const runId = selected ?? runs.data?.[0]?.id ?? null;

  return (
    <>
      <ErrorAlert error={units.error} onRetry={() => void units.reload()} />
      <NewRunCard
        key={units.data ? 'ready' : 'loading'}
        units={units.data ?? []}
        defaultUnitId={defaultUnitId}
        onDone={(summary) => {
          setSelected(summary.runId);
          void runs.reload();
        }}
      />
      <ErrorAlert error={runs.error} onRetry={() => void runs.reload()} />
      <RunsPanel
        runs={runs.data ?? []}
        loading={runs.loading}
        units={units.data ?? []}
        selectedRunId={runId}
        onSelectRun={setSelected}
        onChanged={() => void runs.reload()}
      />
      <RulesCard />
    </>
  );
}

export default function VerificationPage() {
  const { t } = useI18n();
  const me = useMe();
  const office = hasRole(me, 'office', 'admin');
  return (
    <div data-testid="verification-page">
      <PageTitle>{t.verification.title}</PageTitle>
      {office ? <OfficeView /> : <ClerkTasks canVerify={hasRole(me, 'clerk')} />}
    </div>
  );
}
