// The ledger page with 10,000 measures in headless Chromium: how long until it is interactive
// (first rows drawn and a filter click answered), and how much gzipped JavaScript the first
// page loads. Run: npx tsx bench/web-ledger.ts [measures]
//
// A real server (in-process, fresh data folder, demo county) is filled through the lead's
// import use-case with a generated ledger (bench/ledger-generate.ts), then a real Chromium opens it.

import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR, importLedger } from '@zhenggai/app';
import { ensureWebBuilt, launchBrowser, newSession, PASSWORD, startDemoServer } from '../e2e/browser.ts';
import { generateLedger } from './ledger-generate.ts';

const MEASURES = Number(process.argv[2] ?? 10_000);
const TARGET_MS = 2000;
const TARGET_GZ = 350 * 1024;

/** Collects every script the page loads, with its gzipped size. */
function trackScripts(page: Page) {
  const scripts = new Map<string, { raw: number; gz: number }>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then((body) => {
          scripts.set(response.url(), { raw: body.length, gz: gzipSync(body).length });
        })
        .catch(() => undefined),
    );
  });
  return async () => {
    await Promise.all(pending);
    let raw = 0;
    let gz = 0;
    for (const s of scripts.values()) {
      raw += s.raw;
      gz += s.gz;
    }
    if (process.env.BENCH_VERBOSE === '1') {
      for (const [url, size] of [...scripts.entries()].sort((a, b) => b[1].gz - a[1].gz)) {
        console.log(`    ${kb(size.gz).padStart(9)}  ${new URL(url).pathname}`);
      }
    }
    return { files: scripts.size, raw, gz };
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function main() {
  ensureWebBuilt(process.env.BENCH_REBUILD === '1');
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const seedStart = performance.now();
    const draft = generateLedger({
      measures: MEASURES,
      seed: 7,
      title: '清河县巡察反馈问题整改台账（基准测试）',
    });
    const summary = await importLedger(server.db, SYSTEM_ACTOR, draft, [], {
      newInspection: { name: '基准测试台账', kind: 'xuncha', ownerUnitId: 1, inspectedUnitId: 1 },
      createUnits: true,
    });
    console.log(
      `seeded ${summary.measures} measures in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    // 1. The sign-in page, cold: what a first visit downloads.
    {
      const context = await newSession(browser, server.url);
      const page = await context.newPage();
      const scripts = trackScripts(page);
      await page.goto('/');
      await page.locator('#signin-username').waitFor();
      const js = await scripts();
      console.log(`sign-in page: ${js.files} scripts, ${kb(js.raw)} raw, ${kb(js.gz)} gzipped`);
      await context.close();
    }

    // 2. The ledger page, cold cache, signed in: first rows, then a filter click answered.
    const runs: { rows: number; interactive: number; gz: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await newSession(browser, server.url);
      const login = await context.request.post('/api/session', {
        data: { username: 'office', password: PASSWORD },
      });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
      const page = await context.newPage();
      const scripts = trackScripts(page);
      const start = performance.now();
      await page.goto('/ledger');
      await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor({ timeout: 30_000 });
      await page
        .locator('[data-testid=ledger-count]')
        .getByText(/共 \d{4,} 条措施/)
        .waitFor({ timeout: 30_000 });
      const rows = performance.now() - start;
      const countBefore = await page.locator('[data-testid=ledger-count]').innerText();
      await page.locator('[data-testid=filter-overdue]').click();
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector('[data-testid=ledger-count]');
          return !!el && el.textContent !== before && /\d/.test(el.textContent ?? '');
        },
        countBefore,
        { timeout: 30_000 },
      );
      const interactive = performance.now() - start;
      const js = await scripts();
      const countAfter = await page.locator('[data-testid=ledger-count]').innerText();
      console.log(
        `ledger run ${run + 1}: first rows ${rows.toFixed(0)} ms, filter answered ${interactive.toFixed(0)} ms ` +
          `(${countBefore} → ${countAfter}); JS ${js.files} scripts, ${kb(js.raw)} raw, ${kb(js.gz)} gzipped`,
      );
      if (run === 0) {
        // Scrolling the virtual table to the end: the last row appears without a stall.
        await page.locator('[data-testid=filter-overdue]').click();
        await page.locator('[data-testid=ledger-count]').getByText(countBefore).waitFor();
        const scrollStart = performance.now();
        await page.evaluate(() => {
          const holder = document.querySelector('[data-testid=ledger-table] .ant-table-tbody-virtual-holder');
          if (holder) holder.scrollTop = holder.scrollHeight;
        });
        await page.waitForFunction(() => {
          const rowsShown = [...document.querySelectorAll('[data-testid=ledger-table] .ant-table-row')];
          return rowsShown.length > 0 && rowsShown.some((r) => r.getAttribute('data-row-key') !== null);
        });
        await page.waitForTimeout(50);
        console.log(
          `  scroll to the end of ${MEASURES}+ rows: ${(performance.now() - scrollStart).toFixed(0)} ms`,
        );
      }
      runs.push({ rows, interactive, gz: js.gz });
      await context.close();
    }
    const best = runs.reduce((a, b) => (b.interactive < a.interactive ? b : a));
    const median = [...runs].sort((a, b) => a.interactive - b.interactive)[1] ?? best;
    console.log('');
    console.log(
      `RESULT ledger interactive (median of ${runs.length}): ${median.interactive.toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
    );
    console.log(`RESULT ledger first rows (median): ${median.rows.toFixed(0)} ms`);
    console.log(`RESULT ledger page JS: ${kb(median.gz)} gzipped (target ≤ ${kb(TARGET_GZ)})`);
    if (median.interactive > TARGET_MS || median.gz > TARGET_GZ) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
