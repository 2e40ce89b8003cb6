import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Tabs,
  TreeSelect,
  Typography,
  Upload,
  message,
} from 'antd';
import type { UploadFile } from 'antd';
import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Inspection, Unit } from '../../api/types.ts';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, PageTitle, unitTree, useAsync } from '../../shared/ui.tsx';
import { docsApi, type ImportDocResult, type ParsedDocument } from './api.ts';
import { problemsToFix, toEditable, toParsed, type EDoc } from './edit.ts';
import {
  HeaderEditor,
  StructureEditor,
  TotalsPanel,
  WarningsPanel,
  useFocusAfterRender,
} from './StructureEditor.tsx';
import './messages.ts';

// Issue 4, part 3: a feedback or rectification document becomes an inspection's problem list.
// 1. upload a .docx/.txt or paste the text → the server parses it (nothing is written);
// 2. the source on the left, the parsed structure on the right, every part correctable
//    (texts, merge / split measures, renumber, move, add, delete), with the parser's notes and
//    the document's own totals against what is there now;
// 3. choose the unit (or the inspection to add to), check with a dry run, then create.

interface Source {
  kind: 'text' | 'file';
  /** The text shown on the left: the pasted text, or the findings parsed out of the file. */
  text: string;
  fileName: string | null;
}

/** What is shown for an uploaded file: only what the parser took out of it, in order. */
function findingsText(doc: ParsedDocument): string {
  const parts: string[] = [];
  for (const c of doc.categories) {
    if (c.title) parts.push(c.title);
    for (const p of c.problems) parts.push(`${p.number ? `${p.number}. ` : ''}${p.text || p.title}`);
    parts.push('');
  }
  return parts.join('\n').trim();
}

/** The unit named in the document's opening sentence: the longest unit name it contains. */
function unitNamed(units: Unit[], name: string | null): number | undefined {
  if (!name) return undefined;
  let best: Unit | undefined;
  for (const u of units) if (name.includes(u.name) && (!best || u.name.length > best.name.length)) best = u;
  return best?.id;
}

// Memoised: a long source text need not re-render on every keystroke in the structure.
const SourcePane = memo(function SourcePane({
  source,
  highlight,
}: {
  source: Source;
  highlight: { text: string; n: number } | null;
}) {
  const { t } = useI18n();
  const d = t.documents;
  const markRef = useRef<HTMLElement>(null);
  const at = useMemo(() => {
    if (!highlight) return -1;
    const probe = highlight.text.trim();
    // Try the whole text, then shorter heads of it (a person may have edited the end).
    for (const len of [probe.length, 40, 20, 10]) {
      const head = probe.slice(0, len);
      if (head.length >= Math.min(4, probe.length) && head) {
        const i = source.text.indexOf(head);
        if (i >= 0) return i;
      }
    }
    return -2;
  }, [highlight, source.text]);
  const length = highlight ? Math.min(highlight.text.trim().length, source.text.length - Math.max(at, 0)) : 0;
  useEffect(() => {
    if (at >= 0) markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [at, highlight]);
  return (
    <Card
      size="small"
      title={
        <Space>
          <FileTextOutlined />
          {d.source}
        </Space>
      }
      style={{ position: 'sticky', top: 12 }}
      styles={{ body: { padding: 0 } }}
    >
      {source.kind === 'file' && (
        <Typography.Paragraph
          type="secondary"
          style={{ padding: '8px 12px 0', marginBottom: 0, fontSize: 12 }}
        >
          {d.sourceFromFile(source.fileName ?? '')}
        </Typography.Paragraph>
      )}
      {at === -2 && (
        <Alert type="info" title={d.notInSource} showIcon banner style={{ margin: 0 }} role="status" />
      )}
      <div
        data-testid="doc-source"
        tabIndex={0}
        aria-label={d.source}
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          maxHeight: 'calc(100vh - 200px)',
          overflow: 'auto',
          padding: 12,
          fontSize: 13,
          lineHeight: 1.8,
        }}
      >
        {at >= 0 ? (
          <>
            {source.text.slice(0, at)}
            <mark ref={markRef} style={{ background: '#fff1b8', padding: 0 }}>
              {source.text.slice(at, at + length)}
            </mark>
            {source.text.slice(at + length)}
          </>
        ) : (
          source.text
        )}
      </div>
    </Card>
  );
});

