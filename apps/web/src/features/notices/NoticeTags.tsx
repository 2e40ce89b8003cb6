import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { NoticeLevel, NoticeStatus } from './api.ts';
import './messages.ts';

// The marks of a 督办单: its level in a red that deepens with the level, its status, and a flag
// when the answer is overdue.

const LEVEL_COLORS: Record<NoticeLevel, string> = { 1: 'volcano', 2: 'red', 3: '#a8071a' };
const STATUS_COLORS: Record<NoticeStatus, string> = {
  open: 'warning',
  answered: 'processing',
  closed: 'success',
};

/** short: 一级; default: 一级督办; full: 一级督办（责任人）. */
export function LevelTag({
  level,
  full = false,
  short = false,
}: {
  level: NoticeLevel;
  full?: boolean;
  short?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Tag
      color={LEVEL_COLORS[level]}
      variant={level === 3 ? 'solid' : 'filled'}
      data-level={level}
      title={t.notices.levelFull[level]}
      style={{ marginInlineEnd: 0 }}
    >
      {full ? t.notices.levelFull[level] : short ? t.notices.levelShort[level] : t.notices.levels[level]}
    </Tag>
  );
}

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t.notices.statuses[status]}
    </Tag>
  );
}

export function LateTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" variant="outlined" data-testid="notice-late" style={{ marginInlineEnd: 0 }}>
      {t.notices.late}
    </Tag>
  );
}
