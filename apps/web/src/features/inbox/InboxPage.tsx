import { useState } from 'react';
import { Button, Card, Empty, Segmented, message } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { inboxApi, type InboxItem } from './api.ts';
import { InboxList, withRead } from './InboxList.tsx';
import { announceInboxChanged } from './unread.ts';

// 消息: every message of the signed-in user, newest first, 50 at a time; unread ones stand out
// and can be read one by one or all at once.

const PAGE = 50;

export default function InboxPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [more, setMore] = useState<{ items: InboxItem[]; done: boolean }>({ items: [], done: false });
  const [loadingMore, setLoadingMore] = useState(false);
  const [msg, holder] = message.useMessage();
  const first = useAsync(async () => {
    const page = await inboxApi.list({ unread: unreadOnly || undefined, limit: PAGE });
    setMore({ items: [], done: page.items.length < PAGE });
    return page;
  }, [unreadOnly]);

  const items = [...(first.data?.items ?? []), ...more.items];
  const unread = first.data?.unread ?? 0;

  const read = (ids: number[] | 'all') => {
    first.setData(
      (d) =>
        d && {
          items: withRead(d.items, ids),
          unread: ids === 'all' ? 0 : Math.max(0, d.unread - ids.length),
        },
    );
    setMore((m) => ({ ...m, items: withRead(m.items, ids) }));
  };

  const readAll = async () => {
    try {
      const { changed } = await inboxApi.markRead();
      read('all');
      announceInboxChanged();
      void msg.success(t.inbox.markedAll(changed));
    } catch {
      void first.reload();
    }
  };

  const loadMore = async () => {
    const last = items[items.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const page = await inboxApi.list({ unread: unreadOnly || undefined, limit: PAGE, before: last.id });
      setMore((m) => ({ items: [...m.items, ...page.items], done: page.items.length < PAGE }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div data-testid="inbox-page">
      {holder}
      <PageTitle
        extra={
          <Button onClick={() => void readAll()} disabled={unread === 0} data-testid="inbox-read-all">
            {t.inbox.markAllRead}
          </Button>
        }
      >
        {t.inbox.title}
        {unread > 0 && (
          <span style={{ color: '#cf1322', fontSize: 14, marginInlineStart: 12 }}>
            {t.inbox.unread(unread)}
          </span>
        )}
      </PageTitle>
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <Segmented<'all' | 'unread'>
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t.inbox.all },
              { value: 'unread', label: t.inbox.unreadOnly },
            ]}
            data-testid="inbox-filter"
          />
        }
        loading={first.loading && !first.data}
      >
        <ErrorAlert error={first.error} onRetry={() => void first.reload()} />
        {items.length === 0 ? (
          <Empty
            style={{ padding: 24 }}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={unreadOnly ? t.inbox.emptyUnread : t.inbox.empty}
          />
        ) : (
          <InboxList items={items} onRead={read} />
        )}
        {!more.done && items.length > 0 && (
          <div style={{ padding: 12, textAlign: 'center' }}>
            <Button onClick={() => void loadMore()} loading={loadingMore}>
              {t.inbox.loadMore}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
