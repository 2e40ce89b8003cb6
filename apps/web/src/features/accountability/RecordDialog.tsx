import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { OutlineProblem } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay } from '../../shared/dates.ts';
import { SubmitError, useSubmit } from '../../shared/useSubmit.tsx';
import { useAsync } from '../../shared/ui.tsx';
import { ACTION_TYPES, accountabilityApi, type ActionType } from './api.ts';
import './messages.ts';

interface Values {
  personName: string;
  position?: string;
  unitName?: string;
  actionType: ActionType;
  actionDate: Dayjs;
  problemId?: number;
  measureId?: number;
  note?: string;
}

/** Records one 问责 action: who, which position and unit, what type, when, tied to which problem or measure. */
export function RecordDialog({
  inspectionId,
  problems,
  onClose,
  onSaved,
}: {
  inspectionId: number;
  problems: OutlineProblem[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const problemId = Form.useWatch('problemId', form);
  const measures = useAsync(
    () =>
      problemId
        ? api.ledger(
            new URLSearchParams({ inspectionId: String(inspectionId), problemId: String(problemId) }),
          )
        : Promise.resolve(null),
    [inspectionId, problemId],
  );
  const { busy, error, run } = useSubmit();

  const submit = (v: Values) =>
    run(async () => {
      await accountabilityApi.record(inspectionId, {
        personName: v.personName,
        position: v.position?.trim() || null,
        unitName: v.unitName?.trim() || null,
        actionType: v.actionType,
        actionDate: fromDay(v.actionDate)!,
        problemId: v.problemId ?? null,
        measureId: v.measureId ?? null,
        note: v.note?.trim() || null,
      });
      onSaved();
    });

  return (
    <Modal
      open
      title={t.accountability.record}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'accountability-save' } as never}
      destroyOnHidden
    >
      <SubmitError error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="personName"
          label={t.accountability.person}
          rules={[{ required: true, whitespace: true, message: t.accountability.personRequired }]}
        >
          <Input maxLength={100} data-testid="accountability-person" />
        </Form.Item>
        <Form.Item name="position" label={t.accountability.position}>
          <Input maxLength={100} data-testid="accountability-position" />
        </Form.Item>
        <Form.Item name="unitName" label={t.accountability.unit}>
          <Input maxLength={200} data-testid="accountability-unit" />
        </Form.Item>
        <Form.Item
          name="actionType"
          label={t.accountability.type}
          rules={[{ required: true, message: t.accountability.typeRequired }]}
        >
          <Select
            options={ACTION_TYPES.map((type) => ({ value: type, label: t.accountability.types[type] }))}
            data-testid="accountability-type"
          />
        </Form.Item>
        <Form.Item
          name="actionDate"
          label={t.accountability.date}
          rules={[{ required: true, message: t.accountability.dateRequired }]}
        >
          <DatePicker data-testid="accountability-date" />
        </Form.Item>
        <Form.Item name="problemId" label={t.accountability.problem}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t.accountability.none}
            options={problems.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
            onChange={() => form.setFieldValue('measureId', undefined)}
          />
        </Form.Item>
        {problemId && (
          <Form.Item name="measureId" label={t.accountability.measure}>
            <Select
              allowClear
              placeholder={t.accountability.none}
              options={(measures.data?.items ?? []).map((m) => ({ value: m.id, label: m.text }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t.accountability.note}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
