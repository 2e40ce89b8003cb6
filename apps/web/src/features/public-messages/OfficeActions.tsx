import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, TreeSelect } from 'antd';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay } from '../../shared/dates.ts';
import { unitTree, useAsync } from '../../shared/ui.tsx';
import { messagesApi, type PublicMessageDetail } from './api.ts';
import { useToast } from './useToast.tsx';
import './messages.ts';

// What the receiving office does with a message: note, link problems, assign, reject, close.

interface Props {
  message: PublicMessageDetail;
  onChange: (next: PublicMessageDetail) => void;
}

export function NoteCard({ message, onChange }: Props) {
  const m = useI18n().t.publicMessages;
  const toast = useToast();
  const [note, setNote] = useState(message.triageNote ?? '');
  return (
    <Card size="small" title={m.note}>
      {toast.holder}
      <Input.TextArea
        rows={3}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        id="message-note"
      />
      <Button
        style={{ marginTop: 8 }}
        onClick={() =>
          void toast
            .run(() => messagesApi.triage(message.id, note), m.noteSaved)
            .then((r) => r && onChange(r))
        }
      >
        {m.saveNote}
      </Button>
    </Card>
  );
}

export function LinkCard({ message, onChange }: Props) {
  const m = useI18n().t.publicMessages;
  const toast = useToast();
  const [inspectionId, setInspectionId] = useState<number | undefined>(message.inspectionId ?? undefined);
  const [problemId, setProblemId] = useState<number | undefined>();
  const inspections = useAsync(() => api.inspections(), []);
  const outline = useAsync(
    () => (inspectionId ? api.outline(inspectionId) : Promise.resolve(null)),
    [inspectionId],
  );
  const problems = (outline.data?.categories ?? []).flatMap((c) => c.problems);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {toast.holder}
      {message.problems.map((p) => (
        <Space key={p.problemId} wrap>
          <span>
            {p.inspectionName} · {p.number}. {p.title}
          </span>
          <Button
            size="small"
            onClick={() =>
              void toast
                .run(() => messagesApi.link(message.id, [p.problemId], true), m.unlink)
                .then((r) => r && onChange(r))
            }
          >
            {m.unlink}
          </Button>
        </Space>
      ))}
      <Space wrap style={{ width: '100%' }}>
        <Select
          placeholder={m.linkInspection}
          style={{ width: 220 }}
          value={inspectionId}
          onChange={(v) => {
            setInspectionId(v);
            setProblemId(undefined);
          }}
          options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
        <Select
          placeholder={m.linkProblem}
          style={{ width: 260 }}
          value={problemId}
          onChange={setProblemId}
          loading={outline.loading}
          options={problems.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
        />
        <Button
          disabled={!problemId}
          onClick={() =>
            void toast
              .run(() => messagesApi.link(message.id, [problemId!]), m.linked)
              .then((r) => r && onChange(r))
          }
        >
          {m.link}
        </Button>
      </Space>
    </Space>
  );
}

export function AssignCard({ message, onChange }: Props) {
  const m = useI18n().t.publicMessages;
  const toast = useToast();
  const units = useAsync(() => api.units(), []);
  const [form] = Form.useForm<{ unitId: number; dueDate: import('dayjs').Dayjs | null }>();
  return (
    <Card size="small" title={m.assignTitle}>
      {toast.holder}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitId: message.assignedUnitId ?? undefined }}
        onFinish={(v) =>
          void toast
            .run(() => messagesApi.assign(message.id, v.unitId, fromDay(v.dueDate)), m.assigned)
            .then((r) => r && onChange(r))
        }
      >
        <Form.Item name="unitId" label={m.assignUnit} rules={[{ required: true }]}>
          <TreeSelect
            id="assign-unit"
            treeData={unitTree(units.data ?? [])}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={m.assignDue}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="assign-submit">
          {m.assign}
        </Button>
      </Form>
    </Card>
  );
}

export function DecisionButtons({ message, onChange }: Props) {
  const m = useI18n().t.publicMessages;
  const toast = useToast();
  const [reason, setReason] = useState('');
  return (
    <Space wrap>
      {toast.holder}
      {message.status === 'answered' && (
        <Button
          type="primary"
          data-testid="message-close"
          onClick={() =>
            void toast.run(() => messagesApi.close(message.id), m.closed).then((r) => r && onChange(r))
          }
        >
          {m.close}
        </Button>
      )}
      {(message.status === 'new' || message.status === 'assigned') && (
        <Popconfirm
          title={m.rejectReason}
          description={<Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          onConfirm={() =>
            void toast
              .run(() => messagesApi.reject(message.id, reason), m.rejected)
              .then((r) => r && onChange(r))
          }
        >
          <Button danger>{m.reject}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
