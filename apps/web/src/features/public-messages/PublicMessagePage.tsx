import { Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, formatDate, formatDateTime, PageTitle, useAsync } from '../../shared/ui.tsx';
import { messagesApi } from './api.ts';
import { AnswerCard } from './AnswerCard.tsx';
import { STATUS_COLORS } from './MessagesTable.tsx';
import { AssignCard, DecisionButtons, LinkCard, NoteCard } from './OfficeActions.tsx';
import './messages.ts';

// One message: what the sender wrote, and the steps open to me (office or assigned unit).

export default function PublicMessagePage() {
  const { t } = useI18n();
  const m = t.publicMessages;
  const id = Number(useParams().id);
  const { data, error, loading, reload, setData } = useAsync(() => messagesApi.get(id), [id]);
  if (loading && !data) return <Spin />;
  const back = (
    <Link to="/public-messages">
      <Button>{m.backToList}</Button>
    </Link>
  );
  if (!data) return <ErrorAlert error={error} onRetry={reload} />;
  const open = ['new', 'assigned', 'answered'].includes(data.status);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle extra={back}>{m.detailTitle(data.id)}</PageTitle>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={m.status}>
            <Tag color={STATUS_COLORS[data.status]} data-testid="message-status">
              {m.statuses[data.status]}
            </Tag>
            {data.overdue && <Tag color="red">{m.overdueTag}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={m.category}>{data.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label={m.receivedAt}>{formatDateTime(data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={m.channel}>{data.channelLabel}</Descriptions.Item>
          <Descriptions.Item label={m.ownerUnit}>{data.ownerUnitName}</Descriptions.Item>
          <Descriptions.Item label={m.inspection}>{data.inspectionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.assignedUnit}>{data.assignedUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.dueDate}>{formatDate(data.dueDate)}</Descriptions.Item>
          {data.canTriage && <Descriptions.Item label={m.contact}>{data.contact ?? '—'}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="message-body">
          {data.body}
        </Typography.Paragraph>
        <Typography.Text strong>{m.files}：</Typography.Text>
        {data.files.length === 0
          ? m.noFiles
          : data.files.map((f) => (
              <a
                key={f.id}
                href={messagesApi.fileUrl(f.id)}
                target="_blank"
                rel="noreferrer"
                style={{ marginInlineEnd: 12 }}
              >
                {f.fileName}
              </a>
            ))}
        {data.answer && (
          <Card size="small" style={{ marginTop: 12 }} title={m.answered}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.answer}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {m.answerBy(data.answeredBy, formatDateTime(data.answeredAt))}
            </Typography.Text>
          </Card>
        )}
      </Card>
      <Card size="small" title={m.problems}>
        {data.canTriage ? (
          <LinkCard message={data} onChange={setData} />
        ) : data.problems.length === 0 ? (
          m.noProblems
        ) : (
          data.problems.map((p) => (
            <div key={p.problemId}>
              {p.inspectionName} · {p.number}. {p.title}
            </div>
          ))
        )}
      </Card>
      {data.canTriage && open && <NoteCard message={data} onChange={setData} />}
      {data.canTriage && open && <AssignCard message={data} onChange={setData} />}
      {data.canAnswer && (data.status === 'assigned' || data.status === 'answered') && (
        <AnswerCard message={data} onChange={setData} />
      )}
      {data.canTriage && <DecisionButtons message={data} onChange={setData} />}
    </Space>
  );
}
