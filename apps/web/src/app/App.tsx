import { lazy, Suspense } from 'react';
import { ConfigProvider, Spin } from 'antd';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { SessionProvider } from './session.tsx';
import { Shell } from './Shell.tsx';
import { pages } from './routes.ts';

// Routes are split: each page is its own chunk, so the first page stays small.
const SignIn = lazy(() => import('../features/sign-in/SignIn.tsx'));
const NotFound = lazy(() => import('../shared/NotFound.tsx'));
// The public portal (/public) lives outside the session: no sign-in, no session check.
const PublicApp = lazy(() => import('../features/public-portal/PublicApp.tsx'));
const {
  DashboardPage,
  MyTasksPage,
  InspectionsPage,
  InspectionPage,
  LedgerPage,
  MeasurePage,
  TimelineBoardPage,
  AdminPage,
  DocumentImportPage,
  VerificationPage,
  DispatchPage,
  LookbackPage,
  AccountabilityPage,
  InboxPage,
  NoticesPage,
  NoticePage,
  PublicMessagesPage,
  PublicMessagePage,
} = pages;

export const PageLoading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

function Themed() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={{ token: { colorPrimary: '#c41d0f', borderRadius: 4 } }}>
      <BrowserRouter>
        <SessionProvider
          loading={<PageLoading />}
          signIn={(props) => (
            <Suspense fallback={<PageLoading />}>
              <SignIn {...props} />
            </Suspense>
          )}
        >
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<DashboardPage />} />
              <Route path="tasks" element={<MyTasksPage />} />
              <Route path="inspections" element={<InspectionsPage />} />
              <Route path="inspections/:id" element={<InspectionPage />} />
              <Route path="ledger" element={<LedgerPage />} />
              <Route path="measures/:id" element={<MeasurePage />} />
              <Route path="board" element={<TimelineBoardPage />} />
              <Route path="admin" element={<AdminPage />} />
              <Route path="documents/import" element={<DocumentImportPage />} />
              <Route path="verification" element={<VerificationPage />} />
              <Route path="dispatch" element={<DispatchPage />} />
              <Route path="lookback" element={<LookbackPage />} />
              <Route path="accountability" element={<AccountabilityPage />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="notices" element={<NoticesPage />} />
              <Route path="notices/:id" element={<NoticePage />} />
              <Route path="public-messages" element={<PublicMessagesPage />} />
              <Route path="public-messages/:id" element={<PublicMessagePage />} />
              <Route path="login" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      {/^\/public(\/|$)/.test(window.location.pathname) ? (
        <Suspense fallback={<PageLoading />}>
          <PublicApp />
        </Suspense>
      ) : (
        <Themed />
      )}
    </I18nProvider>
  );
}
