/// <reference lib="dom" />
// 回头看 and 问责 in a real Chromium against a real server with the demo county 青禾县: the
// inspection office draws a sample of the closed measures of the 东坪镇 inspection, finds one
// 反弹 with a photo; the measure is back to 推进中 and its problem carries the 反复 tag. Then the
// office records two accountability actions and sees the totals by type. Screenshots go to
// .artifacts/screenshots/.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from '@zhenggai/db';
import { makePng, newSession, pickOption, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

const demo = useDemoServer();

const INSPECTION = '县委第二巡察组对东坪镇党委常规巡察';
const CLOSED_MEASURE = '对全镇低保户开展一次入户复核，建立复核台账';
const PROBLEM = '低保动态管理不及时';

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await demo.server.db.execute(query)) as unknown as { rows: T[] };
  return result.rows[0]!;
}

async function recordAction(page: Page, person: string, type: string, date: string, problem?: string) {
  await page.locator('[data-testid=accountability-new]').click();
  await page.locator('#personName').fill(person);
  await page.locator('#position').fill('民政所所长');
  await page.locator('#unitName').fill('东坪镇民政所');
  await pickOption(page, '#actionType', type, { search: false });
  const day = page.locator('#actionDate');
  await day.click();
  await day.fill(date);
  await day.press('Enter');
  if (problem) await pickOption(page, '#problemId', problem, { search: false, exact: false });
  await page.locator('[data-testid=accountability-save]').click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
}

describe('回头看 and 问责 (real Chromium, real server)', () => {
  it('a sampled round finds 反弹: the measure is reopened and the problem shows as 反复', async () => {
    const { id: inspectionId } = await one<{ id: number }>(
      sql`SELECT id::int AS id FROM inspections WHERE name = ${INSPECTION}`,
    );
    const { id: measureId } = await one<{ id: number }>(
      sql`SELECT id::int AS id FROM measures WHERE text = ${CLOSED_MEASURE}`,
    );
    const context = await newSession(demo.browser, demo.server.url);
    const page = await context.newPage();
    await signIn(page, 'office');
    await page.locator('[data-testid="nav-lookback"]').click();
    await page.locator('[data-testid=lookback-page]').waitFor();
    await page.goto(`/lookback?inspectionId=${inspectionId}`);

    // New round: a sample of 3 with a seed (only one measure of this inspection is closed).
    await page.locator('[data-testid=lookback-new]').click();
    await page.locator('#name').fill('2025年一季度回头看');
    await page.locator('#sampleSize').fill('3');
    await page.locator('#seed').fill('2025Q1');
    await page.locator('[data-testid=lookback-create]').click();
    const round = page.locator('[data-testid=lookback-round]');
    await round.waitFor();
    await expect.poll(() => round.locator('.ant-card-head-title').innerText()).toContain('已复查 0/1');
    const row = page.locator(`[data-testid=lookback-check-${measureId}]`);
    expect(await row.innerText()).toContain(CLOSED_MEASURE);

    // 反弹 needs a note: refused on the spot, then recorded with a photo.
    await page.locator(`[data-testid=lookback-record-${measureId}]`).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('反弹', { exact: true }).click();
    await dialog.getByText('认定反弹或整改不到位后').waitFor();
    await page.locator('[data-testid=lookback-save]').click();
    await dialog.getByText('认定反弹或整改不到位必须写明具体情况').waitFor();
    await page.locator('[data-testid=lookback-note]').fill('抽查 5 户，2 户收入已变化未调整');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '入户照片.png',
      mimeType: 'image/png',
      buffer: makePng(),
    });
    await screenshot(page, '70-lookback-record');
    await page.locator('[data-testid=lookback-save]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[data-testid=lookback-outcome]').innerText()).toBe('反弹');
    expect(await row.innerText()).toContain('推进中');
    expect(await row.locator('[data-testid=recurring-tag]').innerText()).toBe('反复');
    expect(await row.innerText()).toContain('入户照片.png');
    await screenshot(page, '71-lookback-round');

    // The measure page: reopened (推进中) with the reason, the problem tagged 反复.
    await row.getByText(CLOSED_MEASURE).click();
    await page.waitForURL(new RegExp(`/measures/${measureId}$`));
    // The round page's own tags linger while the measure page loads: wait for the measure itself.
    await expect.poll(() => page.locator('[data-testid=measure-text]').innerText()).toContain(CLOSED_MEASURE);
    await page.locator('[data-testid=recurring-tag]').first().waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('2 户收入已变化未调整');
    expect(await page.locator('body').innerText()).toContain('推进中');
    await screenshot(page, '72-lookback-measure-reopened');

    // The ledger shows the tag too, and the dashboard counts the recurring problem.
    await page.goto(`/ledger?inspectionId=${inspectionId}`);
    await page.locator('[data-testid=recurring-tag]').first().waitFor();
    await page.goto(`/?inspectionId=${inspectionId}`);
    const card = page.locator('[data-testid=total-recurring]');
    await expect.poll(() => card.innerText()).toContain('回头看复查 1 项，反弹 1、不到位 0');
    expect(await card.innerText()).toMatch(/反复问题\s*1/);
    await context.close();

    // The 东坪镇 clerk was told.
    const note = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.kind = 'lookback' AND u.username = 'dp_clerk' AND n.link = ${`/measures/${measureId}`}`,
    );
    expect(note.n).toBe(1);
  }, 240_000);

  it('问责: office records actions and sees the totals by type; a clerk has no such menu', async () => {
    const { id: inspectionId } = await one<{ id: number }>(
      sql`SELECT id::int AS id FROM inspections WHERE name = ${INSPECTION}`,
    );
    const context = await newSession(demo.browser, demo.server.url);
    const page = await context.newPage();
    await signIn(page, 'office');
    await page.locator('[data-testid="nav-accountability"]').click();
    await page.locator('[data-testid=accountability-page]').waitFor();
    await page.goto(`/accountability?inspectionId=${inspectionId}`);
    await page.getByText('本次巡察还没有问责记录').first().waitFor();
    await recordAction(page, '张某', '诫勉谈话', '2025-03-10', PROBLEM);
    await recordAction(page, '李某', '提醒谈话', '2025-03-11');
    await recordAction(page, '王某', '诫勉谈话', '2025-03-12');
    const totals = page.locator('[data-testid=accountability-totals]');
    await expect.poll(() => totals.innerText()).toBe('共问责 3 人次：诫勉谈话2人、提醒谈话1人');
    expect(await page.getByRole('row', { name: /张某/ }).innerText()).toContain(PROBLEM);
    await screenshot(page, '73-accountability');

    // Delete asks first, then the totals follow.
    await page.getByRole('row', { name: /李某/ }).getByRole('button').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await expect.poll(() => totals.innerText()).toBe('共问责 2 人次：诫勉谈话2人');
    await context.close();

    const clerkContext = await newSession(demo.browser, demo.server.url);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'dp_clerk');
    await clerk.locator('[data-testid="nav-lookback"]').waitFor();
    expect(await clerk.locator('[data-testid="nav-accountability"]').count()).toBe(0);
    await clerkContext.close();
  }, 240_000);
});