export default function DocumentImportPage() {
  const { t, lang } = useI18n();
  const d = t.documents;
  const me = useMe();
  const [params] = useSearchParams();
  const appendId = Number(params.get('inspectionId')) || undefined;
  const [msg, holder] = message.useMessage();

  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [doc, setDocState] = useState<EDoc | null>(null);
  const docRef = useRef<EDoc | null>(null);
  const [highlight, setHighlight] = useState<{ text: string; n: number } | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const [target, setTarget] = useState<'new' | 'existing'>(appendId ? 'existing' : 'new');
  const [inspectionId, setInspectionId] = useState<number | undefined>(appendId);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [checked, setChecked] = useState<ImportDocResult | null>(null);
  const [done, setDone] = useState<ImportDocResult | null>(null);

  const units = useAsync(() => api.units(), []);
  const inspections = useAsync(() => api.inspections(), []);
  const appendTo = inspections.data?.find((i) => i.id === appendId);

  // Every edit is a pure function applied once, synchronously, to the latest document.
  const update = useCallback((f: (doc: EDoc) => EDoc) => {
    if (!docRef.current) return;
    const next = f(docRef.current);
    docRef.current = next;
    setDocState(next);
    setChecked(null);
  }, []);
  const setDoc = (next: EDoc | null) => {
    docRef.current = next;
    setDocState(next);
  };
  const focus = useCallback((key: string) => setFocusKey(key), []);
  const focused = useCallback(() => setFocusKey(null), []);
  useFocusAfterRender(focusKey, focused);
  const locate = useCallback((text: string) => setHighlight((h) => ({ text, n: (h?.n ?? 0) + 1 })), []);

  const parse = async () => {
    const file = files[0]?.originFileObj;
    if (mode === 'file' ? !file : !pasted.trim()) {
      setError(d.noInput);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result =
        mode === 'file' && file ? await docsApi.parseFile(file) : await docsApi.parseText(pasted);
      setDoc(toEditable(result.document));
      setSource(
        mode === 'file'
          ? {
              kind: 'file',
              text: findingsText(result.document),
              fileName: result.fileName ?? file?.name ?? null,
            }
          : { kind: 'text', text: pasted, fileName: null },
      );
      setHighlight(null);
      setChecked(null);
      setDone(null);
      if (!appendId && units.data) setUnitId(unitNamed(units.data, result.document.inspectedUnit));
      setStep(1);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  // The unit list may arrive after the parse.
  useEffect(() => {
    if (unitId === undefined && units.data && doc && target === 'new')
      setUnitId(unitNamed(units.data, doc.inspectedUnit) ?? me.unitId);
  }, [units.data, doc, unitId, target, me.unitId]);

  // Corrections live only in this page until created: ask before the tab is closed or reloaded.
  const unsaved = doc !== null && !done;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const fixes = useMemo(() => (doc ? problemsToFix(doc, target === 'new') : []), [doc, target]);

  const body = (dryRun: boolean) => ({
    document: toParsed(docRef.current!),
    dryRun,
    ...(target === 'existing' && inspectionId ? { inspectionId } : {}),
    ...(target === 'new' && unitId ? { unitId } : {}),
    ...(source?.fileName ? { fileName: source.fileName } : {}),
  });

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await docsApi.importDoc(body(dryRun));
      if (dryRun) setChecked(result);
      else {
        setDone(result);
        void msg.success(d.done(result.problems, result.measures));
      }
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0);
    setDoc(null);
    setSource(null);
    setChecked(null);
    setDone(null);
    setError(null);
  };

  const fixText = (f: (typeof fixes)[number]) =>
    f.kind === 'name'
      ? d.needName
      : f.kind === 'title'
        ? d.needTitle(f.number)
        : d.needText(f.number, f.index);

  return (
    <div data-testid="doc-import">
      {holder}
      <PageTitle>{d.title}</PageTitle>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: d.stepSource }, { title: d.stepEdit }, { title: d.stepCreate }]}
      />
      {appendId && appendTo && (
        <Alert type="info" showIcon title={d.appendTo(appendTo.name)} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          role="alert"
          data-testid="doc-error"
          closable={{ onClose: () => setError(null) }}
        />
      )}

      {step === 0 && (
        <Card size="small">
          <Tabs
            activeKey={mode}
            onChange={(k) => {
              setMode(k as 'file' | 'text');
              setError(null);
            }}
            items={[
              {
                key: 'file',
                label: <span data-testid="doc-mode-file">{d.sourceFile}</span>,
                children: (
                  <Upload.Dragger
                    accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    maxCount={1}
                    fileList={files}
                    beforeUpload={() => false}
                    onChange={(info) => setFiles(info.fileList.slice(-1))}
                    data-testid="doc-file"
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{d.drop}</p>
                    <p className="ant-upload-hint">{d.dropHint}</p>
                  </Upload.Dragger>
                ),
              },
              {
                key: 'text',
                label: <span data-testid="doc-mode-text">{d.sourceText}</span>,
                children: (
                  <Input.TextArea
                    aria-label={d.sourceText}
                    data-testid="doc-paste"
                    value={pasted}
                    onChange={(e) => setPasted(e.target.value)}
                    placeholder={d.pastePlaceholder}
                    autoSize={{ minRows: 12, maxRows: 28 }}
                  />
                ),
              },
            ]}
          />
          <div style={{ marginTop: 16, textAlign: 'right' }}>
            <Button type="primary" loading={busy} onClick={() => void parse()} data-testid="doc-parse">
              {busy ? d.parsing : d.parse}
            </Button>
          </div>
        </Card>
      )}

      {step === 1 && doc && source && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <SourcePane source={source} highlight={highlight} />
            </Col>
            <Col xs={24} lg={14}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {d.structure}
              </Typography.Title>
              <HeaderEditor doc={doc} update={update} showName={target === 'new'} />
              <WarningsPanel warnings={doc.warnings} />
              <TotalsPanel doc={doc} />
              <StructureEditor doc={doc} update={update} focus={focus} onLocate={locate} />
            </Col>
          </Row>
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              background: '#fff',
              padding: '12px 0',
              display: 'flex',
              justifyContent: 'space-between',
              gap: 8,
              borderTop: '1px solid #f0f0f0',
              zIndex: 2,
            }}
          >
            <Popconfirm
              title={d.restart}
              onConfirm={restart}
              okText={t.common.confirm}
              cancelText={t.common.cancel}
            >
              <Button data-testid="doc-restart">{d.restart}</Button>
            </Popconfirm>
            <Space>
              {fixes.length > 0 && (
                <Typography.Text type="danger" data-testid="doc-fix-count">
                  {d.invalid(fixes.length)}
                </Typography.Text>
              )}
              <Button type="primary" onClick={() => setStep(2)} data-testid="doc-next">
                {d.next}
              </Button>
            </Space>
          </div>
        </>
      )}

      {step === 2 && doc && !done && (
        <Card size="small">
          <TotalsPanel doc={doc} />
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label={d.target}>
              <Radio.Group
                value={target}
                onChange={(e) => {
                  setTarget(e.target.value as 'new' | 'existing');
                  setChecked(null);
                }}
                options={[
                  { value: 'new', label: d.targetNew },
                  { value: 'existing', label: d.targetExisting },
                ]}
                data-testid="doc-target"
              />
            </Form.Item>
            {target === 'new' ? (
              <Form.Item label={d.unit} htmlFor="doc-unit" extra={d.unitHint} required>
                <TreeSelect
                  id="doc-unit"
                  data-testid="doc-unit"
                  showSearch
                  treeNodeFilterProp="title"
                  treeDefaultExpandAll
                  value={unitId}
                  onChange={(v: number) => {
                    setUnitId(v);
                    setChecked(null);
                  }}
                  treeData={units.data ? unitTree(units.data) : []}
                  loading={units.loading}
                />
              </Form.Item>
            ) : (
              <Form.Item label={d.inspection} htmlFor="doc-inspection" required>
                <Select<number>
                  id="doc-inspection"
                  showSearch
                  optionFilterProp="label"
                  value={inspectionId}
                  onChange={(v) => {
                    setInspectionId(v);
                    setChecked(null);
                  }}
                  loading={inspections.loading}
                  options={(inspections.data ?? []).map((i: Inspection) => ({ value: i.id, label: i.name }))}
                />
              </Form.Item>
            )}
          </Form>
          <ErrorAlert error={units.error ?? inspections.error} />
          {fixes.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={d.invalid(fixes.length)}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {fixes.slice(0, 10).map((f) => (
                    <li key={`${f.kind}-${f.key}`}>
                      <Typography.Link
                        onClick={() => {
                          setStep(1);
                          focus(f.key);
                        }}
                      >
                        {fixText(f)}
                      </Typography.Link>
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {checked && (
            <Alert
              type={checked.issues.length ? 'error' : 'success'}
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="doc-checked"
              title={d.checked(checked.categories, checked.problems, checked.measures)}
              description={
                checked.issues.length + checked.warnings.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {checked.issues.map((i, n) => (
                      <li key={`i${n}`}>
                        <Typography.Text type="danger">{i.reason}</Typography.Text>
                      </li>
                    ))}
                    {checked.warnings.map((w, n) => (
                      <li key={`w${n}`}>{w}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button onClick={() => setStep(1)} data-testid="doc-back">
              {d.back}
            </Button>
            <Space>
              <Button
                loading={busy && !checked}
                disabled={
                  fixes.length > 0 || (target === 'new' ? !unitId : !inspectionId) || (busy && !!checked)
                }
                onClick={() => void run(true)}
                data-testid="doc-check"
              >
                {busy && !checked ? d.checking : d.check}
              </Button>
              <Button
                type="primary"
                loading={busy && !!checked}
                disabled={!checked || checked.issues.length > 0 || fixes.length > 0}
                onClick={() => void run(false)}
                data-testid="doc-create"
              >
                {busy && checked ? d.creating : d.create}
              </Button>
            </Space>
          </Space>
        </Card>
      )}

      {step === 2 && done && (
        <Result
          status="success"
          data-testid="doc-done"
          title={d.done(done.problems, done.measures)}
          subTitle={
            done.warnings.length > 0 ? (
              <ul style={{ textAlign: 'left', display: 'inline-block', margin: 0 }}>
                {done.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            ) : undefined
          }
          extra={[
            done.inspectionId !== null && (
              <Link key="open" to={`/inspections/${done.inspectionId}`} data-testid="doc-open-inspection">
                <Button type="primary" tabIndex={-1}>
                  {d.openInspection}
                </Button>
              </Link>
            ),
            <Button key="again" onClick={restart} data-testid="doc-again">
              {d.importAnother}
            </Button>,
          ]}
        />
      )}
    </div>
  );
}
