import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, useAsync } from '../../shared/ui.tsx';
import { publicApi } from './api.ts';
import './messages.ts';

// The published 通报, newest first.

export function PublicationsList() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync(() => publicApi.publications(), []);
  return (
    <Card title={t.publicPortal.publicationsTitle}>
      <ErrorAlert error={error} onRetry={reload} />
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t.publicPortal.noPublications} /> }}
        renderItem={(p) => (
          <List.Item data-testid="publication-item">
            <List.Item.Meta
              title={
                <Link to={`/public/publications/${p.id}`} style={{ fontSize: 16 }}>
                  {p.title}
                </Link>
              }
              description={
                <Typography.Text type="secondary">
                  {p.inspectedUnit} · {t.publicPortal.publishedAt(formatDate(p.publishedAt))}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
