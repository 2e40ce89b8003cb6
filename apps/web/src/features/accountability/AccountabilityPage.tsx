import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Select, Table, Tag, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, PageTitle, formatDate, useAsync } from '../../shared/ui.tsx';
import { accountabilityApi, type AccountabilityAction } from './api.ts';
import { RecordDialog } from './RecordDialog.tsx';
import { peopleByType } from './totals.ts';
import './messages.ts';

// 问责: the actions of one inspection, their totals by type, recording and deleting them.

export default function AccountabilityPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const inspections = useAsync(() => api.inspections(), []);
  const inspectionId = Number(params.get('inspectionId')) || inspections.data?.[0]?.id || null;
  const actions = useAsync(
    () => (inspectionId ? accountabilityApi.list(inspectionId) : Promise.resolve([])),
    [inspectionId],
  );
  const outline = useAsync(
    () => (inspectionId ? api.outline(inspectionId) : Promise.resolve(null)),
    [inspectionId],
  );
  const problems = (outline.data?.categories ?? []).flatMap((c) => c.problems);
  const problemLabel = new Map(problems.map((p) => [p.id, `${p.number}. ${p.title}`]));
  const [recording, setRecording] = useState(false);
  const [msg, holder] = message.useMessage();
  const list = actions.data ?? [];
  const totals = peopleByType(list);
  const summary = totals.map((x) =>
    t.accountability.peopleOf(t.accountability.types[x.type] ?? x.type, x.people),
  );

  const remove = async (a: AccountabilityAction) => {
    try {
      await accountabilityApi.remove(a.id);
      void msg.success(t.accountability.deleted);
      void actions.reload();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <div data-testid="accountability-page">
      {holder}
      <PageTitle
        extra={
          <>
            <Select
              style={{ minWidth: 260 }}
              aria-label={t.accountability.inspection}
              placeholder={t.accountability.chooseInspection}
              value={inspectionId ?? undefined}
              onChange={(v: number) => setParams({ inspectionId: String(v) })}
              options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              data-testid="accountability-inspection"
            />
            {inspectionId && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRecording(true)}
                data-testid="accountability-new"
              >
                {t.accountability.record}
              </Button>
            )}
          </>
        }
      >
        {t.accountability.title}
      </PageTitle>
      <ErrorAlert error={inspections.error} onRetry={() => void inspections.reload()} />
      <ErrorAlert error={actions.error} onRetry={() => void actions.reload()} />
      <Card size="small" title={t.accountability.totals} style={{ marginBottom: 16 }}>
        {list.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.accountability.noActions} />
        ) : (
          <Typography.Text strong data-testid="accountability-totals">
            {t.accountability.totalsText(
              summary.join(lang === 'zh-CN' ? '、' : ', '),
              totals.reduce((n, x) => n + x.people, 0),
            )}
          </Typography.Text>
        )}
      </Card>
      <Table<AccountabilityAction>
        rowKey="id"
        size="small"
        loading={actions.loading}
        dataSource={list}
        pagination={list.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t.accountability.noActions }}
        columns={[
          { key: 'person', title: t.accountability.person, dataIndex: 'personName', width: 100 },
          { key: 'position', title: t.accountability.position, dataIndex: 'position', width: 140 },
          { key: 'unit', title: t.accountability.unit, dataIndex: 'unitName', width: 160 },
          {
            key: 'type',
            title: t.accountability.type,
            width: 130,
            render: (_, a) => (
              <Tag color="volcano">{t.accountability.types[a.actionType] ?? a.actionLabel}</Tag>
            ),
          },
          {
            key: 'date',
            title: t.accountability.date,
            width: 110,
            render: (_, a) => formatDate(a.actionDate),
          },
          {
            key: 'link',
            title: t.accountability.problem,
            width: 200,
            render: (_, a) => {
              const problem = a.problemId ? (problemLabel.get(a.problemId) ?? `#${a.problemId}`) : null;
              return (
                <>
                  {problem && (
                    <Link to={`/ledger?inspectionId=${a.inspectionId}&problemId=${a.problemId}`}>
                      {problem}
                    </Link>
                  )}
                  {a.measureId && (
                    <div>
                      <Link to={`/measures/${a.measureId}`}>{t.accountability.measure}</Link>
                    </div>
                  )}
                </>
              );
            },
          },
          { key: 'note', title: t.accountability.note, dataIndex: 'note' },
          {
            key: 'delete',
            width: 60,
            render: (_, a) => (
              <Popconfirm
                title={t.accountability.deleteConfirm(a.personName)}
                onConfirm={() => void remove(a)}
                okText={t.common.delete}
                cancelText={t.common.cancel}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t.common.delete} />
              </Popconfirm>
            ),
          },
        ]}
      />
      {recording && inspectionId && (
        <RecordDialog
          inspectionId={inspectionId}
          problems={problems}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            void msg.success(t.accountability.recorded);
            void actions.reload();
          }}
        />
      )}
    </div>
  );
}
