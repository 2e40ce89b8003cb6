import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../shared/ui.tsx';
import { inboxApi, type InboxItem } from './api.ts';
import { KindIcon, KindLabel } from './kinds.tsx';
import { announceInboxChanged } from './unread.ts';

// Messages as rows: unread ones bold with a dot. Clicking a row marks it read and opens its link.

const style = `
.zg-inbox-row { display: flex; gap: 12px; align-items: flex-start; padding: 10px 12px; cursor: pointer;
  border-bottom: 1px solid #f0f0f0; background: #fff; }
.zg-inbox-row:hover { background: #fff7f6; }
.zg-inbox-row:focus-visible { outline: 2px solid #c41d0f; outline-offset: -2px; }
.zg-inbox-row.unread { background: #fffaf9; }
.zg-inbox-row .zg-inbox-title { overflow-wrap: anywhere; }
.zg-inbox-row.unread .zg-inbox-title { font-weight: 600; }
.zg-inbox-row .zg-inbox-body { color: rgba(0,0,0,.55); font-size: 13px; overflow: hidden; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow-wrap: anywhere; }
`;

export function InboxList({
  items,
  onRead,
  compact = false,
  onOpened,
}: {
  items: InboxItem[];
  /** After items were marked read here (so the caller updates its list). */
  onRead: (ids: number[]) => void;
  compact?: boolean;
  /** After a row was opened (the dropdown closes itself here). */
  onOpened?: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();

  const markRead = async (item: InboxItem) => {
    if (item.readAt) return;
    await inboxApi.markRead([item.id]).catch(() => undefined);
    onRead([item.id]);
    announceInboxChanged();
  };
  const open = async (item: InboxItem) => {
    await markRead(item);
    if (item.link?.startsWith('/')) navigate(item.link);
    onOpened?.();
  };

  return (
    <div data-testid="inbox-list">
      <style>{style}</style>
      {items.map((item) => (
        <div
          key={item.id}
          role="button"
          tabIndex={0}
          className={item.readAt ? 'zg-inbox-row' : 'zg-inbox-row unread'}
          data-testid="inbox-item"
          data-kind={item.kind}
          data-unread={item.readAt ? undefined : 'true'}
          onClick={() => void open(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              void open(item);
            }
          }}
        >
          <KindIcon kind={item.kind} title={item.title} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
              <KindLabel kind={item.kind} title={item.title} />
              <span style={{ color: 'rgba(0,0,0,.45)', fontSize: 12 }}>{formatDateTime(item.createdAt)}</span>
              {!item.readAt && <Badge status="error" text={t.inbox.unreadTag} style={{ fontSize: 12 }} />}
            </div>
            <div className="zg-inbox-title">{item.title}</div>
            {!compact && item.body && <div className="zg-inbox-body">{item.body}</div>}
          </div>
          {!compact && !item.readAt && (
            <Button
              size="small"
              type="link"
              data-testid="inbox-mark-read"
              onClick={(e) => {
                e.stopPropagation();
                void markRead(item);
              }}
            >
              {t.inbox.markRead}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

/** The list after some items were read. */
export function withRead(items: InboxItem[], ids: number[] | 'all'): InboxItem[] {
  const now = new Date().toISOString();
  return items.map((i) => (i.readAt || (ids !== 'all' && !ids.includes(i.id)) ? i : { ...i, readAt: now }));
}
