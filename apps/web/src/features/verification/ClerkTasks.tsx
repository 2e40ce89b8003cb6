import { useMemo, useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../shared/ui.tsx';
import { HitsTable } from './HitsTable.tsx';
import { verificationApi } from './api.ts';
import './messages.ts';

// 待我核实: the hits of the clerk's units, a page at a time from the server, each answered on its
// row. ID numbers are shown as the server delivers them (masked for clerks).

const NO_QUERY = {};

export function ClerkTasks({ canVerify }: { canVerify: boolean }) {
  const { t } = useI18n();
  const v = t.verification;
  const [refresh, setRefresh] = useState(0);
  // Rule titles come with the runs the clerk can see; without them the rule's id is shown.
  const runs = useAsync(() => verificationApi.runs().catch(() => []), []);
  const titles = useMemo(
    () => new Map((runs.data ?? []).flatMap((r) => r.rules.map((rule) => [rule.id, rule.title] as const))),
    [runs.data],
  );

  return (
    <Card
      size="small"
      title={v.clerkTitle}
      data-testid="clerk-tasks"
      extra={
        <Button size="small" onClick={() => setRefresh((n) => n + 1)}>
          {t.common.refresh}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{v.clerkHint}</Typography.Paragraph>
      <HitsTable query={NO_QUERY} canVerify={canVerify} ruleTitles={titles} refreshKey={refresh} />
    </Card>
  );
}
