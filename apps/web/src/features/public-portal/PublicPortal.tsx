import { Grid, Layout } from 'antd';
import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { FeedbackPage } from './FeedbackPage.tsx';
import { PublicationReader } from './PublicationReader.tsx';
import { PublicationsList } from './PublicationsList.tsx';
import { TrackPage } from './TrackPage.tsx';
import './messages.ts';

// The public portal (/public): no sign-in, no session check, nothing internal. Narrow screens
// (375 px) get the same pages in one column.

const style = `
.zg-public-nav { display: flex; gap: 4px; overflow-x: auto; background: #fff; border-bottom: 1px solid #f0f0f0; padding: 0 8px; }
.zg-public-nav a { padding: 10px 12px; color: rgba(0,0,0,.85); border-bottom: 3px solid transparent; white-space: nowrap; }
.zg-public-nav a.active { color: #c41d0f; border-bottom-color: #c41d0f; font-weight: 600; }
.zg-public-main { max-width: 860px; margin: 0 auto; padding: 16px 12px 32px; width: 100%; }
.zg-public-text p { text-indent: 2em; line-height: 1.9; margin: 0 0 8px; font-size: 16px; }
`;

export default function PublicPortal() {
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Layout style={{ minHeight: '100vh', background: '#fafafa' }}>
      <style>{style}</style>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          background: '#a8071a',
          paddingInline: wide ? 24 : 12,
        }}
      >
        <Link
          to="/public"
          style={{ color: '#fff', fontSize: wide ? 18 : 16, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {wide ? t.publicPortal.title : t.publicPortal.short}
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch dark />
        <a href="/" style={{ color: '#fff', whiteSpace: 'nowrap', fontSize: 13 }} data-testid="public-staff">
          {t.publicPortal.staffSignIn}
        </a>
      </Layout.Header>
      <nav className="zg-public-nav" aria-label={t.publicPortal.title}>
        <NavLink to="/public" end>
          {t.publicPortal.navPublications}
        </NavLink>
        <NavLink to="/public/feedback" data-testid="public-nav-feedback">
          {t.publicPortal.navFeedback}
        </NavLink>
        <NavLink to="/public/track" data-testid="public-nav-track">
          {t.publicPortal.navTrack}
        </NavLink>
      </nav>
      <main className="zg-public-main">
        <Routes>
          <Route index element={<PublicationsList />} />
          <Route path="publications/:id" element={<PublicationReader />} />
          <Route path="feedback" element={<FeedbackPage />} />
          <Route path="track" element={<TrackPage />} />
          <Route path="*" element={<PublicationsList />} />
        </Routes>
      </main>
    </Layout>
  );
}
