import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Tag, message } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, useAsync } from '../../shared/ui.tsx';
import { lookbackApi, type LookbackCheck } from './api.ts';
import { CheckDialog } from './CheckDialog.tsx';
import { ChecksTable } from './ChecksTable.tsx';
import './messages.ts';

/** One round: its progress, the checks the user may see, recording results and finishing. */
export function RoundDetailCard({ roundId, onChanged }: { roundId: number; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const round = useAsync(() => lookbackApi.round(roundId), [roundId]);
  const [editing, setEditing] = useState<LookbackCheck | null>(null);
  const [msg, holder] = message.useMessage();
  const r = round.data;

  const finish = async () => {
    try {
      await lookbackApi.finish(roundId);
      void msg.success(t.lookback.finished);
      void round.reload();
      onChanged();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <Card
      size="small"
      loading={round.loading && !r}
      title={r ? `${r.name} · ${t.lookback.progressText(r.checked, r.total)}` : t.lookback.rounds}
      extra={
        r && (
          <Space>
            <span>{t.lookback.counts(r.consolidated, r.rebounded, r.notDone)}</span>
            <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t.lookback.statuses[r.status]}</Tag>
            {r.canRecord && (
              <Popconfirm title={t.lookback.finishConfirm} onConfirm={() => void finish()}>
                <Button size="small" data-testid="lookback-finish">
                  {t.lookback.finish}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
      data-testid="lookback-round"
    >
      {holder}
      <ErrorAlert error={round.error} onRetry={() => void round.reload()} />
      {r?.status === 'finished' && (
        <Alert type="info" showIcon title={t.lookback.finished} style={{ marginBottom: 12 }} />
      )}
      {r && <ChecksTable checks={r.checks} canRecord={r.canRecord} onRecord={setEditing} />}
      {editing && (
        <CheckDialog
          check={editing}
          onClose={() => setEditing(null)}
          onSaved={(reopened) => {
            setEditing(null);
            void msg.success(reopened ? t.lookback.reopened : t.lookback.recorded);
            void round.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
