// Shared by the browser journeys and the ledger benchmark: a real server in-process, a real
// Debian Chromium, the built web UI. Nothing here installs anything.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const SCREENSHOTS = join(ROOT, '.artifacts', 'screenshots');
export const PASSWORD = 'journey-pass-2024';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds apps/web/dist when it is missing or older than the sources (or when forced). Test
 * files run in parallel workers: a lock keeps two builds from emptying the same folder at once.
 */
export function ensureWebBuilt(force = false): void {
  const web = join(ROOT, 'apps', 'web');
  const built = join(web, 'dist', 'index.html');
  const fresh = () =>
    existsSync(built) &&
    Math.max(newest(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs) <= statSync(built).mtimeMs;
  if (!force && fresh()) return;
  const lock = join(tmpdir(), 'zhenggai-web-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than five minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      sleepSync(500);
    }
  }
  try {
    if (!force && fresh()) return;
    // vitest sets NODE_ENV=test; Vite would then bundle React's development build.
    const result = spawnSync('npm', ['run', 'build', '-w', '@zhenggai/web'], {
      cwd: ROOT,
      stdio: 'pipe',
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0)
      throw new Error(`网页构建失败 (npm run build -w @zhenggai/web):\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium：${CHROMIUM}。浏览器测试需要 Debian 的 chromium 和中文字体：` +
        'apt-get install -y chromium fonts-noto-cjk (CI 在 .ci/run 中安装；测试本身不安装任何东西)。',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

type Started = Awaited<ReturnType<(typeof import('@zhenggai/server'))['startServer']>>;

export interface RunningServer {
  url: string;
  /** The server's database handle, for seeding big data sets through the lead's use-cases. */
  db: Started['database']['db'];
  stop: () => Promise<void>;
}

/** A real server with the demo county, on a free port, with its own fresh data folder. */
export async function startDemoServer(): Promise<RunningServer> {
  process.env.ZHENGGAI_ADMIN_PASSWORD = PASSWORD;
  process.env.LOG_LEVEL = 'silent';
  const { startServer } = await import('@zhenggai/server');
  const dataDir = mkdtempSync(join(tmpdir(), 'zhenggai-e2e-'));
  const server = await startServer(
    { port: 0, host: '127.0.0.1', dataDir, demo: true, maxEvidenceMb: 20 },
    () => undefined,
  );
  const address = server.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    db: server.database.db,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newSession(
  browser: Browser,
  baseURL: string,
  width = 1366,
  height = 900,
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Signs in through the page, as a person would. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.locator('#signin-username').fill(username);
  await page.locator('#signin-password').fill(password);
  await page.locator('[data-testid=signin-submit]').click();
  await page.locator('[data-testid=me-name]').waitFor();
}

/**
 * Picks an option by its text in an antd select or tree select (typing it first where the select
 * searches) and waits until the select shows it: a dropdown re-rendering under the click can
 * swallow the choice, so it tries up to three times.
 */
export async function pickOption(
  page: Page,
  selector: string,
  text: string,
  { search = true, exact = true }: { search?: boolean; exact?: boolean } = {},
): Promise<void> {
  const input = page.locator(selector);
  const select = page.locator('.ant-select').filter({ has: input }).first();
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (search) await input.fill(text);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .locator('.ant-select-tree-title, .ant-select-item-option-content')
      .getByText(text, { exact })
      .first()
      .click();
    try {
      await select.filter({ hasText: text }).waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.waitForTimeout(350); // let antd's fade-in motions finish
  await page.screenshot({ path, fullPage });
  return path;
}

/** A small real PNG (a red square with a white cross), made here so the test needs no files. */
export function makePng(size = 48): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const cross = Math.abs(x - size / 2) < 4 || Math.abs(y - size / 2) < 4;
      row[1 + x * 3] = cross ? 255 : 196;
      row[2 + x * 3] = cross ? 255 : 29;
      row[3 + x * 3] = cross ? 255 : 15;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
