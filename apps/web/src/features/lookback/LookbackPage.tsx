import { useState } from 'react';
import { Button, Card, Empty, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { lookbackApi } from './api.ts';
import { NewRoundDialog } from './NewRoundDialog.tsx';
import { RoundDetailCard } from './RoundDetailCard.tsx';
import { RoundsTable } from './RoundsTable.tsx';
import './messages.ts';

// 回头看: choose an inspection, see its rounds, start one, open one to record re-checks.

export default function LookbackPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const inspections = useAsync(() => api.inspections(), []);
  const inspectionId = Number(params.get('inspectionId')) || inspections.data?.[0]?.id || null;
  const roundId = Number(params.get('round')) || null;
  const rounds = useAsync(
    () => (inspectionId ? lookbackApi.rounds(inspectionId) : Promise.resolve(null)),
    [inspectionId],
  );
  const [creating, setCreating] = useState(false);
  const select = (next: { inspectionId?: number | null; round?: number | null }) => {
    const query: Record<string, string> = {};
    const inspection = next.inspectionId === undefined ? inspectionId : next.inspectionId;
    if (inspection) query.inspectionId = String(inspection);
    if (next.round) query.round = String(next.round);
    setParams(query);
  };

  return (
    <div data-testid="lookback-page">
      <PageTitle
        extra={
          <>
            <Select
              style={{ minWidth: 260 }}
              aria-label={t.lookback.inspection}
              placeholder={t.lookback.chooseInspection}
              value={inspectionId ?? undefined}
              onChange={(v: number) => select({ inspectionId: v, round: null })}
              options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              data-testid="lookback-inspection"
            />
            {rounds.data?.canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="lookback-new"
              >
                {t.lookback.newRound}
              </Button>
            )}
          </>
        }
      >
        {t.lookback.title}
      </PageTitle>
      <ErrorAlert error={inspections.error} onRetry={() => void inspections.reload()} />
      <ErrorAlert error={rounds.error} onRetry={() => void rounds.reload()} />
      {inspectionId === null && !inspections.loading ? (
        <Empty description={t.lookback.chooseInspection} />
      ) : (
        <Card size="small" title={t.lookback.rounds} style={{ marginBottom: 16 }}>
          <RoundsTable
            rounds={rounds.data?.rounds ?? []}
            loading={rounds.loading}
            selectedId={roundId}
            onOpen={(id) => select({ round: id })}
          />
        </Card>
      )}
      {roundId && <RoundDetailCard key={roundId} roundId={roundId} onChanged={() => void rounds.reload()} />}
      {creating && inspectionId && (
        <NewRoundDialog
          inspectionId={inspectionId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void rounds.reload();
            select({ round: id });
          }}
        />
      )}
    </div>
  );
}
