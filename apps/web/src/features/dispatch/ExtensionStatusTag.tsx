import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { ExtensionStatus } from './api.ts';
import './messages.ts';

const COLORS: Record<ExtensionStatus, string> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-extension-status={status}>
      {t.extension.statuses[status]}
    </Tag>
  );
}
