import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../shared/ui.tsx';
import { CATEGORIES, type Category } from '../public-portal/api.ts';
import { messagesApi } from './api.ts';
import { useToast } from './useToast.tsx';
import './messages.ts';
import '../public-portal/messages.ts';

// The office records a message that came by phone, letter, visit or e-mail, and reads the
// tracking code out to the sender.

const CHANNELS = ['phone', 'letter', 'visit', 'email'] as const;

interface Values {
  channel: (typeof CHANNELS)[number];
  category: Category;
  body: string;
  contact?: string;
  inspectionId?: number;
}

export function RegisterMessage({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const m = t.publicMessages;
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const inspections = useAsync(() => (open ? api.inspections() : Promise.resolve([])), [open]);
  const save = async () => {
    const values = await form.validateFields();
    const result = await toast.run(() => messagesApi.register(values), m.registered);
    if (result) {
      setCode(result.trackingCode);
      form.resetFields();
      onDone();
    }
  };
  return (
    <>
      {toast.holder}
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {m.register}
      </Button>
      <Modal
        open={open}
        title={m.register}
        onCancel={() => {
          setOpen(false);
          setCode(null);
        }}
        onOk={() => (code ? (setOpen(false), setCode(null)) : void save())}
        okText={code ? t.common.close : m.registerSave}
      >
        {code ? (
          <>
            <Typography.Paragraph>{m.registerCode}</Typography.Paragraph>
            <Typography.Title
              level={3}
              copyable
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
            >
              {code}
            </Typography.Title>
          </>
        ) : (
          <Form form={form} layout="vertical">
            <Form.Item name="channel" label={m.channel} rules={[{ required: true }]}>
              <Select options={CHANNELS.map((c) => ({ value: c, label: m.channels[c] }))} />
            </Form.Item>
            <Form.Item name="category" label={m.category} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t.publicPortal.categories[c] }))} />
            </Form.Item>
            <Form.Item name="inspectionId" label={m.inspection}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
            <Form.Item name="body" label={m.body} rules={[{ required: true, min: 5, whitespace: true }]}>
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="contact" label={m.contact}>
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
