/// <reference lib="dom" />
// Issue 5 (调度, 延期申请) in a real Chromium against a real server with the demo county 青禾县:
// the inspection office records a dispatch, the 东坪镇 clerk reports progress with a hard number on
// 柳塘村's measure, the office records the next dispatch and sees the measure move and its number
// change; then the clerk asks for a later deadline, the office approves it in the 延期审批 queue,
// and the new deadline shows on the measure. Screenshots go to .artifacts/screenshots/.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newSession, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

const demo = useDemoServer();

const INSPECTION = '县委第二巡察组对东坪镇党委常规巡察';
const MEASURE = '柳塘村按季度更新财务公开栏并留存照片';

async function takeSnapshot(page: Page, label: string) {
  const input = page.locator('[data-testid=snapshot-label]');
  await input.fill(label);
  await page.locator('[data-testid=snapshot-take]').click();
  await expect
    .poll(() => page.locator('[data-testid=snapshot-item]').allInnerTexts())
    .toContainEqual(expect.stringContaining(label));
}

describe('dispatch and extension requests (real Chromium, real server)', () => {
  it('two dispatches around a progress update show the movement; an extension is asked and approved', async () => {
    const officeContext = await newSession(demo.browser, demo.server.url);
    const office = await officeContext.newPage();
    await signIn(office, 'office');
    const inspections = (await (await officeContext.request.get('/api/inspections')).json()) as {
      id: number;
      name: string;
    }[];
    const inspectionId = inspections.find((i) => i.name === INSPECTION)!.id;

    // 1. The office records the first dispatch from the menu.
    await office.locator('[data-testid=nav-dispatch]').click();
    await office.locator('[data-testid=dispatch-page]').waitFor();
    await office.goto(`/dispatch?inspection=${inspectionId}`);
    await office.locator('[data-testid=snapshot-form]').waitFor();
    await takeSnapshot(office, '10月调度');

    // 2. The 东坪镇 clerk reports progress with a hard number on 柳塘村's measure (未启动).
    const clerkContext = await newSession(demo.browser, demo.server.url, 1024, 1000);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'dp_clerk');
    const ledger = (await (
      await clerkContext.request.get(
        `/api/ledger?inspectionId=${inspectionId}&q=${encodeURIComponent(MEASURE)}`,
      )
    ).json()) as { items: { id: number; status: string; deadline: string }[] };
    const measure = ledger.items[0]!;
    expect(measure.status).toBe('not_started');
    await clerk.goto(`/measures/${measure.id}`);
    await clerk.locator('[data-testid=progress-text]').fill('柳塘村已更新第三季度财务公开栏');
    await clerk.locator('[data-testid=add-number]').click();
    await clerk.locator('[data-testid=number-label]').fill('公开事项');
    await clerk.locator(':is(input[data-testid=number-value], [data-testid=number-value] input)').fill('12');
    await clerk.locator('[data-testid=number-unit]').fill('项');
    await clerk.locator('[data-testid=progress-submit]').click();
    await clerk.locator('[data-testid=timeline-progress]').first().waitFor();

    // 3. The next dispatch: the measure moved 未启动 → 推进中 and its number appeared.
    await takeSnapshot(office, '11月调度');
    const moved = office.locator('[data-testid=dispatch-moved]');
    await expect.poll(() => moved.innerText()).toContain(MEASURE);
    expect(await moved.innerText()).toMatch(/未启动[\s\S]*推进中/);
    const numbers = office.locator('[data-testid=dispatch-numbers]');
    expect(await numbers.innerText()).toContain('公开事项（项）');
    expect(await numbers.innerText()).toContain('+12');
    expect(await office.locator('[data-testid=dispatch-stalled]').innerText()).not.toContain(MEASURE);
    expect(await office.locator('[data-testid=dispatch-xlsx]').getAttribute('href')).toContain('format=xlsx');
    await screenshot(office, '70-dispatch-comparison');

    // 4. The clerk asks for a later deadline on the measure page.
    const requested = new Date(Date.parse(`${measure.deadline}T00:00:00Z`) + 30 * 86400000)
      .toISOString()
      .slice(0, 10);
    await clerk.reload();
    const panel = clerk.locator('[data-testid=extension-panel]');
    await panel.waitFor();
    const date = clerk.locator('#requestedDeadline');
    await date.click();
    await date.fill(requested);
    await date.press('Enter');
    await clerk.locator('[data-testid=extension-reason]').fill('村务监督委员会换届，审核推迟');
    await clerk.locator('[data-testid=extension-submit]').click();
    await expect
      .poll(() => panel.locator('[data-testid=extension-item]').first().innerText())
      .toContain('待审批');
    expect(await panel.innerText()).toContain(requested);
    await screenshot(clerk, '71-extension-requested');

    // 5. The office approves it in the 延期审批 queue; the measure shows the new deadline.
    await office.locator('[data-testid=tab-extensions]').click();
    const queue = office.locator('[data-testid=extension-queue]');
    await expect.poll(() => queue.innerText()).toContain(MEASURE);
    await screenshot(office, '72-extension-queue');
    await queue.locator('[data-testid=extension-approve]').first().click();
    await office.locator('[data-testid=extension-approve-ok]').click();
    await expect.poll(() => queue.innerText()).not.toContain(MEASURE);

    await clerk.reload();
    await expect
      .poll(() => panel.locator('[data-testid=extension-item]').first().innerText())
      .toContain('已同意');
    expect(await clerk.locator('.ant-descriptions').first().innerText()).toContain(requested);
    const timeline = await clerk.locator('[data-testid=timeline-event]').first().innerText();
    expect(timeline).toContain('同意延期，整改时限已更新');

    await clerkContext.close();
    await officeContext.close();
  }, 240_000);
});
