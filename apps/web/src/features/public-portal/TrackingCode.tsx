import { useState } from 'react';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import './messages.ts';

// The tracking code, shown once, big, with a copy button.

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http on an intranet address has no clipboard API: select and copy the old way.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function TrackingCode({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Result
      status="success"
      title={t.publicPortal.submittedTitle}
      subTitle={t.publicPortal.codeLabel}
      extra={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text
            strong
            copyable={false}
            data-testid="tracking-code"
            style={{
              display: 'block',
              fontSize: 'clamp(18px, 5.6vw, 34px)',
              letterSpacing: 1,
              whiteSpace: 'nowrap',
              fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
              color: '#a8071a',
            }}
          >
            {code}
          </Typography.Text>
          <Alert type="warning" showIcon title={t.publicPortal.codeHint} />
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button
              type="primary"
              icon={<CopyOutlined />}
              onClick={() => void copyText(code).then(setCopied)}
              data-testid="copy-code"
            >
              {copied ? t.publicPortal.copied : t.publicPortal.copy}
            </Button>
            <Link to={`/public/track?code=${encodeURIComponent(code)}`}>
              <Button>{t.publicPortal.trackNow}</Button>
            </Link>
            <Button onClick={onAnother}>{t.publicPortal.another}</Button>
          </Space>
          {copied === false && <Typography.Text type="danger">{t.publicPortal.copyFailed}</Typography.Text>}
        </Space>
      }
    />
  );
}
