import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../shared/ui.tsx';
import { publicApi, type MessageStatus, type TrackedMessage } from './api.ts';
import '../public-messages/messages.ts';
import './messages.ts';

// 查询办理结果: the sender enters his code and reads the status and the answer.

const COLORS: Record<MessageStatus, string> = {
  new: 'default',
  assigned: 'processing',
  answered: 'success',
  closed: 'success',
  rejected: 'warning',
};

export function TrackPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [found, setFound] = useState<TrackedMessage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const initial = params.get('code') ?? '';

  const look = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      setFound(await publicApi.track(code));
    } catch (e) {
      setFound(null);
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (initial) void look(initial);
    // Only on arrival with ?code=…
  }, []);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t.publicPortal.trackTitle}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ code: initial }}
          onFinish={(v) => {
            // The code stays out of the address bar (and out of shared screenshots).
            if (params.has('code')) setParams({}, { replace: true });
            void look(v.code);
          }}
        >
          <Form.Item
            name="code"
            label={t.publicPortal.trackHint}
            rules={[{ required: true, whitespace: true, message: t.publicPortal.codeRequired }]}
          >
            <Input
              id="track-code"
              size="large"
              placeholder={t.publicPortal.codePlaceholder}
              autoComplete="off"
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            block
            size="large"
            data-testid="track-submit"
          >
            {t.publicPortal.search}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
      </Card>
      {found && (
        <Card data-testid="track-result">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t.publicPortal.status}>
              <Tag color={COLORS[found.status]} data-testid="track-status">
                {t.publicMessages.statuses[found.status]}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.publicPortal.category}>
              {t.publicPortal.categories[found.category]}
            </Descriptions.Item>
            <Descriptions.Item label={t.publicPortal.submittedAt}>
              {formatDateTime(found.submittedAt)}
            </Descriptions.Item>
            {found.dueDate && (
              <Descriptions.Item label={t.publicPortal.dueDate}>
                {formatDate(found.dueDate)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t.publicPortal.yourMessage}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{found.body}</Typography.Paragraph>
          <Typography.Title level={5}>{t.publicPortal.answer}</Typography.Title>
          {found.answer ? (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="track-answer">
                {found.answer}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t.publicPortal.answeredAt}：{formatDateTime(found.answeredAt)}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t.publicPortal.noAnswer}</Typography.Text>
          )}
        </Card>
      )}
    </Space>
  );
}
