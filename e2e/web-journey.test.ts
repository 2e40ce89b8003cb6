/// <reference lib="dom" />
// The journey of issue 3 in a real Chromium against a real server with the demo county 青禾县:
// the inspection office registers an inspection, a problem and a measure for 东坪镇民政所; 东坪镇's
// clerk reports progress with a photo and asks for closure; the reviewer approves; the dashboard
// moves; 西溪镇's clerk never sees any of it. Screenshots of every main page go to
// .artifacts/screenshots/.

import { mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLedger } from '@zhenggai/xlsx';
import { generateLedger } from '../bench/ledger-generate.ts';
import type { Page } from 'playwright-core';
import { makePng, newSession, PASSWORD, pickOption, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

// The machine is shared: give the page time to answer before calling it a failure.
const POLL = { timeout: 20_000, interval: 100 };

const demo = useDemoServer();

const stamp = Date.now().toString(36).slice(-5);
const INSPECTION = `县委第五巡察组对东坪镇专项巡察（测试${stamp}）`;
const PROBLEM = `临时救助审批材料不全（测试${stamp}）`;
const MEASURE = `民政所逐件补齐临时救助审批表并建立月度台账（测试${stamp}）`;

function isoInDays(days: number): string {
  const d = new Date(Date.now() + days * 86400000);
  return d.toISOString().slice(0, 10);
}

async function totals(page: Page) {
  await page.goto('/');
  await page.locator('[data-testid=total-measures] .ant-statistic-content-value').waitFor();
  const read = async (key: string) =>
    Number(
      (await page.locator(`[data-testid=total-${key}] .ant-statistic-content-value`).innerText()).replace(
        /[^\d]/g,
        '',
      ),
    );
  return { problems: await read('problems'), measures: await read('measures'), closed: await read('closed') };
}

async function measureIdByText(page: Page, text: string): Promise<number | null> {
  return page.evaluate(async (q) => {
    const response = await fetch(`/api/ledger?q=${encodeURIComponent(q)}`);
    const body = (await response.json()) as { items: { id: number; text: string }[] };
    return body.items.find((i) => i.text === q)?.id ?? null;
  }, text);
}

describe('web journeys (real Chromium, real server)', () => {
  it('office → township clerk → reviewer, with scope, the dashboard and screenshots', async () => {
    // 1. The inspection office registers the inspection, a category, a problem and a measure.
    const office = await (await newSession(demo.browser, demo.server.url)).newPage();
    await office.goto('/');
    await office.locator('#signin-username').waitFor();
    await screenshot(office, '01-sign-in');
    await signIn(office, 'office');
    await expect.poll(() => office.locator('[data-testid=me-name]').innerText(), POLL).toContain('周明');
    const before = await totals(office);
    await screenshot(office, '02-dashboard');

    await office.goto('/inspections');
    await office.locator('[data-testid=inspection-create]').click();
    await office.locator('[data-testid=inspection-name]').fill(INSPECTION);
    await pickOption(office, '#inspectedUnitId', '东坪镇');
    await office.locator('[data-testid=inspection-save]').click();
    await office.locator('[data-testid=inspection-title]').getByText(INSPECTION).waitFor();

    await office.locator('[data-testid=category-add]').click();
    await office.locator('[data-testid=category-title]').fill('（一）落实民生保障政策方面');
    await office.locator('[data-testid=category-save]').click();
    await office.locator('.ant-card-head-title', { hasText: '（一）落实民生保障政策方面' }).waitFor();

    await office.locator('[data-testid=problem-add]').click();
    await office.locator('[data-testid=problem-title]').fill(PROBLEM);
    await office
      .locator('[data-testid=problem-finding]')
      .fill('抽查 20 件临时救助档案，其中 6 件缺少入户调查记录。');
    await office.locator('[data-testid=problem-leader]').fill('李强');
    await office.locator('[data-testid=problem-save]').click();
    await office.getByText(PROBLEM).waitFor();

    await office.locator('[data-testid^=measure-add-]').first().click();
    await office.locator('[data-testid=measure-text-input]').fill(MEASURE);
    await pickOption(office, '#unitId', '东坪镇民政所');
    await office.locator('#personName').fill('赵敏');
    const deadline = office.locator('#deadline');
    await deadline.click();
    await deadline.fill(isoInDays(20));
    await deadline.press('Enter');
    await office.locator('[data-testid=measure-save]').click();
    await expect
      .poll(() => office.locator('[data-testid=inspection-summary]').innerText(), POLL)
      .toContain('1 条措施');
    await screenshot(office, '03-inspection');

    const measureId = await measureIdByText(office, MEASURE);
    expect(measureId).toBeTypeOf('number');
    const afterCreate = await totals(office);
    expect(afterCreate.measures).toBe(before.measures + 1);
    expect(afterCreate.problems).toBe(before.problems + 1);

    await office.goto('/inspections');
    await office.getByText(INSPECTION).waitFor();
    await screenshot(office, '04-inspections');

    // 2. 东坪镇's clerk sees only his unit's work, and the new measure among it.
    const clerkContext = await newSession(demo.browser, demo.server.url);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'dp_clerk');
    await clerk.goto('/ledger');
    await clerk.locator(`[data-testid=ledger-measure-${measureId}]`).waitFor();
    const clerkLedger = await clerk.locator('[data-testid=ledger-table]').innerText();
    expect(clerkLedger).toContain('东坪镇民政所');
    expect(clerkLedger).not.toContain('西溪镇');
    await screenshot(clerk, '05-ledger-clerk');

    await clerk.goto('/tasks');
    await clerk.locator(`[data-testid=task-${measureId}]`).waitFor();
    expect(await clerk.locator('[data-testid=my-tasks]').innerText()).not.toContain('西溪镇');
    await screenshot(clerk, '06-my-tasks');

    // 3. He writes progress; his session expires before he sends it; he signs in again in the
    // dialog and the text he typed is still there.
    await clerk.goto(`/measures/${measureId}`);
    await clerk.locator('[data-testid=measure-text]').getByText(MEASURE).waitFor();
    const progress = '已逐件核对 20 件临时救助档案，补齐入户调查记录 6 份，建立月度审批台账。';
    await clerk.locator('[data-testid=progress-text]').fill(progress);
    await clerk.locator('[data-testid=add-number]').click();
    await clerk.locator('[data-testid=number-label]').fill('补齐档案');
    await clerk.locator(':is(input[data-testid=number-value], [data-testid=number-value] input)').fill('6');
    await clerk.locator('[data-testid=number-unit]').fill('份');
    await clerk.locator('.ant-upload-drag input[type=file]').setInputFiles({
      name: '入户核查照片.png',
      mimeType: 'image/png',
      buffer: makePng(),
    });
    await clerk.locator('[data-testid=evidence-previews] img').waitFor();

    await clerkContext.clearCookies();
    await clerk.locator('[data-testid=progress-submit]').click();
    const dialog = clerk.locator('.ant-modal', { hasText: '登录已过期' });
    await dialog.waitFor();
    await clerk.waitForTimeout(600); // let the dialog finish opening
    await screenshot(clerk, '07-session-expired', false);
    await dialog.locator('#signin-password').fill('journey-pass-2024');
    await dialog.locator('[data-testid=signin-submit]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await clerk.locator('[data-testid=progress-text]').inputValue()).toBe(progress);

    await clerk.locator('[data-testid=progress-submit]').click();
    await clerk.locator('[data-testid=timeline-progress]', { hasText: '补齐入户调查记录' }).waitFor();
    await clerk.locator('[data-testid=timeline-progress] [data-testid=evidence-image] img').first().waitFor();
    expect(await clerk.locator('[data-testid=timeline-progress]').first().innerText()).toContain(
      '补齐档案 6份',
    );
    const naturalWidth = await clerk
      .locator('[data-testid=timeline-progress] [data-testid=evidence-image] img')
      .first()
      .evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(naturalWidth).toBe(48);

    // Only the actions the transition table allows him: no approve, no return.
    await clerk.locator('[data-testid=event-request_closure]').waitFor();
    expect(await clerk.locator('[data-testid=event-approve]').count()).toBe(0);
    expect(await clerk.locator('[data-testid=event-return]').count()).toBe(0);
    await clerk.locator('[data-testid=event-request_closure]').click();
    await clerk.locator('.ant-popconfirm .ant-btn-primary').click();
    await clerk.locator('.ant-tag[data-status=pending_review]').first().waitFor();
    await screenshot(clerk, '08-measure-pending');

    // 4. The reviewer first returns it with a reason (a return without one is refused by the
    // form); the clerk sees why, adds a clearer photo and asks again; then it is approved.
    const reviewer = await (await newSession(demo.browser, demo.server.url)).newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.goto(`/measures/${measureId}`);
    expect(await reviewer.locator('[data-testid=event-request_closure]').count()).toBe(0);
    await reviewer.locator('[data-testid=event-return]').click();
    await reviewer.locator('[data-testid=reason-ok]').click();
    await reviewer.getByText('请填写原因').waitFor();
    const why = '照片未体现入户核查场景，请补充带日期的现场照片';
    await reviewer.locator('[data-testid=reason-text]').fill(why);
    await reviewer.locator('[data-testid=reason-ok]').click();
    await reviewer.locator('.ant-tag[data-status=in_progress]').first().waitFor();

    await clerk.reload();
    await clerk.getByText(`退回原因：${why}`).waitFor();
    await clerk.locator('[data-testid=progress-text]').fill('已补充带日期的入户核查现场照片。');
    await clerk.locator('.ant-upload-drag input[type=file]').setInputFiles({
      name: '现场照片-补充.png',
      mimeType: 'image/png',
      buffer: makePng(64),
    });
    await clerk.locator('[data-testid=progress-submit]').click();
    await clerk.locator('[data-testid=timeline-progress]', { hasText: '已补充带日期' }).waitFor();
    await clerk.locator('[data-testid=event-request_closure]').click();
    await clerk.locator('.ant-popconfirm .ant-btn-primary').click();
    await clerk.locator('.ant-tag[data-status=pending_review]').first().waitFor();

    await reviewer.reload();
    await reviewer.locator('[data-testid=event-approve]').click();
    await reviewer.locator('.ant-popconfirm .ant-btn-primary').click();
    await reviewer.locator('.ant-tag[data-status=closed]').first().waitFor();
    await reviewer.locator('[data-testid=timeline-event]', { hasText: '审核通过' }).waitFor();
    await reviewer.locator('[data-testid=timeline-event]', { hasText: why }).waitFor();
    await screenshot(reviewer, '09-measure-closed');

    // 5. The dashboard moves: one more closed measure than after creation.
    const afterApprove = await totals(office);
    expect(afterApprove.measures).toBe(afterCreate.measures);
    expect(afterApprove.closed).toBe(afterCreate.closed + 1);
    expect(afterApprove.problems).toBe(afterCreate.problems);
    await office.locator('canvas').first().waitFor();
    await office.waitForTimeout(800);
    await screenshot(office, '10-dashboard-after');

    // 6. 西溪镇's clerk never sees it: not in the ledger, not by its address.
    const other = await (await newSession(demo.browser, demo.server.url)).newPage();
    await signIn(other, 'xx_clerk');
    await other.goto(`/ledger?q=${encodeURIComponent(MEASURE)}`);
    await expect
      .poll(() => other.locator('[data-testid=ledger-count]').innerText(), POLL)
      .toContain('共 0 条');
    await other.goto('/ledger');
    await expect
      .poll(() => other.locator('[data-testid=ledger-count]').innerText(), POLL)
      .toMatch(/共 \d+ 条/);
    const otherLedger = await other.locator('[data-testid=ledger-table]').innerText();
    expect(otherLedger).not.toContain(MEASURE);
    expect(otherLedger).not.toContain('东坪镇');
    expect(await measureIdByText(other, MEASURE)).toBeNull();
    await other.goto(`/measures/${measureId}`);
    await other.locator('[role=alert]').waitFor();
    expect(await other.locator('main').innerText()).not.toContain(MEASURE);
    await screenshot(other, '11-other-clerk-denied');
    // The header says who he is, his unit and his role; signing out returns to the sign-in page.
    await other.locator('[data-testid=me-menu]').click();
    const card = other.locator('[data-testid=me-card]');
    await card.waitFor();
    expect(await card.innerText()).toContain('西溪镇');
    expect(await card.innerText()).toContain('单位联络员');
    await card.locator('[data-testid=sign-out]').click();
    await other.locator('#signin-username').waitFor();
    expect((await other.request.get('/api/session')).status()).toBe(401);

    // 7. The remaining main pages, for the eye.
    await office.goto(`/ledger?inspectionId=&sort=urgency`);
    await office.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
    await screenshot(office, '12-ledger-office');
    // Export exactly what is filtered: the button carries the ledger's own query.
    await office.goto(`/ledger?inspectionId=1&status=closed,pending_review`);
    await office.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
    const href = await office.locator('[data-testid=ledger-export]').getAttribute('href');
    expect(href).toBe('/api/inspections/1/ledger.xlsx?inspectionId=1&status=closed%2Cpending_review');
    const xlsx = await office.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    await office.goto('/board');
    await office.locator('canvas').first().waitFor();
    await office.waitForTimeout(800);
    await screenshot(office, '13-timeline-board');
    await office.setViewportSize({ width: 768, height: 1024 });
    await office.goto('/ledger?status=not_started,in_progress,pending_review');
    await office.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
    await screenshot(office, '14-ledger-tablet');

    // The language switch: English labels, antd follows, and back to Chinese.
    await office.setViewportSize({ width: 1366, height: 900 });
    await office.goto('/ledger');
    await office.locator('[data-testid=lang-switch]').click();
    await office.locator('[data-testid=nav-ledger]').getByText('Ledger').waitFor();
    await expect
      .poll(() => office.locator('[data-testid=ledger-count]').innerText(), POLL)
      .toMatch(/\d+ measures/);
    await screenshot(office, '15-ledger-english');
    await office.locator('[data-testid=lang-switch]').click();
    await office.locator('[data-testid=nav-ledger]').getByText('整改台账').waitFor();

    // Keyboard: the navigation is reachable with Tab and opens with Enter.
    await office.goto('/');
    await office.locator('[data-testid=total-measures]').waitFor();
    await office.locator('[data-testid=nav-board]').focus();
    await office.keyboard.press('Enter');
    await office.waitForURL(/\/board$/);

    const admin = await (await newSession(demo.browser, demo.server.url)).newPage();
    await signIn(admin, 'admin');
    await admin.goto('/admin');
    await admin.locator('.ant-tree-title', { hasText: '东坪镇民政所' }).first().waitFor();
    await screenshot(admin, '16-admin-units');
    await admin.getByRole('tab', { name: '用户与权限' }).click();
    await admin.getByText('dp_clerk').waitFor();
    await admin.waitForTimeout(500); // the tab's fade-in
    await screenshot(admin, '17-admin-users');
  }, 240_000);

  it('import wizard: every problem cell is listed, nothing is written, then the fixed import goes in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-import-'));
    try {
      // A made-up ledger whose responsible units the county does not have yet.
      const file = join(dir, '清河县整改台账.xlsx');
      const draft = generateLedger({ measures: 8, seed: 11, title: `导入向导测试台账${stamp}` });
      await writeLedger(draft, { path: file });

      // The administrator: only he may create units while importing.
      const page = await (await newSession(demo.browser, demo.server.url)).newPage();
      await signIn(page, 'admin');
      await page.goto('/ledger');
      await expect
        .poll(() => page.locator('[data-testid=ledger-count]').innerText(), POLL)
        .toMatch(/共 \d+ 条措施/);
      const before = await page.locator('[data-testid=ledger-count]').innerText();
      await page.locator('[data-testid=ledger-import]').click();
      const modal = page.locator('.ant-modal', { hasText: '导入整改台账' });
      await modal.locator('.ant-upload-drag input[type=file]').setInputFiles(file);
      await modal.locator('[data-testid=import-create-units]').uncheck(); // do not create units
      await modal.locator('[data-testid=import-check]').click();
      const issues = modal.locator('[data-testid=import-issues]');
      await issues.waitFor();
      const issueRows = await issues.locator('.ant-table-row').count();
      expect(issueRows).toBeGreaterThan(0);
      expect(await issues.innerText()).toContain('责任单位');
      expect(await modal.locator('[data-testid=import-confirm]').isDisabled()).toBe(true);
      await page.waitForTimeout(400);
      await screenshot(page, '18-import-issues', false);
      // Nothing was written.
      expect(await page.locator('[data-testid=ledger-count]').innerText()).toBe(before);

      await modal.locator('[data-testid=import-again]').click();
      await modal.locator('[data-testid=import-create-units]').check(); // now create them
      await modal.locator('[data-testid=import-check]').click();
      await modal.getByText('检查通过，可以导入').waitFor();
      await modal.locator('[data-testid=import-preview] .ant-table-row').first().waitFor();
      await screenshot(page, '19-import-preview', false);
      await modal.locator('[data-testid=import-confirm]').click();
      await modal.getByText('导入完成：8 条措施').waitFor();
      await modal.locator('[data-testid=import-open-ledger]').click();
      await expect
        .poll(() => page.locator('[data-testid=ledger-count]').innerText(), POLL)
        .toBe('共 8 条措施');
      expect(page.url()).toMatch(/inspectionId=\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the ledger page, opened cold, loads at most 350 kB of gzipped JavaScript', async () => {
    const context = await newSession(demo.browser, demo.server.url);
    const login = await context.request.post('/api/session', {
      data: { username: 'office', password: PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        sizes.push(response.body().then((body) => gzipSync(body).length));
      }
    });
    await page.goto('/ledger');
    await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
    await page.waitForTimeout(500);
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100 * 1024);
    expect(total).toBeLessThanOrEqual(350 * 1024);
    await context.close();
  }, 60_000);
});
