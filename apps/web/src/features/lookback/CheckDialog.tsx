import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { SubmitError, useSubmit } from '../../shared/useSubmit.tsx';
import { lookbackApi, OUTCOMES, type LookbackCheck, type Outcome } from './api.ts';
import './messages.ts';

interface Values {
  outcome: Outcome;
  note?: string;
}

/** Records (or corrects) one re-check: 巩固 / 反弹 / 整改不到位, a note, evidence files. */
export function CheckDialog({
  check,
  onClose,
  onSaved,
}: {
  check: LookbackCheck;
  onClose: () => void;
  onSaved: (reopened: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { busy, error, run } = useSubmit();
  const outcome = Form.useWatch('outcome', form);

  const submit = (v: Values) =>
    run(async () => {
      const saved = await lookbackApi.record(
        check.id,
        v.outcome,
        v.note ?? '',
        files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
      );
      onSaved(saved.reopened);
    });

  return (
    <Modal
      open
      title={t.lookback.recordTitle(check.measureText)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.lookback.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'lookback-save' } as never}
      destroyOnHidden
    >
      <SubmitError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: check.outcome ?? undefined, note: check.note ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="outcome" label={t.lookback.outcome} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={OUTCOMES.map((o) => ({
              value: o,
              label: t.lookback.outcomes[o],
              'data-testid': `outcome-${o}`,
            }))}
          />
        </Form.Item>
        {outcome && outcome !== 'consolidated' && (
          <Alert type="warning" showIcon title={t.lookback.reopenWarning} style={{ marginBottom: 12 }} />
        )}
        <Form.Item
          name="note"
          label={t.lookback.note}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                outcome && outcome !== 'consolidated' && !value?.trim()
                  ? Promise.reject(new Error(t.lookback.noteRequired))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t.lookback.notePlaceholder}
            data-testid="lookback-note"
          />
        </Form.Item>
        <Form.Item label={t.lookback.evidence}>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={(info) => setFiles(info.fileList)}
          >
            <Button icon={<UploadOutlined />}>{t.lookback.chooseFiles}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
