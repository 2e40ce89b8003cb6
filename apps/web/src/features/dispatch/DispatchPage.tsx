import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, PageTitle, useAsync } from '../../shared/ui.tsx';
import { ExtensionQueue } from './ExtensionQueue.tsx';
import { SnapshotsPanel } from './SnapshotsPanel.tsx';
import './messages.ts';

// 调度: the office takes dispatch snapshots of an inspection and compares them; the second tab is
// the queue of extension requests (延期审批).

export default function DispatchPage() {
  const { t } = useI18n();
  const me = useMe();
  const office = hasRole(me, 'office', 'admin');
  const inspections = useAsync(() => api.inspections(), []);
  // The chosen inspection lives in the address (?inspection=ID), so a dispatch can be linked to.
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('inspection')) || null;
  const setChosen = (id: number) => setParams({ inspection: String(id) }, { replace: true });
  const inspectionId = chosen ?? inspections.data?.[0]?.id ?? null;
  const picker = (
    <Select
      style={{ width: 320 }}
      placeholder={t.dispatch.chooseInspection}
      value={inspectionId ?? undefined}
      onChange={(v: number) => setChosen(v)}
      loading={inspections.loading}
      options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t.dispatch.inspection}
      data-testid="dispatch-inspection"
    />
  );
  return (
    <div data-testid="dispatch-page">
      <PageTitle extra={picker}>{t.dispatch.title}</PageTitle>
      <ErrorAlert error={inspections.error} onRetry={() => void inspections.reload()} />
      <Tabs
        items={[
          {
            key: 'snapshots',
            label: t.dispatch.tabSnapshots,
            children: inspectionId ? (
              <SnapshotsPanel key={inspectionId} inspectionId={inspectionId} canTake={office} />
            ) : null,
          },
          {
            key: 'extensions',
            label: <span data-testid="tab-extensions">{t.dispatch.tabExtensions}</span>,
            children: <ExtensionQueue />,
          },
        ]}
      />
    </div>
  );
}
