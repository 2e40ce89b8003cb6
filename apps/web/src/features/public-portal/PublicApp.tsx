import { ConfigProvider } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import PublicPortal from './PublicPortal.tsx';

// The root of the public portal: its own router under /public, the same colours as the app,
// and no session at all. Links to the signed-in app are full page loads.

export default function PublicApp() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={{ token: { colorPrimary: '#c41d0f', borderRadius: 4 } }}>
      <BrowserRouter>
        <Routes>
          <Route path="public/*" element={<PublicPortal />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
