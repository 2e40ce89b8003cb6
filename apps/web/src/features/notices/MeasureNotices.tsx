import { useState } from 'react';
import { Button, Card, message } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, useAsync } from '../../shared/ui.tsx';
import { noticesApi } from './api.ts';
import { IssueNoticeDialog } from './IssueNoticeDialog.tsx';
import { NoticesTable } from './NoticesTable.tsx';
import './messages.ts';

// The 督办单 of one measure, on the measure's page; the office may issue one from here.

export function MeasureNotices({ measureId, canIssue }: { measureId: number; canIssue: boolean }) {
  const { t } = useI18n();
  const n = t.notices;
  const notices = useAsync(() => noticesApi.list({ measureId }), [measureId]);
  const [issuing, setIssuing] = useState(false);
  const [msg, holder] = message.useMessage();
  const items = notices.data?.items ?? [];

  if (!canIssue && !notices.loading && items.length === 0 && !notices.error) return null;
  return (
    <Card
      size="small"
      title={n.measureCard}
      style={{ marginBottom: 16 }}
      data-testid="measure-notices"
      extra={
        canIssue && (
          <Button
            size="small"
            danger
            icon={<AlertOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="issue-notice"
          >
            {n.issue}
          </Button>
        )
      }
    >
      {holder}
      <ErrorAlert error={notices.error} onRetry={() => void notices.reload()} />
      {items.length === 0 && !notices.loading ? (
        <span style={{ color: 'rgba(0,0,0,.45)' }}>{n.noneForMeasure}</span>
      ) : (
        <NoticesTable notices={items} loading={notices.loading} showMeasure={false} pageSize={5} />
      )}
      {issuing && (
        <IssueNoticeDialog
          measureId={measureId}
          onClose={(issued) => {
            setIssuing(false);
            if (issued) {
              void msg.success(n.issued);
              void notices.reload();
            }
          }}
        />
      )}
    </Card>
  );
}
