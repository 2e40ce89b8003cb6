import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
  message,
} from 'antd';
import type { UploadFile } from 'antd';
import {
  DeleteOutlined,
  FilePdfOutlined,
  FileOutlined,
  InboxOutlined,
  PaperClipOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api, evidenceUrl } from '../../api/client.ts';
import type {
  Attachment,
  HardNumber,
  Measure,
  MeasureEvent,
  MeasureStatus,
  Timeline as TimelineData,
} from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { RecurringTag } from '../../shared/RecurringTag.tsx';
import {
  ErrorAlert,
  KindTag,
  LightDot,
  PageTitle,
  StatusTag,
  formatDate,
  formatDateTime,
  useAsync,
} from '../../shared/ui.tsx';
import { MeasureEditor } from '../inspections/MeasureEditor.tsx';
import { ExtensionPanel } from './ExtensionPanel.tsx';
import { MeasureNotices } from '../notices/MeasureNotices.tsx';

// A measure's page: facts, the actions the transition table allows me, progress with hard numbers
// and evidence, and one timeline of progress and audit events.

type FireEvent = Exclude<MeasureEvent, 'report_progress'>;
const EVENT_ORDER: FireEvent[] = ['start', 'request_closure', 'approve', 'return', 'reopen'];
const NEEDS_REASON: ReadonlySet<FireEvent> = new Set(['return', 'reopen']);

function daysLeft(deadline: string | null): number | null {
  if (!deadline) return null;
  const today = new Date();
  const d = new Date(`${deadline}T00:00:00`);
  const t0 = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((d.getTime() - t0.getTime()) / 86400000);
}

function lightOf(m: Measure): { light: 'green' | 'yellow' | 'red' | 'none'; days: number | null } {
  const days = daysLeft(m.deadline);
  if (m.status === 'closed' || days === null) return { light: 'none', days };
  if (days < 0) return { light: 'red', days };
  return { light: days <= m.yellowDays ? 'yellow' : 'green', days };
}

