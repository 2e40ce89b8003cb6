import { Button, Card, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, useAsync } from '../../shared/ui.tsx';
import { publicApi } from './api.ts';
import { PublishedText } from './PublishedText.tsx';
import './messages.ts';

// One 通报 as published, with a way to comment on it.

export function PublicationReader() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useAsync(() => publicApi.publication(id), [id]);
  if (loading && !data) return <Spin />;
  return (
    <Card>
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <article>
          <Typography.Title
            level={3}
            style={{ textAlign: 'center', marginTop: 0 }}
            data-testid="publication-title"
          >
            {data.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t.publicPortal.publishedAt(formatDate(data.publishedAt))}
          </Typography.Paragraph>
          <PublishedText body={data.body} />
        </article>
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Link to="/public">
          <Button>{t.publicPortal.back}</Button>
        </Link>
        {data && (
          <Link to={`/public/feedback?publication=${data.id}`}>
            <Button type="primary" data-testid="publication-feedback">
              {t.publicPortal.feedbackAbout}
            </Button>
          </Link>
        )}
      </Space>
    </Card>
  );
}
