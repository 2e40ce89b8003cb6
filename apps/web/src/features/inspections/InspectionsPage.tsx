import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Inspection } from '../../api/types.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, formatDate, useAsync } from '../../shared/ui.tsx';
import { InspectionEditor } from './InspectionEditor.tsx';

export default function InspectionsPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const list = useAsync(() => api.inspections(), []);
  const [creating, setCreating] = useState(false);
  const canCreate = hasRole(me, 'office', 'admin');

  return (
    <div>
      <PageTitle
        extra={
          canCreate && (
            <>
              <Link to="/documents/import">
                <Button icon={<FileTextOutlined />} data-testid="documents-import">
                  {t.documents.entry}
                </Button>
              </Link>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="inspection-create"
              >
                {t.inspections.create}
              </Button>
            </>
          )
        }
      >
        {t.inspections.title}
      </PageTitle>
      <ErrorAlert error={list.error} onRetry={() => void list.reload()} />
      <Card size="small">
        <Table<Inspection>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t.common.empty }}
          columns={[
            {
              title: t.inspections.name,
              dataIndex: 'name',
              render: (name: string, r) => (
                <Link to={`/inspections/${r.id}`} data-testid={`inspection-${r.id}`}>
                  {name}
                </Link>
              ),
            },
            {
              title: t.inspections.kind,
              dataIndex: 'kind',
              width: 100,
              render: (k: Inspection['kind']) => <Tag>{t.inspectionKind[k]}</Tag>,
            },
            {
              title: t.inspections.team,
              dataIndex: 'team',
              width: 160,
              render: (v: string | null) => v ?? '—',
            },
            { title: t.inspections.inspected, dataIndex: 'inspectedUnitName', width: 140 },
            { title: t.inspections.feedbackDate, dataIndex: 'feedbackDate', width: 120, render: formatDate },
            { title: t.inspections.reportDue, dataIndex: 'reportDue', width: 140, render: formatDate },
          ]}
        />
      </Card>
      {creating && (
        <InspectionEditor
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/inspections/${saved.id}`);
          }}
        />
      )}
    </div>
  );
}
