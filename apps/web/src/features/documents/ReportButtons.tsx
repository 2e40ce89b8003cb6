import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { docsApi, saveBlob, type PublicContact, type ReportKind } from './api.ts';
import './messages.ts';

// Issue 4, part 4 on the inspection page: the public 整改情况通报 and the 整改进展情况报告 to the
// upper level as .docx, with the date and the supervision contact asked first (prefilled from
// the settings), and the office's editable template.

interface ReportForm {
  date: Dayjs | null;
  phone: string;
  email: string;
  saveContact: boolean;
}

function ReportDialog({
  inspectionId,
  kind,
  onClose,
}: {
  inspectionId: number;
  kind: ReportKind;
  onClose: (downloaded?: string) => void;
}) {
  const { t, lang } = useI18n();
  const d = t.documents;
  const canManage = hasRole(useMe(), 'office', 'admin');
  const [form] = Form.useForm<ReportForm>();
  const [contact, setContact] = useState<PublicContact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    docsApi
      .contact()
      .then((c) => {
        if (!live) return;
        setContact(c);
        // Only fill what the person has not typed yet.
        if (!form.getFieldValue('phone')) form.setFieldValue('phone', c.phone ?? '');
        if (!form.getFieldValue('email')) form.setFieldValue('email', c.email ?? '');
      })
      .catch(() => undefined); // no contact settings: the fields stay empty
    return () => {
      live = false;
    };
  }, [form]);

  const generate = async (values: ReportForm) => {
    setBusy(true);
    setError(null);
    const phone = values.phone.trim();
    const email = values.email.trim();
    try {
      if (values.saveContact) {
        await docsApi.saveContact({
          phone: phone || null,
          email: email || null,
          address: contact?.address ?? null,
        });
      }
      const url = docsApi.reportUrl(inspectionId, kind, {
        ...(values.date ? { date: values.date.format('YYYY-MM-DD') } : {}),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      });
      const fallback = `${kind === 'tongbao' ? '整改情况通报' : '整改进展情况报告'}.docx`;
      const { blob, fileName } = await docsApi.report(url, fallback);
      saveBlob(blob, fileName);
      onClose(fileName);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={kind === 'tongbao' ? d.reportTongbao : d.reportProgress}
      onCancel={() => onClose()}
      okText={busy ? d.generating : d.generate}
      cancelText={t.common.cancel}
      okButtonProps={{ loading: busy, 'data-testid': 'report-generate' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {kind === 'tongbao' ? d.reportTongbaoHint : d.reportProgressHint}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<ReportForm>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), phone: '', email: '', saveContact: false }}
        onFinish={(v) => void generate(v)}
      >
        <Form.Item name="date" label={d.reportDate}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="report-date" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="phone" label={d.phone} rules={[{ max: 50 }]}>
            <Input style={{ width: 200 }} data-testid="report-phone" />
          </Form.Item>
          <Form.Item name="email" label={d.email} rules={[{ type: 'email' }, { max: 100 }]}>
            <Input style={{ width: 240 }} data-testid="report-email" />
          </Form.Item>
        </Space>
        {canManage && (
          <Form.Item name="saveContact" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{d.saveContact}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function TemplateDialog({ initialKind, onClose }: { initialKind: ReportKind; onClose: () => void }) {
  const { t, lang } = useI18n();
  const d = t.documents;
  const [kind, setKind] = useState<ReportKind>(initialKind);
  const [text, setText] = useState<string | null>(null);
  const [custom, setCustom] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, holder] = message.useMessage();

  useEffect(() => {
    let live = true;
    setText(null);
    setLoadError(null);
    setSaveError(null);
    docsApi
      .template(kind)
      .then((r) => {
        if (!live) return;
        setText(r.template);
        setCustom(r.custom);
      })
      .catch((e: unknown) => live && setLoadError(errorText(e, t, lang)));
    return () => {
      live = false;
    };
  }, [kind, t, lang]);

  // The server names the line it could not read ("模板第12行：…"): put the cursor on it.
  const selectLine = (error: unknown) => {
    const line = Number(/第\s*(\d+)\s*行/.exec(error instanceof Error ? error.message : '')?.[1]);
    const area = document.querySelector<HTMLTextAreaElement>('[data-testid=template-text]');
    if (!line || !area) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const save = async () => {
    if (text === null) return;
    setBusy(true);
    setSaveError(null);
    try {
      await docsApi.saveTemplate(kind, text);
      setCustom(true);
      void msg.success(d.templateSaved);
    } catch (e) {
      setSaveError(errorText(e, t, lang));
      selectLine(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={
        <Space>
          {d.templateTitle}
          {text !== null && (
            <Tag color={custom ? 'blue' : 'default'}>{custom ? d.templateCustom : d.templateDefault}</Tag>
          )}
        </Space>
      }
      onCancel={onClose}
      okText={t.common.save}
      cancelText={t.common.close}
      okButtonProps={{ loading: busy, disabled: text === null, 'data-testid': 'template-save' }}
      onOk={() => void save()}
      destroyOnHidden
    >
      {holder}
      <Segmented<ReportKind>
        value={kind}
        onChange={setKind}
        options={[
          { value: 'tongbao', label: d.kindTongbao },
          { value: 'progress', label: d.kindProgress },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {d.templateHint}
      </Typography.Paragraph>
      {loadError && (
        <Alert type="error" showIcon role="alert" title={loadError} style={{ marginBottom: 8 }} />
      )}
      {saveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={saveError}
          style={{ marginBottom: 8 }}
          data-testid="template-error"
        />
      )}
      <Input.TextArea
        aria-label={d.templateTitle}
        data-testid="template-text"
        value={text ?? ''}
        disabled={text === null}
        onChange={(e) => {
          setText(e.target.value);
          setSaveError(null);
        }}
        autoSize={{ minRows: 16, maxRows: 28 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
    </Modal>
  );
}

export function ReportButtons({ inspectionId }: { inspectionId: number }) {
  const { t } = useI18n();
  const d = t.documents;
  const canManage = hasRole(useMe(), 'office', 'admin');
  const [report, setReport] = useState<ReportKind | null>(null);
  const [template, setTemplate] = useState(false);
  const [msg, holder] = message.useMessage();
  return (
    <>
      {holder}
      <Button icon={<FileWordOutlined />} onClick={() => setReport('tongbao')} data-testid="report-tongbao">
        {d.reportTongbao}
      </Button>
      <Button icon={<FileWordOutlined />} onClick={() => setReport('progress')} data-testid="report-progress">
        {d.reportProgress}
      </Button>
      {canManage && (
        <Button icon={<EditOutlined />} onClick={() => setTemplate(true)} data-testid="report-template">
          {d.editTemplate}
        </Button>
      )}
      {report && (
        <ReportDialog
          inspectionId={inspectionId}
          kind={report}
          onClose={(downloaded) => {
            setReport(null);
            if (downloaded) void msg.success(d.downloaded(downloaded));
          }}
        />
      )}
      {template && <TemplateDialog initialKind={report ?? 'tongbao'} onClose={() => setTemplate(false)} />}
    </>
  );
}
