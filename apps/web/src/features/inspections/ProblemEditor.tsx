import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { api } from '../../api/client.ts';
import { PROBLEM_SOURCES, type Outline, type ProblemSource } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { unitTree, useAsync } from '../../shared/ui.tsx';

interface Values {
  categoryId: number | null;
  number: string;
  title: string;
  finding?: string;
  source: ProblemSource;
  crossCheckAll: boolean;
  leaderName?: string;
  leadUnitId?: number;
}

export function ProblemEditor({ outline, onClose }: { outline: Outline; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => api.units(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = outline.categories.reduce((n, c) => n + c.problems.length, 0);
  const categories = outline.categories.filter((c) => c.id !== null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.createProblem(outline.inspection.id, {
        categoryId: v.categoryId ?? null,
        number: v.number.trim(),
        title: v.title.trim(),
        finding: v.finding?.trim() ?? '',
        source: v.source,
        crossCheckAll: v.crossCheckAll,
        leaderName: v.leaderName?.trim() || null,
        leadUnitId: v.leadUnitId ?? null,
      });
      onClose(true);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t.inspections.addProblem}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'problem-save' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          categoryId: categories[categories.length - 1]?.id ?? null,
          number: String(count + 1),
          source: 'feedback',
          crossCheckAll: false,
        }}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item name="categoryId" label={t.ledger.category}>
            <Select
              allowClear
              options={categories.map((c) => ({ value: c.id, label: c.title }))}
              placeholder={t.inspections.noCategory}
              data-testid="problem-category"
            />
          </Form.Item>
          <Form.Item
            name="number"
            label={t.inspections.problemNumber}
            rules={[{ required: true, message: t.common.required }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="source" label={t.inspections.source}>
            <Select options={PROBLEM_SOURCES.map((s) => ({ value: s, label: t.problemSource[s] }))} />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t.inspections.problemTitle}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input maxLength={500} data-testid="problem-title" />
        </Form.Item>
        <Form.Item name="finding" label={t.inspections.finding}>
          <Input.TextArea rows={3} maxLength={20000} data-testid="problem-finding" />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item name="leaderName" label={t.inspections.leaderName}>
            <Input maxLength={100} data-testid="problem-leader" />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t.inspections.leadUnit}>
            <TreeSelect
              treeData={unitTree(units.data ?? [])}
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
            />
          </Form.Item>
          <Form.Item name="crossCheckAll" valuePropName="checked" label=" ">
            <Checkbox>{t.inspections.crossCheckAll}</Checkbox>
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
