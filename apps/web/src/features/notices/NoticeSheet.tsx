import { Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../shared/ui.tsx';
import type { Notice } from './api.ts';
import { LateTag, LevelTag, NoticeStatusTag } from './NoticeTags.tsx';
import './messages.ts';

// One 督办单 laid out like the printed form: red title and rule, a bordered table of facts, then
// the unit's answer and the office's closing note. Printing shows only the sheet.

const style = `
.zg-sheet { max-width: 880px; margin: 0 auto; background: #fff; border: 1px solid #e8e8e8;
  padding: 32px clamp(16px, 4vw, 48px) 40px; box-shadow: 0 1px 4px rgba(0,0,0,.06); }
.zg-sheet h2 { text-align: center; color: #c41d0f; font-size: 30px; letter-spacing: .5em; margin: 0 0 4px;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-weight: 700; text-indent: .5em; }
html[lang='en'] .zg-sheet h2 { letter-spacing: .05em; text-indent: 0; }
.zg-sheet .zg-sheet-no { text-align: center; color: rgba(0,0,0,.65); margin-bottom: 10px; }
.zg-sheet .zg-sheet-rule { border-top: 2px solid #c41d0f; border-bottom: 1px solid #c41d0f; height: 4px; margin-bottom: 20px; }
.zg-sheet h3 { font-size: 16px; margin: 24px 0 8px; padding-inline-start: 8px; border-inline-start: 3px solid #c41d0f; }
.zg-sheet .zg-sheet-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
@media print {
  .ant-layout-header, .ant-layout-sider, .ant-layout-footer, .zg-nav, .zg-no-print { display: none !important; }
  .zg-sheet { border: none; box-shadow: none; padding: 0; }
}
`;

export function NoticeSheet({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  const n = t.notices;
  const issuer = notice.issuedByName ?? n.origins[notice.origin];
  return (
    <article className="zg-sheet" data-testid="notice-sheet" data-status={notice.status}>
      <style>{style}</style>
      <h2>{n.sheetTitle}</h2>
      <div className="zg-sheet-no" data-testid="notice-number">
        {n.number(notice.id)}
      </div>
      <div className="zg-sheet-rule" />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap', width: 104 } }}
      >
        <Descriptions.Item label={n.inspection} span={2}>
          <Link to={`/inspections/${notice.inspectionId}`}>{notice.inspectionName}</Link>
        </Descriptions.Item>
        {notice.problemTitle && (
          <Descriptions.Item label={n.problem} span={2}>
            {notice.problemTitle}
          </Descriptions.Item>
        )}
        {notice.measureId && (
          <Descriptions.Item label={n.measure} span={2}>
            <Link to={`/measures/${notice.measureId}`} data-testid="notice-measure-link">
              {notice.measureText}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={n.unit}>
          <span data-testid="notice-unit">{notice.unitName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={n.dueDate}>{formatDate(notice.dueDate)}</Descriptions.Item>
        <Descriptions.Item label={n.level}>
          <LevelTag level={notice.level} full />
        </Descriptions.Item>
        <Descriptions.Item label={n.channel}>{n.channels[notice.channel]}</Descriptions.Item>
        <Descriptions.Item label={n.reason} span={2}>
          <p className="zg-sheet-text" data-testid="notice-reason">
            {notice.reason}
          </p>
        </Descriptions.Item>
        <Descriptions.Item label={n.issuedOn}>
          {formatDate(notice.issuedOn)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {issuer}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={n.responseDue}>
          <Space size={6} wrap>
            <span data-testid="notice-response-due">{formatDate(notice.responseDue)}</span>
            {notice.late && <LateTag />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={n.recipients}>
          {notice.recipients.map((r) => r.displayName).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={n.col.status}>
          <span data-testid="notice-status">
            <NoticeStatusTag status={notice.status} />
          </span>
        </Descriptions.Item>
      </Descriptions>

      <h3>{n.answer}</h3>
      {notice.response ? (
        <div data-testid="notice-answer">
          <p className="zg-sheet-text">{notice.response}</p>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {n.byAt(notice.respondedByName ?? '—', formatDateTime(notice.respondedAt))}
          </Typography.Text>
        </div>
      ) : (
        <Typography.Text type="secondary">{n.noAnswer}</Typography.Text>
      )}

      {notice.status === 'closed' && (
        <>
          <h3>{n.closing}</h3>
          <div data-testid="notice-closing">
            <p className="zg-sheet-text">{notice.closeNote ?? n.closedNoNote}</p>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {n.byAt(notice.closedByName ?? '—', formatDateTime(notice.closedAt))}
            </Typography.Text>
          </div>
        </>
      )}
    </article>
  );
}
