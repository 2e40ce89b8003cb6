import type { ReactNode } from 'react';
import {
  AlertOutlined,
  BellOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  HistoryOutlined,
  MessageOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';

// How each kind of message looks: an icon and a colour. 督办 is red, darker the higher the level
// (read from the title the server writes, "二级督办…"); reminders orange; answers green.

const LEVEL_RED = ['#fa541c', '#cf1322', '#820014'] as const;
const LEVEL_PREFIX = ['一级', '二级', '三级'];

function noticeRed(title: string): string {
  const level = LEVEL_PREFIX.findIndex((p) => title.startsWith(p));
  return LEVEL_RED[level < 0 ? 1 : level]!;
}

const KINDS: Record<string, { icon: ReactNode; color: (title: string) => string }> = {
  reminder: { icon: <ClockCircleOutlined />, color: () => '#fa8c16' },
  notice: { icon: <AlertOutlined />, color: noticeRed },
  notice_escalated: { icon: <RiseOutlined />, color: noticeRed },
  notice_answered: { icon: <CheckCircleOutlined />, color: () => '#389e0d' },
  extension: { icon: <FieldTimeOutlined />, color: () => '#1677ff' },
  lookback: { icon: <HistoryOutlined />, color: () => '#722ed1' },
  public_message: { icon: <MessageOutlined />, color: () => '#08979c' },
};
const OTHER = { icon: <BellOutlined />, color: () => '#8c8c8c' };

/** The kind's icon in a tinted circle. */
export function KindIcon({ kind, title }: { kind: string; title: string }) {
  const { t } = useI18n();
  const meta = KINDS[kind] ?? OTHER;
  const color = meta.color(title);
  return (
    <span
      role="img"
      aria-label={t.inbox.kinds[kind] ?? t.inbox.otherKind}
      style={{
        flex: 'none',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 32,
        height: 32,
        borderRadius: 16,
        color,
        background: `${color}1a`,
        fontSize: 16,
      }}
    >
      {meta.icon}
    </span>
  );
}

/** The kind's name in its colour. */
export function KindLabel({ kind, title }: { kind: string; title: string }) {
  const { t } = useI18n();
  const color = (KINDS[kind] ?? OTHER).color(title);
  return (
    <span style={{ color, fontSize: 12, fontWeight: 600, whiteSpace: 'nowrap' }} data-kind={kind}>
      {t.inbox.kinds[kind] ?? t.inbox.otherKind}
    </span>
  );
}
