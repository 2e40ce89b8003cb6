import { Button, Empty, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, useAsync } from '../../shared/ui.tsx';
import { inboxApi } from './api.ts';
import { InboxList, withRead } from './InboxList.tsx';
import { announceInboxChanged } from './unread.ts';

// What the bell opens: the latest messages, "mark all read" and a way to the whole inbox.
// Loaded only when the bell is first clicked.

export default function InboxDropdown({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const latest = useAsync(() => inboxApi.list({ limit: 8 }), []);
  const items = latest.data?.items ?? [];
  const unread = latest.data?.unread ?? 0;

  const readAll = async () => {
    await inboxApi.markRead().catch(() => undefined);
    latest.setData((d) => d && { items: withRead(d.items, 'all'), unread: 0 });
    announceInboxChanged();
  };

  return (
    <div style={{ width: 'min(380px, calc(100vw - 32px))' }} data-testid="inbox-dropdown">
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '4px 4px 8px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <strong>
          {t.inbox.title}
          {unread > 0 && (
            <span style={{ color: '#cf1322', marginInlineStart: 8 }}>{t.inbox.unread(unread)}</span>
          )}
        </strong>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => void readAll()}>
          {t.inbox.markAllRead}
        </Button>
      </div>
      <ErrorAlert error={latest.error} onRetry={() => void latest.reload()} />
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {latest.loading && !latest.data ? (
          <div style={{ padding: 24, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.inbox.empty} />
        ) : (
          <InboxList
            compact
            items={items}
            onOpened={onNavigate}
            onRead={(ids) =>
              latest.setData(
                (d) =>
                  d && {
                    items: withRead(d.items, ids),
                    unread: Math.max(0, d.unread - ids.length),
                  },
              )
            }
          />
        )}
      </div>
      <div style={{ textAlign: 'center', paddingTop: 8 }}>
        <Link to="/inbox" onClick={onNavigate} data-testid="inbox-view-all">
          {t.inbox.viewAll}
        </Link>
      </div>
    </div>
  );
}
