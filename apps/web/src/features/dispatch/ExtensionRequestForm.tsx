import { useState } from 'react';
import { Button, DatePicker, Form, Input, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { fromDay } from '../../shared/dates.ts';
import { dispatchApi } from './api.ts';
import './messages.ts';

// The unit asks for a later deadline: a date after the current one and a reason.

export function ExtensionRequestForm({
  measureId,
  deadline,
  onDone,
}: {
  measureId: number;
  deadline: string | null;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [msg, holder] = message.useMessage();
  const [form] = Form.useForm<{ requestedDeadline: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: { requestedDeadline: Dayjs; reason: string }) => {
    setBusy(true);
    try {
      await dispatchApi.requestExtension(measureId, {
        requestedDeadline: fromDay(v.requestedDeadline)!,
        reason: v.reason.trim(),
      });
      void msg.success(t.extension.submitted);
      form.resetFields();
      onDone();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="extension-form">
      {holder}
      <Form.Item
        name="requestedDeadline"
        label={t.extension.newDeadline}
        rules={[{ required: true, message: t.extension.dateRequired }]}
      >
        <DatePicker
          disabledDate={(d) => !!deadline && !d.isAfter(dayjs(deadline), 'day')}
          data-testid="extension-date"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t.extension.reason}
        rules={[{ required: true, whitespace: true, message: t.extension.reasonRequired }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t.extension.reasonPlaceholder}
          data-testid="extension-reason"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="extension-submit">
        {t.extension.ask}
      </Button>
    </Form>
  );
}
