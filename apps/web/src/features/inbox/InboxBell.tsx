import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { useUnreadCount } from './unread.ts';

// The bell in the header with the unread count. Its dropdown is a chunk of its own, loaded on
// the first click, so every page's first load stays small.

const InboxDropdown = lazy(() => import('./InboxDropdown.tsx'));

export function InboxBell() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      destroyOnHidden
      content={
        <Suspense
          fallback={
            <div style={{ width: 200, padding: 24, textAlign: 'center' }}>
              <Spin />
            </div>
          }
        >
          <InboxDropdown onNavigate={() => setOpen(false)} />
        </Suspense>
      }
    >
      <Button
        type="text"
        aria-label={unread > 0 ? `${t.inbox.bell} · ${t.inbox.unread(unread)}` : t.inbox.bell}
        aria-haspopup="dialog"
        data-testid="inbox-bell"
        data-unread={unread}
        style={{ color: '#fff', paddingInline: 8 }}
      >
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]} data-testid="inbox-unread">
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
