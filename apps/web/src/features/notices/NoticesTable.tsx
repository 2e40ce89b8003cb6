import type { ReactNode } from 'react';
import { Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../shared/ui.tsx';
import type { Notice } from './api.ts';
import { LateTag, LevelTag, NoticeStatusTag } from './NoticeTags.tsx';
import './messages.ts';

// 督办单 as a table: open ones first (the server's order), a row opens the notice. Level and
// status come first, so on a tablet they are visible without scrolling sideways.

const Nowrap = ({ children }: { children: ReactNode }) => (
  <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
);

export function NoticesTable({
  notices,
  loading,
  showMeasure = true,
  pageSize = 20,
}: {
  notices: Notice[];
  loading: boolean;
  showMeasure?: boolean;
  pageSize?: number;
}) {
  const { t } = useI18n();
  const n = t.notices;
  const navigate = useNavigate();
  return (
    <Table<Notice>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={notices}
      locale={{ emptyText: n.none }}
      pagination={notices.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      scroll={{ x: showMeasure ? 900 : 520 }}
      onRow={(notice) => ({
        onClick: () => navigate(`/notices/${notice.id}`),
        style: { cursor: 'pointer' },
        'data-testid': 'notice-row',
        'data-notice-id': notice.id,
        'data-level': notice.level,
        'data-status': notice.status,
      })}
      columns={[
        {
          title: n.col.number,
          width: 64,
          render: (_, x) => (
            <Link to={`/notices/${x.id}`} onClick={(e) => e.stopPropagation()}>
              #{x.id}
            </Link>
          ),
        },
        { title: n.col.level, width: 76, render: (_, x) => <LevelTag level={x.level} short /> },
        {
          title: n.col.status,
          width: 124,
          render: (_, x) => (
            <Space size={4} wrap>
              <NoticeStatusTag status={x.status} />
              {x.late && <LateTag />}
            </Space>
          ),
        },
        showMeasure
          ? {
              title: n.col.measure,
              render: (_, x) => (
                <div style={{ minWidth: 200 }}>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {x.measureText ?? '—'}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {x.inspectionName}
                  </Typography.Text>
                </div>
              ),
            }
          : {
              title: n.col.reason,
              render: (_, x) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, minWidth: 140 }}>
                  {x.reason}
                </Typography.Paragraph>
              ),
            },
        ...(showMeasure ? [{ title: n.col.unit, dataIndex: 'unitName', width: 130 }] : []),
        {
          title: n.col.responseDue,
          width: 108,
          render: (_, x) => <Nowrap>{formatDate(x.responseDue)}</Nowrap>,
        },
        ...(showMeasure
          ? [
              {
                title: n.col.issuedOn,
                width: 108,
                render: (_: unknown, x: Notice) => <Nowrap>{formatDate(x.issuedOn)}</Nowrap>,
              },
              {
                title: <Nowrap>{n.col.channel}</Nowrap>,
                width: 88,
                render: (_: unknown, x: Notice) => n.channelShort[x.channel],
              },
            ]
          : []),
      ]}
    />
  );
}
