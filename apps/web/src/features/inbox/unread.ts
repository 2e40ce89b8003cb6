import { useEffect, useState } from 'react';
import { inboxApi } from './api.ts';

// The unread count in the header: asked for at start, every minute, when the tab comes back into
// view, and whenever a page says the inbox changed (a message read, a notice answered…).

const CHANGED = 'zg:inbox-changed';
const POLL_MS = 60_000;

/** Tells the bell to ask again. */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const ask = () => {
      if (document.visibilityState === 'hidden') return;
      inboxApi
        .unreadCount()
        .then((r) => alive && setUnread(r.unread))
        .catch(() => undefined); // a failed poll keeps the last count; the next one tries again
    };
    ask();
    const timer = window.setInterval(ask, POLL_MS);
    window.addEventListener(CHANGED, ask);
    document.addEventListener('visibilitychange', ask);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, ask);
      document.removeEventListener('visibilitychange', ask);
    };
  }, []);
  return unread;
}
