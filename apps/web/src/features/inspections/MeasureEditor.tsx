import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { MEASURE_KINDS, type Measure, type MeasureKind } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay, toDay } from '../../shared/dates.ts';
import { errorText } from '../../shared/errors.ts';
import { unitTree, useAsync } from '../../shared/ui.tsx';

// Create a measure under a problem, or edit one.

interface Values {
  text: string;
  kind: MeasureKind;
  unitId: number;
  cooperatingUnitIds?: number[];
  leaderName?: string;
  personName?: string;
  deadline?: Dayjs | null;
  evidenceCadenceDays?: number | null;
  evidenceNote?: string;
  remark?: string;
}

export function MeasureEditor({
  measure,
  problemId,
  defaultLeader,
  onClose,
}: {
  measure?: Measure;
  problemId?: number;
  defaultLeader?: string | null;
  onClose: (saved: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => api.units(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      text: v.text.trim(),
      kind: v.kind,
      unitId: v.unitId,
      cooperatingUnitIds: v.cooperatingUnitIds ?? [],
      leaderName: v.leaderName?.trim() || null,
      personName: v.personName?.trim() || null,
      deadline: fromDay(v.deadline),
      evidenceCadenceDays: v.evidenceCadenceDays ?? null,
      evidenceNote: v.evidenceNote?.trim() || null,
      remark: v.remark?.trim() || null,
    };
    try {
      if (measure) await api.updateMeasure(measure.id, body);
      else if (problemId) await api.createMeasure(problemId, body);
      onClose(true);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  const tree = unitTree(units.data ?? []);
  return (
    <Modal
      open
      width={720}
      title={measure ? t.measure.edit : t.inspections.addMeasure}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'measure-save' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          measure
            ? {
                text: measure.text,
                kind: measure.kind,
                unitId: measure.unitId,
                cooperatingUnitIds: measure.cooperatingUnitIds,
                leaderName: measure.leaderName ?? undefined,
                personName: measure.personName ?? undefined,
                deadline: toDay(measure.deadline),
                evidenceCadenceDays: measure.evidenceCadenceDays,
                evidenceNote: measure.evidenceNote ?? undefined,
                remark: measure.remark ?? undefined,
              }
            : { kind: 'deadline', leaderName: defaultLeader ?? undefined }
        }
      >
        <Form.Item
          name="text"
          label={t.inspections.measureText}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="measure-text-input" />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item name="kind" label={t.inspections.measureKind} rules={[{ required: true }]}>
            <Select
              options={MEASURE_KINDS.map((k) => ({ value: k, label: t.measureKind[k] }))}
              data-testid="measure-kind"
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t.inspections.measureUnit}
            rules={[{ required: true, message: t.common.required }]}
          >
            <TreeSelect
              treeData={tree}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              loading={units.loading}
              data-testid="measure-unit"
            />
          </Form.Item>
          <Form.Item name="cooperatingUnitIds" label={t.inspections.cooperating}>
            <TreeSelect
              treeData={tree}
              multiple
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              allowClear
            />
          </Form.Item>
          <Form.Item name="leaderName" label={t.inspections.leaderName}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="personName" label={t.inspections.personName}>
            <Input maxLength={100} data-testid="measure-person" />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t.inspections.deadline}
            rules={[{ required: kind !== 'ongoing', message: t.common.required }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="measure-deadline" />
          </Form.Item>
          {kind === 'ongoing' && (
            <Form.Item name="evidenceCadenceDays" label={t.inspections.cadence}>
              <InputNumber min={1} max={366} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="evidenceNote" label={t.inspections.evidenceNote}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="remark" label={t.inspections.remark}>
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
