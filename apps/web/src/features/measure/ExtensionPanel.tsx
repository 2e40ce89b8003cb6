import { Button, Card, Descriptions, Empty, List, Popconfirm, Space, Typography, message } from 'antd';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, formatDate, formatDateTime, useAsync } from '../../shared/ui.tsx';
import { dispatchApi, type ExtensionRequest } from '../dispatch/api.ts';
import { DecideButtons } from '../dispatch/DecideButtons.tsx';
import { ExtensionRequestForm } from '../dispatch/ExtensionRequestForm.tsx';
import { ExtensionStatusTag } from '../dispatch/ExtensionStatusTag.tsx';
import '../dispatch/messages.ts';

// 延期申请 on a measure's page: the unit asks, everyone in scope sees the history, the office decides.

export function ExtensionPanel({ measureId, onChanged }: { measureId: number; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [msg, holder] = message.useMessage();
  const data = useAsync(() => dispatchApi.measureExtensions(measureId), [measureId]);
  const changed = () => {
    void data.reload();
    onChanged();
  };
  const withdraw = async (id: number) => {
    try {
      await dispatchApi.withdraw(id);
      void msg.success(t.extension.withdrawn);
      changed();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };
  const v = data.data;
  if (!v && !data.error) return <Card size="small" loading title={t.extension.title} />;
  // Nothing to show and nothing to do: keep the page short.
  if (v && v.items.length === 0 && !v.canRequest) return null;

  const item = (r: ExtensionRequest) => (
    <List.Item key={r.id} data-testid="extension-item">
      <div style={{ width: '100%' }}>
        <Space wrap style={{ marginBottom: 4 }}>
          <ExtensionStatusTag status={r.status} />
          <span>
            {formatDate(r.currentDeadline)} → <strong>{formatDate(r.requestedDeadline)}</strong>
          </span>
          <Typography.Text type="secondary">
            {r.requestedByName ?? '—'} · {formatDateTime(r.requestedAt)}
          </Typography.Text>
        </Space>
        <div>
          {t.extension.reason}：{r.reason}
        </div>
        {r.decidedAt && r.status !== 'withdrawn' && (
          <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
            <Descriptions.Item label={t.extension.decidedBy}>
              {r.decidedByName ?? '—'} · {formatDateTime(r.decidedAt)}
            </Descriptions.Item>
            {r.decisionNote && (
              <Descriptions.Item label={t.extension.note}>{r.decisionNote}</Descriptions.Item>
            )}
          </Descriptions>
        )}
        {r.status === 'pending' && (
          <Space style={{ marginTop: 8 }}>
            {v?.canDecide && <DecideButtons requestId={r.id} onDone={changed} />}
            {r.requestedBy === me.id && (
              <Popconfirm
                title={t.extension.confirmWithdraw}
                onConfirm={() => withdraw(r.id)}
                okText={t.common.confirm}
                cancelText={t.common.cancel}
              >
                <Button size="small" data-testid="extension-withdraw">
                  {t.extension.withdraw}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </div>
    </List.Item>
  );

  return (
    <Card title={t.extension.title} size="small" style={{ marginBottom: 16 }} data-testid="extension-panel">
      {holder}
      <ErrorAlert error={data.error} onRetry={() => void data.reload()} />
      {v && v.items.length > 0 ? (
        <List
          size="small"
          dataSource={v.items}
          renderItem={item}
          style={{ marginBottom: v.canRequest ? 16 : 0 }}
        />
      ) : (
        v && !v.canRequest && <Empty description={t.extension.none} />
      )}
      {v?.canRequest && <ExtensionRequestForm measureId={measureId} deadline={v.deadline} onDone={changed} />}
    </Card>
  );
}
