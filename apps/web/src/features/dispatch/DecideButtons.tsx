import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space, message } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { dispatchApi } from './api.ts';
import './messages.ts';

// The office's decision on one extension request: approve at once, or refuse with a note.

export function DecideButtons({ requestId, onDone }: { requestId: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [msg, holder] = message.useMessage();
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note: string }>();

  const decide = async (approve: boolean, note?: string) => {
    setBusy(true);
    try {
      await dispatchApi.decide(requestId, { approve, note: note ?? null });
      void msg.success(approve ? t.extension.approved : t.extension.refused);
      setRefusing(false);
      onDone();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space>
      {holder}
      <Popconfirm
        title={`${t.extension.approve}？`}
        onConfirm={() => decide(true)}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        okButtonProps={{ 'data-testid': 'extension-approve-ok' }}
      >
        <Button type="primary" size="small" loading={busy} data-testid="extension-approve">
          {t.extension.approve}
        </Button>
      </Popconfirm>
      <Button danger size="small" onClick={() => setRefusing(true)} data-testid="extension-refuse">
        {t.extension.refuse}
      </Button>
      <Modal
        open={refusing}
        title={t.extension.refuse}
        onCancel={() => setRefusing(false)}
        onOk={() => form.submit()}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        okButtonProps={{ danger: true, 'data-testid': 'extension-refuse-ok' }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => decide(false, v.note.trim())}>
          <Form.Item
            name="note"
            label={t.extension.note}
            rules={[{ required: true, whitespace: true, message: t.extension.noteRequired }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t.extension.notePlaceholder} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
