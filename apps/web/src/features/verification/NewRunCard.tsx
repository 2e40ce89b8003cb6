import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Select, TreeSelect, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ApiError } from '../../api/client.ts';
import { unitTree } from '../../shared/ui.tsx';
import { RuleProblems } from './RulesCard.tsx';
import { ROSTER_NAMES, verificationApi, type RosterName, type RuleProblem, type RunSummary } from './api.ts';
import './messages.ts';

// 新建比对: the pack, the as-of date, the organising unit and one file per roster. The server runs
// the pack and sends every hit to its village as a verification task.

interface Values {
  pack: string;
  asOf: Dayjs | null;
  ownerUnitId: number;
}

export function NewRunCard({
  units,
  defaultUnitId,
  onDone,
}: {
  units: Unit[];
  defaultUnitId: number | undefined;
  onDone: (summary: RunSummary) => void;
}) {
  const { t, lang } = useI18n();
  const v = t.verification;
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Partial<Record<RosterName, File>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [rulesFile, setRulesFile] = useState<File | null>(null);
  const [rulesCheck, setRulesCheck] = useState<
    | { state: 'checking' }
    | { state: 'ok'; count: number }
    | { state: 'bad'; message: string; problems: RuleProblem[] }
    | null
  >(null);

  /** Checks a chosen rule file at once, so its errors (line and reason) show before any run. */
  const chooseRules = async (file: File | null) => {
    setRulesFile(file);
    if (!file) return setRulesCheck(null);
    setRulesCheck({ state: 'checking' });
    const data = new FormData();
    data.set('pack', form.getFieldValue('pack') as string);
    data.append('rules', file, file.name);
    try {
      const list = await verificationApi.validateRules(data);
      setRulesCheck({ state: 'ok', count: list.rules.length });
    } catch (e) {
      const problems =
        e instanceof ApiError
          ? ((e.details as { problems?: RuleProblem[] } | undefined)?.problems ?? [])
          : [];
      setRulesCheck({ state: 'bad', message: errorText(e, t, lang), problems });
    }
  };

  const submit = async (values: Values) => {
    if (!files.households) {
      setError(v.needHouseholds);
      return;
    }
    const data = new FormData();
    data.set('pack', values.pack);
    if (values.asOf) data.set('asOf', values.asOf.format('YYYY-MM-DD'));
    data.set('ownerUnitId', String(values.ownerUnitId));
    for (const name of ROSTER_NAMES) {
      const file = files[name];
      if (file) data.append(name, file, file.name);
    }
    if (rulesFile) data.append('rules', rulesFile, rulesFile.name);
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const result = await verificationApi.createRun(data);
      setSummary(result);
      onDone(result);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={v.newRun} size="small" style={{ marginBottom: 16 }} data-testid="new-run">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ pack: 'poverty', asOf: dayjs(), ownerUnitId: defaultUnitId }}
      >
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="pack" label={v.pack} style={{ minWidth: 240, flex: '1 1 240px' }}>
            <Select options={[{ value: 'poverty', label: v.packPoverty }]} />
          </Form.Item>
          <Form.Item
            name="asOf"
            label={v.asOf}
            rules={[{ required: true, message: t.common.required }]}
            style={{ minWidth: 160 }}
          >
            <DatePicker allowClear={false} data-testid="run-as-of" />
          </Form.Item>
          <Form.Item
            name="ownerUnitId"
            label={v.ownerUnit}
            rules={[{ required: true, message: t.common.required }]}
            style={{ minWidth: 220, flex: '1 1 220px' }}
          >
            <TreeSelect
              treeData={unitTree(units)}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              data-testid="run-owner"
            />
          </Form.Item>
        </div>
        <Typography.Text strong>{v.rosters}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {v.rosterHint}
        </Typography.Paragraph>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
            gap: 8,
            marginBottom: 12,
          }}
        >
          {ROSTER_NAMES.map((name) => {
            const file = files[name];
            return (
              <div
                key={name}
                data-testid={`roster-${name}`}
                style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}
              >
                <div style={{ marginBottom: 4 }}>
                  {v.rosterNames[name] ?? name}
                  {name === 'households' && <Typography.Text type="danger"> *</Typography.Text>}
                </div>
                <Upload
                  accept=".csv,.xlsx"
                  maxCount={1}
                  beforeUpload={() => false}
                  fileList={file ? [{ uid: name, name: file.name, status: 'done' }] : []}
                  onChange={(info) => {
                    const picked = info.fileList.at(-1)?.originFileObj;
                    setFiles((prev) => {
                      const next = { ...prev };
                      if (picked) next[name] = picked;
                      else delete next[name];
                      return next;
                    });
                  }}
                  onRemove={() => {
                    setFiles((prev) => {
                      const next = { ...prev };
                      delete next[name];
                      return next;
                    });
                    return true;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    {v.choose}
                  </Button>
                </Upload>
              </div>
            );
          })}
        </div>
        <div data-testid="custom-rules" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{v.customRules}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {v.customRulesHint}
          </Typography.Paragraph>
          <Upload
            accept=".yaml,.yml,.json"
            maxCount={1}
            beforeUpload={() => false}
            fileList={rulesFile ? [{ uid: 'rules', name: rulesFile.name, status: 'done' }] : []}
            onChange={(info) => void chooseRules(info.fileList.at(-1)?.originFileObj ?? null)}
            onRemove={() => {
              void chooseRules(null);
              return true;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {v.choose}
            </Button>
          </Upload>
          {rulesCheck?.state === 'checking' && (
            <Typography.Text type="secondary">{v.customRulesChecking}</Typography.Text>
          )}
          {rulesCheck?.state === 'ok' && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 8 }}
              title={v.customRulesOk(rulesCheck.count)}
              data-testid="custom-rules-ok"
            />
          )}
          {rulesCheck?.state === 'bad' && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 8 }}
              title={rulesCheck.problems.length > 0 ? undefined : rulesCheck.message}
              description={
                rulesCheck.problems.length > 0 ? <RuleProblems problems={rulesCheck.problems} /> : undefined
              }
              data-testid="custom-rules-bad"
            />
          )}
        </div>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        {summary && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="run-done"
            title={v.runDone(summary.hits)}
            description={
              <>
                <div>
                  {summary.rosters
                    .map((r) => v.rosterRows(v.rosterNames[r.name] ?? r.name, r.rows, r.rejected))
                    .join('；')}
                </div>
                {summary.unassignedVillages.length > 0 && (
                  <div>{v.unassigned(summary.unassignedVillages.join('、'))}</div>
                )}
              </>
            }
          />
        )}
        <div style={{ textAlign: 'right' }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="run-start">
            {busy ? v.running : v.run}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
