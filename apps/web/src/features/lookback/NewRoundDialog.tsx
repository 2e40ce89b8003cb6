import { Form, Input, InputNumber, Modal, Radio, TreeSelect } from 'antd';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SubmitError, useSubmit } from '../../shared/useSubmit.tsx';
import { unitTree, useAsync } from '../../shared/ui.tsx';
import { lookbackApi } from './api.ts';
import './messages.ts';

interface Values {
  name: string;
  unitId?: number;
  mode: 'all' | 'sample';
  sampleSize?: number;
  seed?: string;
}

/** Starts a round: every closed measure, or a sample of n reproducible from a seed; optionally one unit. */
export function NewRoundDialog({
  inspectionId,
  onClose,
  onCreated,
}: {
  inspectionId: number;
  onClose: () => void;
  onCreated: (roundId: number) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => api.units(), []);
  const { busy, error, run } = useSubmit();
  const mode = Form.useWatch('mode', form);

  const submit = (v: Values) =>
    run(async () => {
      const round = await lookbackApi.create(inspectionId, {
        name: v.name,
        unitId: v.unitId ?? null,
        sampleSize: v.mode === 'sample' ? (v.sampleSize ?? null) : null,
        seed: v.mode === 'sample' ? v.seed?.trim() || null : null,
      });
      onCreated(round.id);
    });

  return (
    <Modal
      open
      title={t.lookback.newRound}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.create}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'lookback-create' } as never}
      destroyOnHidden
    >
      <SubmitError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'sample', sampleSize: 5 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t.lookback.name}
          rules={[{ required: true, message: t.lookback.nameRequired }]}
        >
          <Input placeholder={t.lookback.namePlaceholder} maxLength={200} data-testid="lookback-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t.lookback.scope} extra={t.lookback.unitHint}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t.lookback.allUnits}
            treeData={unitTree(units.data ?? [])}
            data-testid="lookback-unit"
          />
        </Form.Item>
        <Form.Item name="mode" label={t.lookback.selection}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'all', label: t.lookback.selectAll },
              { value: 'sample', label: t.lookback.selectSample },
            ]}
            data-testid="lookback-mode"
          />
        </Form.Item>
        {mode !== 'all' && (
          <>
            <Form.Item name="sampleSize" label={t.lookback.sampleSize} rules={[{ required: true }]}>
              <InputNumber min={1} max={100000} precision={0} data-testid="lookback-size" />
            </Form.Item>
            <Form.Item name="seed" label={t.lookback.seed} extra={t.lookback.seedHint}>
              <Input maxLength={100} data-testid="lookback-seed" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
