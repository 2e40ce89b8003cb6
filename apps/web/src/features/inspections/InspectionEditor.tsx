import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { INSPECTION_KINDS, type Inspection, type InspectionKind } from '../../api/types.ts';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay, toDay } from '../../shared/dates.ts';
import { errorText } from '../../shared/errors.ts';
import { unitTree, useAsync } from '../../shared/ui.tsx';

interface Values {
  name: string;
  kind: InspectionKind;
  issuer?: string;
  team?: string;
  ownerUnitId: number;
  inspectedUnitId: number;
  extendedUnitIds?: number[];
  period?: [Dayjs | null, Dayjs | null] | null;
  feedbackDate?: Dayjs | null;
  planDue?: Dayjs | null;
  reportDue?: Dayjs | null;
  yellowDays?: number;
  reminderDays?: string[];
  escalationDays?: number;
  responseDays?: number;
}

/** Reminder days as typed into the tags box: whole numbers 0–90, at most 5, largest first. */
function reminderDays(values: string[] | undefined): number[] | null {
  const days = [...new Set((values ?? []).map((v) => Number(String(v).trim())))];
  if (days.length > 5 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 90)) return null;
  return days.sort((a, b) => b - a);
}

/** Register or edit an inspection (巡察轮次). */
export function InspectionEditor({
  inspection,
  onClose,
}: {
  inspection?: Inspection;
  onClose: (saved?: Inspection) => void;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => api.units(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tree = unitTree(units.data ?? []);
  const defaultOwner = me.grants.find((g) => g.role === 'office' || g.role === 'admin')?.unitId ?? me.unitId;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      issuer: v.issuer?.trim() || null,
      team: v.team?.trim() || null,
      ownerUnitId: v.ownerUnitId,
      inspectedUnitId: v.inspectedUnitId,
      extendedUnitIds: v.extendedUnitIds ?? [],
      periodStart: fromDay(v.period?.[0]),
      periodEnd: fromDay(v.period?.[1]),
      feedbackDate: fromDay(v.feedbackDate),
      planDue: fromDay(v.planDue),
      reportDue: fromDay(v.reportDue),
      yellowDays: v.yellowDays ?? 7,
      reminderDays: reminderDays(v.reminderDays) ?? [],
      escalationDays: v.escalationDays ?? 7,
      responseDays: v.responseDays ?? 3,
    };
    try {
      const saved = inspection
        ? await api.updateInspection(inspection.id, body)
        : await api.createInspection(body);
      onClose(saved);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={inspection ? t.inspections.edit : t.inspections.create}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'inspection-save' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          inspection
            ? {
                name: inspection.name,
                kind: inspection.kind,
                issuer: inspection.issuer ?? undefined,
                team: inspection.team ?? undefined,
                ownerUnitId: inspection.ownerUnitId,
                inspectedUnitId: inspection.inspectedUnitId,
                extendedUnitIds: inspection.extendedUnitIds,
                period: [toDay(inspection.periodStart), toDay(inspection.periodEnd)],
                feedbackDate: toDay(inspection.feedbackDate),
                planDue: toDay(inspection.planDue),
                reportDue: toDay(inspection.reportDue),
                yellowDays: inspection.yellowDays,
                reminderDays: (inspection.reminderDays ?? [7, 1]).map(String),
                escalationDays: inspection.escalationDays ?? 7,
                responseDays: inspection.responseDays ?? 3,
              }
            : {
                kind: 'xuncha',
                ownerUnitId: defaultOwner,
                yellowDays: 7,
                reminderDays: ['7', '1'],
                escalationDays: 7,
                responseDays: 3,
              }
        }
      >
        <Form.Item
          name="name"
          label={t.inspections.name}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input maxLength={300} data-testid="inspection-name" />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item name="kind" label={t.inspections.kind} rules={[{ required: true }]}>
            <Select options={INSPECTION_KINDS.map((k) => ({ value: k, label: t.inspectionKind[k] }))} />
          </Form.Item>
          <Form.Item name="issuer" label={t.inspections.issuer}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="team" label={t.inspections.team}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="ownerUnitId"
            label={t.inspections.owner}
            rules={[{ required: true, message: t.common.required }]}
          >
            <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll />
          </Form.Item>
          <Form.Item
            name="inspectedUnitId"
            label={t.inspections.inspected}
            rules={[{ required: true, message: t.common.required }]}
          >
            <TreeSelect
              treeData={tree}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              data-testid="inspection-inspected"
            />
          </Form.Item>
          <Form.Item name="extendedUnitIds" label={t.inspections.extended}>
            <TreeSelect
              treeData={tree}
              multiple
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              allowClear
            />
          </Form.Item>
          <Form.Item name="period" label={t.inspections.period}>
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="feedbackDate" label={t.inspections.feedbackDate}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="planDue" label={t.inspections.planDue}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reportDue" label={t.inspections.reportDue}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="yellowDays"
            label={t.inspections.yellowDays}
            tooltip={t.inspections.yellowDaysHint}
          >
            <InputNumber min={0} max={365} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reminderDays"
            label={t.notices.settings.reminderDays}
            tooltip={t.notices.settings.reminderDaysHint}
            rules={[
              {
                validator: (_, value: string[] | undefined) =>
                  reminderDays(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.notices.settings.reminderDaysInvalid)),
              },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', ' ', '、']}
              placeholder="7, 1"
              data-testid="inspection-reminder-days"
            />
          </Form.Item>
          <Form.Item
            name="escalationDays"
            label={t.notices.settings.escalationDays}
            tooltip={t.notices.settings.escalationDaysHint}
          >
            <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="responseDays"
            label={t.notices.settings.responseDays}
            tooltip={t.notices.settings.responseDaysHint}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
