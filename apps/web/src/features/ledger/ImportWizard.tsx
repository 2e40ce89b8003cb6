import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, api } from '../../api/client.ts';
import {
  INSPECTION_KINDS,
  type CellIssue,
  type ImportSummary,
  type Inspection,
  type InspectionKind,
} from '../../api/types.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { KindTag, StatusTag } from '../../shared/ui.tsx';

// Upload → check (dryRun, nothing written) with every problem cell listed → confirm.

interface Options {
  target: 'new' | 'existing';
  inspectionId?: number;
  name?: string;
  kind: InspectionKind;
  year?: number;
  createUnits: boolean;
}

interface PreviewRow {
  key: string;
  row: number | null;
  category: string;
  problem: string;
  text: string;
  kind: NonNullable<
    ImportSummary['preview']
  >['categories'][number]['problems'][number]['measures'][number]['kind'];
  status: NonNullable<
    ImportSummary['preview']
  >['categories'][number]['problems'][number]['measures'][number]['status'];
  unitName: string | null;
  deadline: string | null;
}

export default function ImportWizard({
  inspections,
  defaultInspectionId,
  onClose,
}: {
  inspections: Inspection[];
  defaultInspectionId?: number;
  onClose: (importedInspectionId?: number) => void;
}) {
  const { t, lang } = useI18n();
  const isAdmin = hasRole(useMe(), 'admin');
  const [form] = Form.useForm<Options>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [options, setOptions] = useState<Options | null>(null);
  const target = Form.useWatch('target', form);

  const formData = (o: Options, dryRun: boolean) => {
    const file = files[0]?.originFileObj;
    const data = new FormData();
    if (o.target === 'existing' && o.inspectionId) data.set('inspectionId', String(o.inspectionId));
    if (o.target === 'new') {
      if (o.name?.trim()) data.set('name', o.name.trim());
      data.set('kind', o.kind);
    }
    if (o.year) data.set('year', String(o.year));
    data.set('createUnits', String(o.createUnits));
    data.set('dryRun', String(dryRun));
    if (file) data.set('file', file, file.name);
    return data;
  };

  const check = async (o: Options) => {
    if (!files[0]?.originFileObj) {
      setError(t.import.noFile);
      return;
    }
    setBusy(true);
    setError(null);
    setOptions(o);
    try {
      setSummary(await api.importLedger(formData(o, true)));
      setStep(1);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details) {
        setSummary(e.details as ImportSummary);
        setStep(1);
      } else {
        setError(errorText(e, t, lang));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!options) return;
    setBusy(true);
    setError(null);
    try {
      setSummary(await api.importLedger(formData(options, false)));
      setStep(2);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details) {
        setSummary(e.details as ImportSummary);
      } else {
        setError(errorText(e, t, lang));
      }
    } finally {
      setBusy(false);
    }
  };

  const issueRows = useMemo(() => new Set((summary?.issues ?? []).map((i) => i.row)), [summary]);
  const previewRows = useMemo<PreviewRow[]>(() => {
    const rows: PreviewRow[] = [];
    summary?.preview?.categories.forEach((c, ci) =>
      c.problems.forEach((p, pi) =>
        p.measures.forEach((m, mi) =>
          rows.push({
            key: `${ci}-${pi}-${mi}`,
            row: m.at?.row ?? null,
            category: c.title,
            problem: `${p.number} ${p.title}`,
            text: m.text,
            kind: m.kind,
            status: m.status,
            unitName: m.unitName,
            deadline: m.deadline,
          }),
        ),
      ),
    );
    return rows;
  }, [summary]);
  const issues = summary?.issues ?? [];

  return (
    <Modal
      open
      width={1000}
      title={t.import.title}
      onCancel={() => onClose(step === 2 ? (summary?.inspectionId ?? undefined) : undefined)}
      footer={null}
      destroyOnHidden
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t.import.stepUpload },
          { title: t.import.stepPreview },
          { title: t.import.stepDone },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {step === 0 && (
        <Form<Options>
          form={form}
          layout="vertical"
          onFinish={check}
          initialValues={
            options ?? {
              target: defaultInspectionId ? 'existing' : 'new',
              inspectionId: defaultInspectionId,
              kind: 'xuncha',
              // Creating units is the administrator's right; others pick from existing ones.
              createUnits: isAdmin,
            }
          }
        >
          <Form.Item name="target" label={t.import.target}>
            <Radio.Group
              options={[
                { value: 'new', label: t.import.targetNew },
                { value: 'existing', label: t.import.targetExisting },
              ]}
            />
          </Form.Item>
          {target === 'existing' ? (
            <Form.Item
              name="inspectionId"
              label={t.import.targetExisting}
              rules={[{ required: true, message: t.common.required }]}
            >
              <Select options={inspections.map((i) => ({ value: i.id, label: i.name }))} />
            </Form.Item>
          ) : (
            <Space wrap style={{ width: '100%' }} align="start">
              <Form.Item name="name" label={t.import.name} style={{ minWidth: 320 }}>
                <Input placeholder={t.import.namePlaceholder} />
              </Form.Item>
              <Form.Item name="kind" label={t.import.kind}>
                <Select
                  style={{ width: 140 }}
                  options={INSPECTION_KINDS.map((k) => ({ value: k, label: t.inspectionKind[k] }))}
                />
              </Form.Item>
            </Space>
          )}
          <Space wrap align="start">
            <Form.Item name="year" label={t.import.year}>
              <InputNumber min={1990} max={2100} />
            </Form.Item>
            <Form.Item name="createUnits" valuePropName="checked" label=" ">
              <Checkbox data-testid="import-create-units">{t.import.createUnits}</Checkbox>
            </Form.Item>
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={(info) => setFiles(info.fileList.slice(-1))}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.import.drop}</p>
            <p className="ant-upload-hint">{t.import.dropHint}</p>
          </Upload.Dragger>
          <div style={{ marginTop: 16, textAlign: 'right' }}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="import-check">
              {busy ? t.import.checking : t.import.check}
            </Button>
          </div>
        </Form>
      )}
      {step === 1 && summary && (
        <div>
          {issues.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t.import.ok}
              description={t.import.okDetail(summary.categories, summary.problems, summary.measures)}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t.import.issues(issues.length)}
              style={{ marginBottom: 12 }}
              role="alert"
            />
          )}
          {summary.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t.import.warnings}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {summary.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          {issues.length > 0 && (
            <Table<CellIssue>
              size="small"
              bordered
              rowKey={(r) => `${r.sheet}-${r.row}-${r.column}-${r.reason}`}
              dataSource={issues}
              pagination={issues.length > 50 ? { pageSize: 50 } : false}
              scroll={{ y: 360, x: 800 }}
              data-testid="import-issues"
              columns={[
                { title: t.import.sheet, dataIndex: 'sheet', width: 100 },
                { title: t.import.row, dataIndex: 'row', width: 60 },
                { title: t.import.column, dataIndex: 'column', width: 60 },
                { title: t.import.header, dataIndex: 'header', width: 120 },
                {
                  title: t.import.value,
                  dataIndex: 'value',
                  width: 180,
                  render: (v: string | null) => <Typography.Text mark>{v ?? ''}</Typography.Text>,
                },
                {
                  title: t.import.reason,
                  dataIndex: 'reason',
                  render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text>,
                },
              ]}
            />
          )}
          {previewRows.length > 0 && (
            <Table<PreviewRow>
              size="small"
              bordered
              virtual
              rowKey="key"
              dataSource={previewRows}
              pagination={false}
              scroll={{ y: 360, x: 960 }}
              data-testid="import-preview"
              rowClassName={(r) => (r.row !== null && issueRows.has(r.row) ? 'zg-row-issue' : '')}
              columns={[
                { title: t.import.row, dataIndex: 'row', width: 60 },
                { title: t.ledger.category, dataIndex: 'category', width: 160, ellipsis: true },
                { title: t.ledger.problem, dataIndex: 'problem', width: 200, ellipsis: true },
                { title: t.ledger.measure, dataIndex: 'text', width: 260, ellipsis: true },
                {
                  title: t.ledger.kind,
                  dataIndex: 'kind',
                  width: 100,
                  render: (k: PreviewRow['kind']) => <KindTag kind={k} />,
                },
                { title: t.ledger.unit, dataIndex: 'unitName', width: 140, ellipsis: true },
                { title: t.ledger.deadline, dataIndex: 'deadline', width: 110 },
                {
                  title: t.ledger.status,
                  dataIndex: 'status',
                  width: 100,
                  render: (s: PreviewRow['status']) => <StatusTag status={s} />,
                },
              ]}
            />
          )}
          <div style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
            <Button
              onClick={() => {
                setStep(0);
                setSummary(null);
              }}
              data-testid="import-again"
            >
              {t.import.again}
            </Button>
            <Button
              type="primary"
              disabled={issues.length > 0}
              loading={busy}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {busy ? t.import.importing : t.import.confirm}
            </Button>
          </div>
        </div>
      )}
      {step === 2 && summary && (
        <Result
          status="success"
          title={t.import.done(summary.measures)}
          subTitle={
            <>
              {t.import.okDetail(summary.categories, summary.problems, summary.measures)}
              {summary.unitsCreated && summary.unitsCreated.length > 0 && (
                <div>{t.import.unitsCreated(summary.unitsCreated.join('、'))}</div>
              )}
            </>
          }
          extra={
            <Button
              type="primary"
              onClick={() => onClose(summary.inspectionId ?? undefined)}
              data-testid="import-open-ledger"
            >
              {t.import.openLedger}
            </Button>
          }
        />
      )}
    </Modal>
  );
}
