import { useState } from 'react';
import { Button, Card, Form, Input, message } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { announceInboxChanged } from '../inbox/unread.ts';
import { noticesApi, type NoticeDetail } from './api.ts';
import './messages.ts';

// What can be done with a notice, shown only to those who may: the supervised unit answers (and
// may correct its answer until the office closes the notice); the office closes it with a note.

function TextAction({
  title,
  placeholder,
  required,
  initial,
  submit,
  testId,
  onSubmit,
}: {
  title: string;
  placeholder: string;
  required?: string;
  initial?: string;
  submit: string;
  testId: string;
  onSubmit: (text: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Card size="small" title={title} style={{ maxWidth: 880, margin: '16px auto 0' }} className="zg-no-print">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ text: initial ?? '' }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onSubmit(v.text.trim());
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="text"
          rules={required ? [{ required: true, whitespace: true, message: required }] : []}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea
            rows={4}
            maxLength={required ? 4000 : 2000}
            showCount
            placeholder={placeholder}
            data-testid={`${testId}-text`}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
          {submit}
        </Button>
      </Form>
    </Card>
  );
}

export function NoticeActions({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const n = t.notices;
  const [msg, holder] = message.useMessage();

  const act = (call: (text: string) => Promise<unknown>, done: string) => async (text: string) => {
    try {
      await call(text);
      void msg.success(done);
      announceInboxChanged();
      onChanged();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <>
      {holder}
      {notice.canAnswer && (
        <TextAction
          key={`answer-${notice.status}`}
          title={notice.response ? n.answerUpdate : n.answerTitle}
          placeholder={n.answerPlaceholder}
          required={n.answerRequired}
          initial={notice.response ?? ''}
          submit={n.answerSubmit}
          testId="notice-answer"
          onSubmit={act((text) => noticesApi.answer(notice.id, text), n.answered)}
        />
      )}
      {notice.canClose && (
        <TextAction
          title={n.closeTitle}
          placeholder={n.closePlaceholder}
          submit={n.closeSubmit}
          testId="notice-close"
          onSubmit={act((text) => noticesApi.close(notice.id, text || null), n.closed)}
        />
      )}
    </>
  );
}
