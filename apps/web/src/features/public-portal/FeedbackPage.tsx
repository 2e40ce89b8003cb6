import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Progress,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { useAsync } from '../../shared/ui.tsx';
import { BODY_MAX, CATEGORIES, MAX_FILE_BYTES, MAX_FILES, publicApi, type Category } from './api.ts';
import { solve } from './pow.ts';
import { TrackingCode } from './TrackingCode.tsx';
import './messages.ts';

// 我要反映: the form; on sending, the browser first solves the server's proof-of-work challenge
// (a progress bar meanwhile), then posts text fields first and files after.

interface Values {
  category: Category;
  publicationId?: number;
  body: string;
  contact?: string;
}

type Phase = { kind: 'idle' } | { kind: 'solving'; fraction: number } | { kind: 'sending' };

export function FeedbackPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const publications = useAsync(() => publicApi.publications(), []);
  const preset = Number(params.get('publication')) || undefined;

  const submit = async (values: Values) => {
    setError(null);
    try {
      setPhase({ kind: 'solving', fraction: 0 });
      const challenge = await publicApi.challenge();
      const solved = await solve(challenge.salt, challenge.bits, (fraction) =>
        setPhase({ kind: 'solving', fraction }),
      );
      setPhase({ kind: 'sending' });
      const data = new FormData();
      // Text fields first: the server checks the proof of work before it accepts any file.
      data.append('challenge', challenge.token);
      data.append('nonce', solved.nonce);
      data.append('category', values.category);
      data.append('body', values.body);
      if (values.contact) data.append('contact', values.contact);
      if (values.publicationId) data.append('publicationId', String(values.publicationId));
      for (const f of files) if (f.originFileObj) data.append('files', f.originFileObj, f.name);
      const result = await publicApi.submit(data);
      setCode(result.trackingCode);
      form.resetFields();
      setFiles([]);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  if (code) return <TrackingCode code={code} onAnother={() => setCode(null)} />;
  const busy = phase.kind !== 'idle';
  return (
    <Card title={t.publicPortal.feedbackTitle}>
      <Typography.Paragraph type="secondary">{t.publicPortal.feedbackHint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ publicationId: preset }}
        disabled={busy}
      >
        <Form.Item
          name="category"
          label={t.publicPortal.category}
          rules={[{ required: true, message: t.publicPortal.categoryRequired }]}
        >
          <Select
            id="feedback-category"
            options={CATEGORIES.map((c) => ({ value: c, label: t.publicPortal.categories[c] }))}
          />
        </Form.Item>
        <Form.Item name="publicationId" label={t.publicPortal.about}>
          <Select
            allowClear
            placeholder={t.publicPortal.aboutNone}
            loading={publications.loading}
            options={(publications.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t.publicPortal.body}
          rules={[{ required: true, min: 5, whitespace: true, message: t.publicPortal.bodyRequired }]}
        >
          <Input.TextArea
            id="feedback-body"
            rows={6}
            maxLength={BODY_MAX}
            showCount
            placeholder={t.publicPortal.bodyPlaceholder}
          />
        </Form.Item>
        <Form.Item name="contact" label={t.publicPortal.contact} extra={t.publicPortal.contactHint}>
          <Input id="feedback-contact" maxLength={200} autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t.publicPortal.files} extra={t.publicPortal.filesHint}>
          <Upload
            multiple
            maxCount={MAX_FILES}
            fileList={files}
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
            beforeUpload={(file) => {
              if (file.size > MAX_FILE_BYTES) {
                setError(t.publicPortal.fileTooLarge(file.name));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => {
              if (fileList.length > MAX_FILES) setError(t.publicPortal.tooManyFiles);
              setFiles(fileList.slice(0, MAX_FILES));
            }}
          >
            <Button icon={<PaperClipOutlined />}>{t.publicPortal.addFile}</Button>
          </Upload>
        </Form.Item>
        {phase.kind === 'solving' && (
          <div data-testid="pow-progress" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t.publicPortal.solving}</Typography.Text>
            <Progress percent={Math.round(phase.fraction * 100)} status="active" />
          </div>
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          data-testid="feedback-submit"
        >
          {phase.kind === 'sending' ? t.publicPortal.sending : t.publicPortal.submit}
        </Button>
      </Form>
    </Card>
  );
}
