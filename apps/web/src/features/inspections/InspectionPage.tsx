import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import {
  DeleteOutlined,
  DownOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { OutlineProblem } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { RecurringTag } from '../../shared/RecurringTag.tsx';
import { ErrorAlert, PageTitle, formatDate, useAsync } from '../../shared/ui.tsx';
import { ReportButtons } from '../documents/ReportButtons.tsx';
import { InspectionEditor } from './InspectionEditor.tsx';
import { MeasureEditor } from './MeasureEditor.tsx';
import { ProblemEditor } from './ProblemEditor.tsx';

// One inspection: its facts and its problems grouped by category, with counts and completion.

const PROBLEM_STATUS_COLOR: Record<string, string> = {
  not_started: 'default',
  in_progress: 'processing',
  pending_review: 'warning',
  closed: 'success',
};

export default function InspectionPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [msg, holder] = message.useMessage();
  const outline = useAsync(() => api.outline(id), [id]);
  const [editing, setEditing] = useState(false);
  const [addingProblem, setAddingProblem] = useState(false);
  const [addingCategory, setAddingCategory] = useState(false);
  const [measureFor, setMeasureFor] = useState<OutlineProblem | null>(null);

  if (outline.error && !outline.data) {
    return (
      <div>
        <PageTitle>{t.inspections.title}</PageTitle>
        <ErrorAlert error={outline.error} onRetry={() => void outline.reload()} />
      </div>
    );
  }
  const data = outline.data;
  if (!data) return <Card loading />;
  const i = data.inspection;
  const canEdit = (i.myRoles ?? []).some((r) => r === 'office' || r === 'admin');
  const problems = data.categories.flatMap((c) => c.problems);
  const measures = problems.reduce((n, p) => n + p.measures, 0);
  const closed = problems.reduce((n, p) => n + p.closed, 0);
  const xlsx = (query: string) => api.ledgerXlsxUrl(i.id, new URLSearchParams(query));

  const remove = async () => {
    try {
      await api.deleteInspection(i.id);
      void msg.success(t.inspections.deleted);
      navigate('/inspections');
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <div>
      {holder}
      <PageTitle
        extra={
          <>
            <Link to={`/ledger?inspectionId=${i.id}`}>
              <Button icon={<TableOutlined />}>{t.inspections.viewLedger}</Button>
            </Link>
            <Space.Compact>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                href={xlsx('')}
                data-testid="inspection-export"
              >
                {t.inspections.exportLedger}
              </Button>
              <Dropdown
                menu={{
                  items: [
                    {
                      key: 'open',
                      label: (
                        <a href={xlsx('status=not_started,in_progress,pending_review')}>
                          {t.inspections.exportOpenOnly}
                        </a>
                      ),
                    },
                    {
                      key: 'closed',
                      label: <a href={xlsx('status=closed')}>{t.inspections.exportClosedOnly}</a>,
                    },
                  ],
                }}
              >
                <Button type="primary" icon={<DownOutlined />} aria-label={t.inspections.exportLedger} />
              </Dropdown>
            </Space.Compact>
            <ReportButtons inspectionId={i.id} />
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspection-edit">
                {t.common.edit}
              </Button>
            )}
            {canEdit && (
              <Popconfirm
                title={t.inspections.deleteConfirm}
                onConfirm={remove}
                okText={t.common.confirm}
                cancelText={t.common.cancel}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t.common.delete}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      >
        <span data-testid="inspection-title">{i.name}</span>
      </PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.inspections.kind}>{t.inspectionKind[i.kind]}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.issuer}>{i.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.team}>{i.team ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.inspected}>{i.inspectedUnitName}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.period}>
            {formatDate(i.periodStart)} ~ {formatDate(i.periodEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t.inspections.feedbackDate}>
            {formatDate(i.feedbackDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t.inspections.planDue}>{formatDate(i.planDue)}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.reportDue}>{formatDate(i.reportDue)}</Descriptions.Item>
          <Descriptions.Item label={t.inspections.yellowDays}>
            {t.common.days(i.yellowDays)}
          </Descriptions.Item>
          {i.escalationDays !== undefined && (
            <Descriptions.Item label={t.notices.settings.pace}>
              <span data-testid="inspection-pace">
                {t.notices.settings.paceText(i.reminderDays ?? [], i.escalationDays, i.responseDays)}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary" data-testid="inspection-summary">
          {t.inspections.summary(data.categories.length, problems.length, measures, closed)}
        </Typography.Text>
      </Card>
      <PageTitle
        extra={
          canEdit && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAddingCategory(true)}
                data-testid="category-add"
              >
                {t.inspections.addCategory}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAddingProblem(true)}
                data-testid="problem-add"
              >
                {t.inspections.addProblem}
              </Button>
            </>
          )
        }
      >
        {t.inspections.problems}
      </PageTitle>
      {data.categories.length === 0 && <Empty description={t.common.empty} />}
      {data.categories.map((c) => {
        const cm = c.problems.reduce((n, p) => n + p.measures, 0);
        const cc = c.problems.reduce((n, p) => n + p.closed, 0);
        return (
          <Card
            key={c.id ?? 'none'}
            size="small"
            style={{ marginBottom: 16 }}
            title={c.title || t.inspections.noCategory}
            extra={
              <Space>
                <Typography.Text type="secondary">
                  {t.common.items(c.problems.length)} · {cc}/{cm}
                </Typography.Text>
                <Progress
                  percent={cm ? Math.round((cc / cm) * 100) : 0}
                  size="small"
                  style={{ width: 100, margin: 0 }}
                />
              </Space>
            }
          >
            <Table<OutlineProblem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.problems}
              scroll={{ x: 760 }}
              locale={{ emptyText: t.common.empty }}
              columns={[
                { title: t.inspections.problemNumber, dataIndex: 'number', width: 60 },
                {
                  title: t.inspections.problemTitle,
                  dataIndex: 'title',
                  render: (title: string, p) => (
                    <div>
                      <Link to={`/ledger?inspectionId=${i.id}&problemId=${p.id}`}>{title}</Link>
                      <RecurringTag recurring={p.recurring} />
                      {p.crossCheckAll && (
                        <Tag color="orange" style={{ marginInlineStart: 6 }}>
                          {t.inspections.crossCheckAll}
                        </Tag>
                      )}
                      {p.finding && (
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2 }}
                          style={{ margin: 0, fontSize: 12 }}
                        >
                          {p.finding}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                },
                {
                  title: t.inspections.leaderName,
                  dataIndex: 'leaderName',
                  width: 90,
                  render: (v: string | null) => v ?? '—',
                },
                { title: t.inspections.measures, dataIndex: 'measures', width: 70, align: 'right' },
                { title: t.inspections.closedCount, dataIndex: 'closed', width: 70, align: 'right' },
                {
                  title: t.inspections.problemStatus,
                  dataIndex: 'status',
                  width: 100,
                  render: (s: string) => (
                    <Tag color={PROBLEM_STATUS_COLOR[s] ?? 'default'}>{t.problemStatus[s] ?? s}</Tag>
                  ),
                },
                {
                  title: t.inspections.completion,
                  width: 120,
                  render: (_, p) => (
                    <Progress
                      percent={p.measures ? Math.round((p.closed / p.measures) * 100) : 0}
                      size="small"
                    />
                  ),
                },
                ...(canEdit
                  ? [
                      {
                        title: t.common.actions,
                        width: 110,
                        render: (_: unknown, p: OutlineProblem) => (
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => setMeasureFor(p)}
                            data-testid={`measure-add-${p.id}`}
                          >
                            {t.inspections.addMeasure}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      {editing && (
        <InspectionEditor
          inspection={i}
          onClose={(saved) => {
            setEditing(false);
            if (saved) void outline.reload();
          }}
        />
      )}
      {addingProblem && (
        <ProblemEditor
          outline={data}
          onClose={(saved) => {
            setAddingProblem(false);
            if (saved) void outline.reload();
          }}
        />
      )}
      {measureFor && (
        <MeasureEditor
          problemId={measureFor.id}
          defaultLeader={measureFor.leaderName}
          onClose={(saved) => {
            setMeasureFor(null);
            if (saved) void outline.reload();
          }}
        />
      )}
      <CategoryDialog
        open={addingCategory}
        onClose={async (title) => {
          if (title) {
            try {
              await api.createCategory(i.id, title);
              void outline.reload();
            } catch (e) {
              void msg.error(errorText(e, t, lang));
              return;
            }
          }
          setAddingCategory(false);
        }}
      />
    </div>
  );
}

function CategoryDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (title?: string) => Promise<void> | void;
}) {
  const t = useI18n().t;
  const [form] = Form.useForm<{ title: string }>();
  return (
    <Modal
      open={open}
      title={t.inspections.addCategory}
      onCancel={() => void onClose()}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      okButtonProps={{ 'data-testid': 'category-save' }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          await onClose(v.title.trim());
          form.resetFields();
        }}
      >
        <Form.Item
          name="title"
          label={t.inspections.categoryTitle}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input maxLength={300} data-testid="category-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
