import { lazy } from 'react';

// Each page is its own chunk. The page of the address being opened starts downloading at boot,
// in parallel with the session check, instead of after it.

const loaders = {
  dashboard: () => import('../features/dashboard/DashboardPage.tsx'),
  tasks: () => import('../features/my-tasks/MyTasksPage.tsx'),
  inspections: () => import('../features/inspections/InspectionsPage.tsx'),
  inspection: () => import('../features/inspections/InspectionPage.tsx'),
  ledger: () => import('../features/ledger/LedgerPage.tsx'),
  measure: () => import('../features/measure/MeasurePage.tsx'),
  board: () => import('../features/timeline-board/TimelineBoardPage.tsx'),
  admin: () => import('../features/admin/AdminPage.tsx'),
  documents: () => import('../features/documents/DocumentImportPage.tsx'),
  verification: () => import('../features/verification/VerificationPage.tsx'),
  dispatch: () => import('../features/dispatch/DispatchPage.tsx'),
  lookback: () => import('../features/lookback/LookbackPage.tsx'),
  accountability: () => import('../features/accountability/AccountabilityPage.tsx'),
  inbox: () => import('../features/inbox/InboxPage.tsx'),
  notices: () => import('../features/notices/NoticesPage.tsx'),
  notice: () => import('../features/notices/NoticePage.tsx'),
  'public-messages': () => import('../features/public-messages/PublicMessagesPage.tsx'),
  'public-message': () => import('../features/public-messages/PublicMessagePage.tsx'),
};

export const pages = {
  DashboardPage: lazy(loaders.dashboard),
  MyTasksPage: lazy(loaders.tasks),
  InspectionsPage: lazy(loaders.inspections),
  InspectionPage: lazy(loaders.inspection),
  LedgerPage: lazy(loaders.ledger),
  MeasurePage: lazy(loaders.measure),
  TimelineBoardPage: lazy(loaders.board),
  AdminPage: lazy(loaders.admin),
  DocumentImportPage: lazy(loaders.documents),
  VerificationPage: lazy(loaders.verification),
  DispatchPage: lazy(loaders.dispatch),
  LookbackPage: lazy(loaders.lookback),
  AccountabilityPage: lazy(loaders.accountability),
  InboxPage: lazy(loaders.inbox),
  NoticesPage: lazy(loaders.notices),
  NoticePage: lazy(loaders.notice),
  PublicMessagesPage: lazy(loaders['public-messages']),
  PublicMessagePage: lazy(loaders['public-message']),
};

export function preloadRoute(pathname: string): void {
  const first = pathname.split('/')[1] ?? '';
  const loader =
    // Not the home page: that is also where people sign in, and its charts are heavy.
    first === ''
      ? undefined
      : first === 'inspections'
        ? pathname.split('/')[2]
          ? loaders.inspection
          : loaders.inspections
        : first === 'measures'
          ? loaders.measure
          : first === 'notices' && pathname.split('/')[2]
            ? loaders.notice
            : (loaders as Record<string, (() => Promise<unknown>) | undefined>)[first];
  void loader?.().catch(() => undefined);
}
