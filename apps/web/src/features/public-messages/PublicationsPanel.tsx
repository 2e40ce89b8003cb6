import { useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, useAsync } from '../../shared/ui.tsx';
import { messagesApi, type Publication } from './api.ts';
import { useToast } from './useToast.tsx';
import './messages.ts';

// 通报公开: draft the 通报 of an inspection from the ledger, edit, publish; withdraw or edit later.

interface Draft {
  title: string;
  body: string;
}

export function PublicationsPanel() {
  const { t } = useI18n();
  const m = t.publicMessages;
  const toast = useToast();
  const inspections = useAsync(() => api.inspections(), []);
  const list = useAsync(() => messagesApi.publications(), []);
  const [inspectionId, setInspectionId] = useState<number | undefined>();
  const [form] = Form.useForm<Draft>();
  const [editing, setEditing] = useState<Publication | null>(null);
  const [editForm] = Form.useForm<Draft>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    const result = await toast.run(work, done);
    setBusy(false);
    if (result !== undefined) await list.reload();
    return result;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {toast.holder}
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void run(() => messagesApi.publish(inspectionId!, v), m.published)}
        >
          <Form.Item label={m.pubInspection} required>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                id="pub-inspection"
                value={inspectionId}
                onChange={setInspectionId}
                loading={inspections.loading}
                showSearch={{ optionFilterProp: 'label' }}
                options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              />
              <Button
                disabled={!inspectionId}
                loading={busy}
                data-testid="pub-draft"
                onClick={() =>
                  void messagesApi.draft(inspectionId!).then((d) => form.setFieldsValue(d), toast.fail)
                }
              >
                {m.pubDraft}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="title" label={m.pubTitle} rules={[{ required: true, whitespace: true }]}>
            <Input id="pub-title" maxLength={300} />
          </Form.Item>
          <Form.Item name="body" label={m.pubBody} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea id="pub-body" rows={10} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!inspectionId}
            loading={busy}
            data-testid="pub-publish"
          >
            {m.publish}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        header={<Typography.Text strong>{m.pubList}</Typography.Text>}
        bordered
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: m.pubEmpty }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <a key="view" href={`/public/publications/${p.id}`} target="_blank" rel="noreferrer">
                {m.viewPublic}
              </a>,
              <Button
                key="edit"
                size="small"
                onClick={() => {
                  setEditing(p);
                  editForm.setFieldsValue({ title: p.title, body: p.body });
                }}
              >
                {m.edit}
              </Button>,
              <Button
                key="withdraw"
                size="small"
                danger={!p.withdrawnAt}
                onClick={() =>
                  void run(
                    () => messagesApi.withdraw(p.id, !p.withdrawnAt),
                    p.withdrawnAt ? m.published : m.withdrawn,
                  )
                }
              >
                {p.withdrawnAt ? m.republish : m.withdraw}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {p.title}
                  {p.withdrawnAt && <Tag>{m.withdrawn}</Tag>}
                </Space>
              }
              description={`${p.inspectionName} · ${formatDate(p.publishedAt)}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={m.edit}
        onCancel={() => setEditing(null)}
        confirmLoading={busy}
        onOk={() =>
          void editForm
            .validateFields()
            .then((v) =>
              run(() => messagesApi.updatePublication(editing!.id, v), m.saved).then(
                (r) => r && setEditing(null),
              ),
            )
        }
        width={760}
      >
        <Form form={editForm} layout="vertical">
          <Form.Item name="title" label={m.pubTitle} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="body" label={m.pubBody} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={14} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
