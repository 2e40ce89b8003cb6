import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preloadRoute } from './app/routes.ts';
import { prefetchLedger } from './features/ledger/prefetch.ts';

preloadRoute(window.location.pathname);
if (window.location.pathname === '/ledger') prefetchLedger(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
