import { Suspense } from 'react';
import { Button, Grid, Layout, Popover, Spin, Tag } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  AppstoreOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FundProjectionScreenOutlined,
  HistoryOutlined,
  LogoutOutlined,
  MessageOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { InboxBell } from '../features/inbox/InboxBell.tsx';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { hasRole, useSession } from './session.tsx';

// The frame of every page: a header with who I am, my unit and my roles, and the navigation.
// Plain links (not antd Menu) keep the first page's JavaScript small; on a tablet the side
// navigation becomes a bar under the header.

const navStyle = `
.zg-nav a { display: flex; align-items: center; gap: 10px; padding: 10px 20px; color: rgba(0,0,0,.85);
  border-inline-end: 3px solid transparent; white-space: nowrap; }
.zg-nav a:hover { background: #fff1f0; }
.zg-nav a.active { background: #fff1f0; color: #c41d0f; border-inline-end-color: #c41d0f; font-weight: 600; }
.zg-nav a:focus-visible { outline: 2px solid #c41d0f; outline-offset: -2px; }
.zg-nav.bar { display: flex; overflow-x: auto; background: #fff; border-bottom: 1px solid #f0f0f0; }
.zg-nav.bar a { padding: 10px 14px; border-inline-end: none; border-bottom: 3px solid transparent; }
.zg-nav.bar a.active { border-bottom-color: #c41d0f; }
`;

export function Shell() {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;

  const items = [
    { to: '/', icon: <DashboardOutlined />, label: t.nav.dashboard, end: true },
    { to: '/tasks', icon: <ProfileOutlined />, label: t.nav.myTasks },
    { to: '/inspections', icon: <AppstoreOutlined />, label: t.nav.inspections },
    { to: '/ledger', icon: <TableOutlined />, label: t.nav.ledger },
    { to: '/board', icon: <FieldTimeOutlined />, label: t.nav.board },
    { to: '/verification', icon: <AuditOutlined />, label: t.verification.nav },
    { to: '/dispatch', icon: <FundProjectionScreenOutlined />, label: t.dispatch.nav },
    { to: '/lookback', icon: <HistoryOutlined />, label: t.lookback.nav },
    // 问责 names people: only the inspection office and discipline inspection see it.
    ...(hasRole(me, 'office', 'discipline')
      ? [{ to: '/accountability', icon: <SafetyCertificateOutlined />, label: t.accountability.nav }]
      : []),
    { to: '/notices', icon: <AlertOutlined />, label: t.notices.nav },
    { to: '/public-messages', icon: <MessageOutlined />, label: t.publicMessages.nav },
    ...(hasRole(me, 'admin') ? [{ to: '/admin', icon: <SettingOutlined />, label: t.nav.admin }] : []),
  ];
  const nav = (
    <nav aria-label={t.nav.menu} className={wide ? 'zg-nav' : 'zg-nav bar'}>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} data-testid={`nav-${item.to.slice(1) || 'home'}`}>
          {item.icon}
          <span>{item.label}</span>
        </NavLink>
      ))}
    </nav>
  );
  const who = (
    <div style={{ maxWidth: 340 }} data-testid="me-card">
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{me.displayName}</div>
      <div style={{ marginBottom: 6 }}>
        {t.session.unit}：{me.unitName}
      </div>
      <div style={{ marginBottom: 10 }}>
        {t.session.roles}：
        {me.grants.map((g) => (
          <Tag key={`${g.role}-${g.unitId}`} color="volcano" style={{ marginBottom: 4 }}>
            {t.roles[g.role]} · {g.unitName}
          </Tag>
        ))}
      </div>
      <Button block icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
        {t.session.signOut}
      </Button>
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <style>{navStyle}</style>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          background: '#a8071a',
          paddingInline: wide ? 24 : 12,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link
          to="/"
          style={{ color: '#fff', fontSize: wide ? 18 : 16, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {wide ? t.app.fullName : t.app.name}
        </Link>
        <div style={{ flex: 1 }} />
        <InboxBell />
        <LanguageSwitch dark />
        <Popover content={who} trigger="click" placement="bottomRight">
          <Button type="text" style={{ color: '#fff' }} data-testid="me-menu" aria-haspopup="dialog">
            <UserOutlined />
            <span data-testid="me-name">{me.displayName}</span>
            <span style={{ opacity: 0.85 }}>{me.unitName}</span>
            {wide &&
              me.grants.slice(0, 2).map((g) => (
                <Tag key={`${g.role}-${g.unitId}`} color="gold" style={{ marginInlineEnd: 0 }}>
                  {t.roles[g.role]}
                </Tag>
              ))}
          </Button>
        </Popover>
      </Layout.Header>
      {!wide && nav}
      <Layout>
        {wide && (
          <Layout.Sider
            width={200}
            theme="light"
            style={{ borderInlineEnd: '1px solid #f0f0f0', paddingTop: 8 }}
          >
            {nav}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', padding: 12, color: 'rgba(0,0,0,.45)' }}>
        {t.app.county}
      </Layout.Footer>
    </Layout>
  );
}
