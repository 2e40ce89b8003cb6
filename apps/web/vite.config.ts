import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev: `npx vite` in apps/web proxies /api to a server on :3200. Build: apps/web/dist, served by
// the Fastify server with an SPA fallback.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3200' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
