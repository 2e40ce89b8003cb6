import { Tag } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** 反复: the problem came back when a 回头看 re-checked it. Shown wherever problems are listed. */
export function RecurringTag({ recurring }: { recurring: boolean | undefined }) {
  const { t } = useI18n();
  if (!recurring) return null;
  return (
    <Tag
      color="red"
      style={{ marginInlineStart: 6 }}
      title={t.lookback.recurringHint}
      data-testid="recurring-tag"
    >
      {t.lookback.recurring}
    </Tag>
  );
}
