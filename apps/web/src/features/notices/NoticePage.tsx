import { Button, Card } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { noticesApi } from './api.ts';
import { NoticeActions } from './NoticeActions.tsx';
import { NoticeSheet } from './NoticeSheet.tsx';
import './messages.ts';

// One 督办单: the sheet as it would be printed, and below it the actions the user may take.

export default function NoticePage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const notice = useAsync(() => noticesApi.get(id), [id]);

  const title = (
    <PageTitle
      extra={
        <span className="zg-no-print" style={{ display: 'flex', gap: 8 }}>
          <Button onClick={() => navigate('/notices')}>{t.common.back}</Button>
          {notice.data && (
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t.notices.print}
            </Button>
          )}
        </span>
      }
    >
      <span className="zg-no-print">{t.notices.title}</span>
    </PageTitle>
  );

  if (!notice.data) {
    return (
      <div>
        {title}
        <ErrorAlert error={notice.error} onRetry={() => void notice.reload()} />
        {!notice.error && <Card loading />}
      </div>
    );
  }
  return (
    <div data-testid="notice-page">
      {title}
      <NoticeSheet notice={notice.data} />
      <NoticeActions notice={notice.data} onChanged={() => void notice.reload()} />
    </div>
  );
}