export default function MeasurePage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const [msg, holder] = message.useMessage();
  const measure = useAsync(() => api.measure(id), [id]);
  const timeline = useAsync(() => api.timeline(id), [id]);
  const [reasonFor, setReasonFor] = useState<FireEvent | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const reload = () => {
    void measure.reload();
    void timeline.reload();
  };

  const fire = async (event: FireEvent, reason?: string) => {
    setBusy(event);
    try {
      await api.fire(id, event, reason);
      void msg.success(t.measure.eventDone(t.events[event]));
      setReasonFor(null);
      reload();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    } finally {
      setBusy(null);
    }
  };

  if (measure.error && !measure.data) {
    return (
      <div>
        <PageTitle>{t.measure.title}</PageTitle>
        <ErrorAlert error={measure.error} onRetry={reload} />
        <Link to="/ledger">{t.common.back}</Link>
      </div>
    );
  }
  const m = measure.data;
  if (!m) return <Card loading />;
  const light = lightOf(m);
  const events = EVENT_ORDER.filter((e) => m.allowedEvents.includes(e));
  const canReport = m.allowedEvents.includes('report_progress');

  return (
    <div>
      {holder}
      <PageTitle
        extra={
          m.canEdit && (
            <Button onClick={() => setEditing(true)} data-testid="measure-edit">
              {t.measure.edit}
            </Button>
          )
        }
      >
        <Space wrap>
          <span>
            {t.measure.title} {m.problemNumber}.{m.position}
          </span>
          <StatusTag status={m.status} />
          <KindTag kind={m.kind} />
        </Space>
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t.measure.facts} size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph strong style={{ fontSize: 16 }} data-testid="measure-text">
              {m.text}
            </Typography.Paragraph>
            {m.returnReason && m.status === 'in_progress' && (
              <Alert
                type="warning"
                showIcon
                title={`${t.measure.returnReason}：${m.returnReason}`}
                style={{ marginBottom: 12 }}
              />
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              bordered
              styles={{ label: { whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label={t.ledger.unit}>{m.unitName}</Descriptions.Item>
              <Descriptions.Item label={t.ledger.deadline}>
                <Space>
                  {formatDate(m.deadline)}
                  <LightDot light={light.light} daysLeft={light.days} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t.ledger.leader}>{m.leaderName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.ledger.person}>{m.personName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.measure.cooperating}>
                {m.cooperatingUnitNames?.join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t.measure.lastProgress}>
                {formatDateTime(m.lastProgressAt)}
              </Descriptions.Item>
              {m.evidenceCadenceDays && (
                <Descriptions.Item label={t.measure.cadence}>
                  {t.measure.cadenceDays(m.evidenceCadenceDays)}
                </Descriptions.Item>
              )}
              {m.closedAt && (
                <Descriptions.Item label={t.measure.closedAt}>{formatDateTime(m.closedAt)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t.measure.inspection} span={2}>
                <Link to={`/inspections/${m.inspectionId}`}>{m.inspectionName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t.measure.problem} span={2}>
                {m.categoryTitle ? `${m.categoryTitle} / ` : ''}
                {m.problemNumber}. {m.problemTitle}
                <RecurringTag recurring={m.problemRecurring} />
              </Descriptions.Item>
              {m.problemFinding && (
                <Descriptions.Item label={t.measure.finding} span={2}>
                  {m.problemFinding}
                </Descriptions.Item>
              )}
              {m.evidenceNote && (
                <Descriptions.Item label={t.measure.evidenceNote} span={2}>
                  {m.evidenceNote}
                </Descriptions.Item>
              )}
              {m.remark && (
                <Descriptions.Item label={t.measure.remark} span={2}>
                  {m.remark}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t.measure.actions} size="small" style={{ marginBottom: 16 }}>
            {events.length === 0 ? (
              <Typography.Text type="secondary">{t.measure.noActions}</Typography.Text>
            ) : (
              <Space wrap>
                {events.map((event) =>
                  NEEDS_REASON.has(event) ? (
                    <Button
                      key={event}
                      danger
                      onClick={() => setReasonFor(event)}
                      data-testid={`event-${event}`}
                    >
                      {t.events[event]}
                    </Button>
                  ) : (
                    <Popconfirm
                      key={event}
                      title={t.measure.confirmEvent(t.events[event])}
                      onConfirm={() => fire(event)}
                      okText={t.common.confirm}
                      cancelText={t.common.cancel}
                      okButtonProps={{ 'data-testid': `confirm-${event}` }}
                    >
                      <Button
                        type={event === 'approve' || event === 'request_closure' ? 'primary' : 'default'}
                        loading={busy === event}
                        data-testid={`event-${event}`}
                      >
                        {t.events[event]}
                      </Button>
                    </Popconfirm>
                  ),
                )}
              </Space>
            )}
          </Card>
          {canReport && <ProgressForm measureId={id} onDone={reload} />}
          <ExtensionPanel measureId={id} onChanged={reload} />
          <MeasureNotices
            measureId={id}
            canIssue={m.myRoles.includes('office') || m.myRoles.includes('admin')}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t.measure.timeline} size="small">
            <ErrorAlert error={timeline.error} onRetry={() => void timeline.reload()} />
            {timeline.data ? <MeasureTimeline data={timeline.data} /> : <Card loading variant="borderless" />}
          </Card>
        </Col>
      </Row>
      <ReasonDialog
        event={reasonFor}
        busy={!!busy}
        onCancel={() => setReasonFor(null)}
        onSubmit={(e, r) => fire(e, r)}
      />
      {editing && (
        <MeasureEditor
          measure={m}
          onClose={(saved) => {
            setEditing(false);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

function ReasonDialog({
  event,
  busy,
  onCancel,
  onSubmit,
}: {
  event: FireEvent | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (event: FireEvent, reason: string) => void;
}) {
  const t = useI18n().t;
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={!!event}
      title={event ? t.events[event] : ''}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      okButtonProps={{ danger: true, 'data-testid': 'reason-ok' }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => event && onSubmit(event, v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t.measure.reason}
          rules={[{ required: true, whitespace: true, message: t.measure.reasonRequired }]}
        >
          <Input.TextArea rows={4} placeholder={t.measure.reasonPlaceholder} data-testid="reason-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ProgressValues {
  text: string;
  numbers?: { label?: string; value?: number | null; unit?: string }[];
}

/** Report progress. The typed draft is kept in sessionStorage until it is sent. */
function ProgressForm({ measureId, onDone }: { measureId: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ProgressValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  const draftKey = `zg.progress.${measureId}`;
  const [msg, holder] = message.useMessage();

  useEffect(() => {
    try {
      const raw = sessionStorage.getItem(draftKey);
      if (raw) form.setFieldsValue(JSON.parse(raw) as ProgressValues);
    } catch {
      // no draft
    }
  }, [draftKey, form]);

  const previews = useMemo(
    () =>
      files.map((f) => ({
        uid: f.uid,
        name: f.name,
        type: f.type ?? '',
        url: f.originFileObj ? URL.createObjectURL(f.originFileObj) : '',
      })),
    [files],
  );
  useEffect(() => () => previews.forEach((p) => p.url && URL.revokeObjectURL(p.url)), [previews]);

  const submit = async (values: ProgressValues) => {
    setBusy(true);
    setError(null);
    const numbers: HardNumber[] = (values.numbers ?? [])
      .filter((n) => n.label?.trim() && typeof n.value === 'number')
      .map((n) => ({
        label: n.label!.trim(),
        value: n.value!,
        ...(n.unit?.trim() ? { unit: n.unit.trim() } : {}),
      }));
    try {
      await api.addProgress(
        measureId,
        values.text.trim(),
        numbers,
        files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : [])),
      );
      sessionStorage.removeItem(draftKey);
      form.resetFields();
      setFiles([]);
      void msg.success(t.measure.submitted);
      onDone();
    } catch (e) {
      // An expired session is handled by the sign-in dialog; the text stays for the retry.
      if (!(e instanceof ApiError && e.code === 'UNAUTHENTICATED')) setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.measure.addProgress} size="small">
      {holder}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<ProgressValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(_, all) => {
          try {
            sessionStorage.setItem(draftKey, JSON.stringify(all));
          } catch {
            // storage full: the draft is still on screen
          }
        }}
      >
        <Form.Item
          name="text"
          label={t.measure.progressText}
          rules={[{ required: true, whitespace: true, message: t.measure.textRequired }]}
        >
          <Input.TextArea
            rows={4}
            placeholder={t.measure.progressPlaceholder}
            maxLength={5000}
            showCount
            data-testid="progress-text"
          />
        </Form.Item>
        <Form.Item label={t.measure.numbers}>
          <Form.List name="numbers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item
                      name={[field.name, 'label']}
                      rules={[{ required: true, message: t.common.required }]}
                      noStyle
                    >
                      <Input
                        placeholder={t.measure.numberLabel}
                        style={{ width: 180 }}
                        aria-label={t.measure.numberLabel}
                        data-testid="number-label"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'value']}
                      rules={[{ required: true, message: t.common.required }]}
                      noStyle
                    >
                      <InputNumber
                        placeholder={t.measure.numberValue}
                        style={{ width: 120 }}
                        aria-label={t.measure.numberValue}
                        data-testid="number-value"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} noStyle>
                      <Input
                        placeholder={t.measure.numberUnit}
                        style={{ width: 80 }}
                        aria-label={t.measure.numberUnit}
                        data-testid="number-unit"
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t.common.delete}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  data-testid="add-number"
                >
                  {t.measure.addNumber}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t.measure.evidence}>
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={(info) => setFiles(info.fileList)}
            showUploadList={false}
            data-testid="evidence-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.measure.drop}</p>
            <p className="ant-upload-hint">{t.measure.dropHint}</p>
          </Upload.Dragger>
          {previews.length > 0 && (
            <div
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
              data-testid="evidence-previews"
            >
              {previews.map((p) => (
                <div
                  key={p.uid}
                  style={{
                    width: 112,
                    textAlign: 'center',
                    border: '1px solid #f0f0f0',
                    padding: 4,
                    borderRadius: 4,
                  }}
                >
                  {p.type.startsWith('image/') ? (
                    <Image src={p.url} width={100} height={80} style={{ objectFit: 'cover' }} alt={p.name} />
                  ) : p.type === 'application/pdf' ? (
                    <Button
                      type="text"
                      icon={<FilePdfOutlined style={{ fontSize: 40, color: '#cf1322' }} />}
                      style={{ height: 80 }}
                      onClick={() => setPdf(p.url)}
                      aria-label={`${t.common.preview} ${p.name}`}
                    />
                  ) : (
                    <FileOutlined style={{ fontSize: 40, height: 80, lineHeight: '80px' }} />
                  )}
                  <div
                    style={{
                      fontSize: 12,
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                    title={p.name}
                  >
                    {p.name}
                  </div>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setFiles(files.filter((f) => f.uid !== p.uid))}
                  >
                    {t.common.delete}
                  </Button>
                </div>
              ))}
            </div>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="progress-submit">
          {t.measure.submit}
        </Button>
      </Form>
      <PdfPreview url={pdf} onClose={() => setPdf(null)} />
    </Card>
  );
}

function PdfPreview({ url, onClose }: { url: string | null; onClose: () => void }) {
  const t = useI18n().t;
  return (
    <Modal open={!!url} onCancel={onClose} footer={null} width="80%" title={t.common.preview} destroyOnHidden>
      {url && (
        <iframe src={url} title={t.common.preview} style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
    </Modal>
  );
}

function EvidenceList({ files }: { files: Attachment[] }) {
  const [pdf, setPdf] = useState<string | null>(null);
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const others = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <div style={{ marginTop: 6 }}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {images.map((f) => (
              <Image
                key={f.id}
                src={evidenceUrl(f.id)}
                width={88}
                height={66}
                style={{ objectFit: 'cover' }}
                alt={f.fileName}
                data-testid="evidence-image"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          {f.mime === 'application/pdf' ? (
            <Button
              type="link"
              size="small"
              icon={<FilePdfOutlined />}
              onClick={() => setPdf(evidenceUrl(f.id))}
            >
              {f.fileName}
            </Button>
          ) : (
            <a href={evidenceUrl(f.id)} download={f.fileName}>
              <PaperClipOutlined /> {f.fileName}
            </a>
          )}
        </div>
      ))}
      <PdfPreview url={pdf} onClose={() => setPdf(null)} />
    </div>
  );
}

function MeasureTimeline({ data }: { data: TimelineData }) {
  const t = useI18n().t;
  const entries = useMemo(() => {
    const rows: { at: string; key: string; node: React.ReactNode; color: string }[] = [];
    for (const p of data.progress) {
      rows.push({
        at: p.createdAt,
        key: `p${p.id}`,
        color: 'blue',
        node: (
          <div data-testid="timeline-progress">
            <Typography.Text strong>{t.events.report_progress}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {p.author} · {formatDateTime(p.createdAt)}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
            {p.numbers.length > 0 && (
              <Space wrap size={4} style={{ marginTop: 4 }}>
                {p.numbers.map((n, i) => (
                  <Tag key={i} color="geekblue">
                    {n.label} {n.value}
                    {n.unit ?? ''}
                  </Tag>
                ))}
              </Space>
            )}
            {p.evidence.length > 0 && <EvidenceList files={p.evidence} />}
          </div>
        ),
      });
    }
    for (const e of data.events) {
      if (e.action === 'measure.report_progress') continue; // shown as the progress entry itself
      const before = (e.before?.status as MeasureStatus | undefined) ?? undefined;
      const after = (e.after?.status as MeasureStatus | undefined) ?? undefined;
      const reason = typeof e.after?.reason === 'string' ? e.after.reason : null;
      const color = e.action.endsWith('approve')
        ? 'green'
        : e.action.endsWith('return') || e.action.endsWith('reopen')
          ? 'red'
          : 'gray';
      rows.push({
        at: e.at,
        key: `e${e.id}`,
        color,
        node: (
          <div data-testid="timeline-event">
            <Typography.Text strong>{t.measure.audit[e.action] ?? e.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.actor} · {formatDateTime(e.at)}
            </Typography.Text>
            {before && after && before !== after && (
              <div>{t.measure.statusChange(t.status[before], t.status[after])}</div>
            )}
            {reason && (
              <div>
                {t.measure.reason}：{reason}
              </div>
            )}
          </div>
        ),
      });
    }
    return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }, [data, t]);
  if (entries.length === 0) return <Empty description={t.measure.noTimeline} />;
  return <Timeline items={entries.map((e) => ({ key: e.key, color: e.color, content: e.node }))} />;
}
