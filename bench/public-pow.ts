/// <reference lib="dom" />
// How long the public form's proof of work takes in a real browser: Debian Chromium headless
// opens /public/feedback on a real server, sends N messages at the production difficulty and
// reports the time from the click to the tracking code (challenge + search in the Web Worker +
// upload). Run: npx tsx bench/public-pow.ts [runs] [bits]

import { SYSTEM_ACTOR, publish } from '@zhenggai/app';
import { ensureWebBuilt, launchBrowser, newSession, startDemoServer } from '../e2e/browser.ts';

const RUNS = Number(process.argv[2] ?? 12);
const BITS = process.argv[3] ?? '18';
process.env.ZHENGGAI_PUBLIC_POW_BITS = BITS;
process.env.ZHENGGAI_PUBLIC_MESSAGES_PER_HOUR = '1000';

ensureWebBuilt();
const server = await startDemoServer();
const browser = await launchBrowser();
try {
  const inspection = (await server.db.execute(
    `SELECT id::int AS id FROM inspections ORDER BY id LIMIT 1`,
  )) as unknown as {
    rows: { id: number }[];
  };
  await publish(server.db, SYSTEM_ACTOR, inspection.rows[0]!.id, { title: '测试通报', body: '正文' });
  const context = await newSession(browser, server.url, 375, 800);
  const page = await context.newPage();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('/public/feedback');
    await page.locator('#feedback-category').click();
    await page.locator('.ant-select-item-option-content').getByText('意见建议', { exact: true }).click();
    await page.locator('#feedback-body').fill(`基准测试第 ${i + 1} 条反映内容`);
    const started = Date.now();
    await page.locator('[data-testid=feedback-submit]').click();
    await page.locator('[data-testid=tracking-code]').waitFor({ timeout: 120_000 });
    times.push(Date.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`difficulty ${BITS} bits, ${RUNS} runs (ms): ${times.join(', ')}`);
  console.log(
    `mean ${Math.round(mean)} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`,
  );
} finally {
  await browser.close();
  await server.stop();
}
