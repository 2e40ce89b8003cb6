import { Tabs } from 'antd';
import { hasRole, useMe } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PageTitle } from '../../shared/ui.tsx';
import { MessagesTable } from './MessagesTable.tsx';
import { PublicationsPanel } from './PublicationsPanel.tsx';
import './messages.ts';

// 群众反映: the messages list for everyone concerned; publishing 通报 for the office.

export default function PublicMessagesPage() {
  const { t } = useI18n();
  const me = useMe();
  const office = hasRole(me, 'admin', 'office');
  return (
    <>
      <PageTitle>{t.publicMessages.title}</PageTitle>
      {office ? (
        <Tabs
          items={[
            { key: 'messages', label: t.publicMessages.tabMessages, children: <MessagesTable office /> },
            { key: 'publications', label: t.publicMessages.tabPublications, children: <PublicationsPanel /> },
          ]}
        />
      ) : (
        <MessagesTable office={false} />
      )}
    </>
  );
}
