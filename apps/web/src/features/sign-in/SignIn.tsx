import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';

// The sign-in form, as a full page on arrival and as a dialog when the session has expired.

interface Props {
  onSignedIn: (me: Me) => void;
  expired: boolean;
  username?: string;
}

function SignInForm({ onSignedIn, username }: Omit<Props, 'expired'>) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.login(values.username.trim(), values.password);
      onSignedIn(result.me);
    } catch (e) {
      setError(errorText(e, t, lang));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ username: username ?? '' }}
      requiredMark={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item
        name="username"
        label={t.session.username}
        rules={[{ required: true, message: t.session.usernameRequired }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus={!username}
          size="large"
          id="signin-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t.session.password}
        rules={[{ required: true, message: t.session.passwordRequired }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          autoFocus={!!username}
          size="large"
          id="signin-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="signin-submit">
        {t.session.signIn}
      </Button>
    </Form>
  );
}

export default function SignIn(props: Props) {
  const { t } = useI18n();
  if (props.expired) {
    return (
      <Modal
        open
        title={t.session.expiredTitle}
        footer={null}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
      >
        <Typography.Paragraph type="secondary">{t.session.expiredHint}</Typography.Paragraph>
        <SignInForm onSignedIn={props.onSignedIn} username={props.username} />
      </Modal>
    );
  }
  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #fff1f0 0%, #f5f5f5 45%, #e6f4ff 100%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ color: '#c41d0f', marginTop: 0, marginBottom: 4 }}>
          {t.app.fullName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.session.subtitle}</Typography.Paragraph>
        <main>
          <SignInForm onSignedIn={props.onSignedIn} />
        </main>
        <a
          href="/public"
          style={{ display: 'block', marginTop: 16, textAlign: 'center' }}
          data-testid="public-link"
        >
          {t.publicPortal.portalLink}
        </a>
      </Card>
    </div>
  );
}
