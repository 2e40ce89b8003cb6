import { useState } from 'react';
import { Button, DatePicker, Form, Input, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { fromDay } from '../../shared/dates.ts';
import { dispatchApi, type Snapshot } from './api.ts';
import './messages.ts';

// The office records this dispatch: a name (e.g. 11月调度) and the dispatch date.

export function TakeSnapshotForm({
  inspectionId,
  onDone,
}: {
  inspectionId: number;
  onDone: (s: Snapshot) => void;
}) {
  const { t, lang } = useI18n();
  const d = t.dispatch;
  const [msg, holder] = message.useMessage();
  const [form] = Form.useForm<{ label: string; takenOn: Dayjs | null }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { label: string; takenOn: Dayjs | null }) => {
    setBusy(true);
    try {
      const snapshot = await dispatchApi.take(inspectionId, {
        label: v.label.trim(),
        takenOn: fromDay(v.takenOn),
      });
      void msg.success(d.taken(snapshot.label));
      form.setFieldValue('label', '');
      onDone(snapshot);
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ label: `${dayjs().month() + 1}月调度`, takenOn: dayjs() }}
      data-testid="snapshot-form"
    >
      {holder}
      <Form.Item
        name="label"
        label={d.label}
        rules={[{ required: true, whitespace: true, message: d.labelRequired }]}
      >
        <Input
          placeholder={d.labelPlaceholder}
          maxLength={200}
          style={{ width: 180 }}
          data-testid="snapshot-label"
        />
      </Form.Item>
      <Form.Item name="takenOn" label={d.takenOn}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="snapshot-take">
        {d.take}
      </Button>
    </Form>
  );
}
