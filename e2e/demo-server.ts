import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, startDemoServer, type RunningServer } from './browser.ts';

interface Demo {
  browser: Browser;
  server: RunningServer;
}

/**
 * For the test file that calls it: a real Chromium and a server on a fresh demo county (青禾县),
 * started before the file's tests and stopped after them.
 */
export function useDemoServer(): Demo {
  const live: Partial<Demo> = {};
  beforeAll(async () => {
    live.browser = await launchBrowser();
    ensureWebBuilt();
    live.server = await startDemoServer();
  }, 240_000);
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return {
    get browser() {
      return live.browser!;
    },
    get server() {
      return live.server!;
    },
  };
}
