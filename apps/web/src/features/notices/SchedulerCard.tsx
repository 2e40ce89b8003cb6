import { useState } from 'react';
import { Button, Card, Space, Typography, message } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, formatDate, useAsync } from '../../shared/ui.tsx';
import { announceInboxChanged } from '../inbox/unread.ts';
import { noticesApi } from './api.ts';
import './messages.ts';

// 督办调度 for the office: the last day the scheduler processed, whether mail goes out, and a
// button that catches up to today at once (the server does so by itself every 10 minutes).

export function SchedulerCard({ onRan }: { onRan: () => void }) {
  const { t, lang } = useI18n();
  const s = t.notices.scheduler;
  const state = useAsync(() => noticesApi.scheduler(), []);
  const [busy, setBusy] = useState(false);
  const [msg, holder] = message.useMessage();

  const run = async () => {
    setBusy(true);
    try {
      const { days } = await noticesApi.runScheduler();
      const done = days.filter((d) => !d.skipped);
      const sum = (key: string) => done.reduce((n, d) => n + (d.summary[key] ?? 0), 0);
      void msg.success(done.length ? s.ran(done.length, sum('reminders'), sum('notices')) : s.upToDate);
      void state.reload();
      announceInboxChanged();
      onRan();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  const data = state.data;
  return (
    <Card size="small" title={s.title} style={{ marginBottom: 16 }} data-testid="scheduler-card">
      {holder}
      <ErrorAlert error={state.error} onRetry={() => void state.reload()} />
      <Space wrap size={[24, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={[24, 8]}>
          <span>
            {s.lastDay}：
            <strong data-testid="scheduler-last-day">
              {data?.lastDay ? formatDate(data.lastDay) : s.never}
            </strong>
          </span>
          <span>
            {s.mail}：
            <Typography.Text type={data?.mail ? 'success' : 'secondary'} data-testid="scheduler-mail">
              {data ? (data.mail ? s.mailOn(data.mail.host, data.mail.from) : s.mailOff) : '…'}
            </Typography.Text>
          </span>
        </Space>
        <Button
          icon={<PlayCircleOutlined />}
          loading={busy}
          onClick={() => void run()}
          data-testid="scheduler-run"
        >
          {s.run}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {s.hint}
      </Typography.Paragraph>
    </Card>
  );
}
