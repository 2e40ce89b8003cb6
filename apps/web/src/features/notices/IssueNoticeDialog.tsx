import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay } from '../../shared/dates.ts';
import { SubmitError, useSubmit } from '../../shared/useSubmit.tsx';
import {
  NOTICE_CHANNELS,
  NOTICE_LEVELS,
  noticesApi,
  type Notice,
  type NoticeChannel,
  type NoticeLevel,
} from './api.ts';
import './messages.ts';

// The office issues a 督办单 by hand for one measure: level (who receives it), how it went out
// (电话/网络/书面/现场), why, and by when the unit answers.

interface Values {
  level: NoticeLevel;
  channel: NoticeChannel;
  reason: string;
  responseDue?: Dayjs | null;
}

export function IssueNoticeDialog({
  measureId,
  onClose,
}: {
  measureId: number;
  onClose: (issued?: Notice) => void;
}) {
  const { t } = useI18n();
  const n = t.notices;
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();

  const submit = (v: Values) =>
    run(async () => {
      const issued = await noticesApi.issue({
        measureId,
        level: v.level,
        channel: v.channel,
        reason: v.reason.trim(),
        responseDue: fromDay(v.responseDue),
      });
      onClose(issued);
    });

  return (
    <Modal
      open
      title={n.issueTitle}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={n.issue}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'issue-notice-submit' }}
    >
      <SubmitError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: 1, channel: 'written' }}
      >
        <Form.Item name="level" label={n.level} rules={[{ required: true }]}>
          <Select
            data-testid="issue-notice-level"
            options={NOTICE_LEVELS.map((l) => ({ value: l, label: n.levelFull[l] }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={n.channel} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={NOTICE_CHANNELS.map((c) => ({ value: c, label: n.channelShort[c] }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={n.reason}
          rules={[{ required: true, whitespace: true, message: n.reasonRequired }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={n.reasonPlaceholder}
            data-testid="issue-notice-reason"
          />
        </Form.Item>
        <Form.Item name="responseDue" label={n.responseDue} extra={n.responseDueHint}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
