/// <reference lib="dom" />
// Issue 5 in a real Chromium against a real server with the demo county 青禾县: an open measure
// of a 东坪镇 unit passes its deadline; the scheduler, run day by day in the setup, issues a level-1
// 督办单 and a week later climbs to level 2; the in-charge leader (dp_leader) sees the unread
// badge and the notice in his inbox and opens it; the unit's clerk answers it (at 768 px); the
// office sees 已答复 and closes it (已办结). Then the office's own tools: the scheduler card, a
// notice issued by hand from the measure page, the supervision settings of an inspection, and
// the admin marking a leader grant 主要领导. Screenshots go to .artifacts/screenshots/.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runSchedulerDay, today } from '@zhenggai/app';
import { addDays } from '@zhenggai/core';
import { sql } from '@zhenggai/db';
import {
  ensureWebBuilt,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  startDemoServer,
  type RunningServer,
} from './browser.ts';

// The machine is shared: give the page time to answer before calling it a failure.
const POLL = { timeout: 20_000, interval: 100 };
const ANSWER = '民政所已补齐入户调查记录 6 份，本周五前报送佐证材料并申请销号。';
const CLOSE_NOTE = '已核实答复情况，督促按期报送佐证。';

let server: RunningServer;
let browser: Browser;
let measureId: number;
let measureText: string;
let unitName: string;
let level2Id: number;
let level1Id: number;
const previousScheduler = process.env.ZHENGGAI_SCHEDULER;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await server.db.execute(query)) as unknown as { rows: T[] };
  return result.rows[0]!;
}

/** The notice sheet's status text, e.g. 待答复. */
const sheetStatus = (page: Page) => page.locator('[data-testid=notice-status]').innerText();

describe('supervision notices (real Chromium, real server)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    ensureWebBuilt();
    // The test drives the days itself: the server's own loop would process today first.
    process.env.ZHENGGAI_SCHEDULER = 'off';
    server = await startDemoServer();

    // An open measure (not 长期坚持) of a unit in 东坪镇, its deadline moved to ten days ago.
    const measure = await one<{ id: number; text: string; unitName: string }>(
      sql`SELECT m.id::int AS id, m.text, u.name AS "unitName"
          FROM measures m JOIN units u ON u.id = m.unit_id JOIN units d ON u.path LIKE d.path || '%'
          WHERE d.name = '东坪镇' AND m.kind <> 'ongoing' AND m.status IN ('not_started', 'in_progress')
          ORDER BY m.id LIMIT 1`,
    );
    measureId = measure.id;
    measureText = measure.text;
    unitName = measure.unitName;
    const day = today();
    const deadline = addDays(day, -10);
    await server.db.execute(sql`UPDATE measures SET deadline = ${deadline} WHERE id = ${measureId}`);
    // 分管领导 of 东坪镇: the demo's dp_leader holds a leader grant there (not 主要领导).
    const leader = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM role_grants g JOIN users u ON u.id = g.user_id JOIN units un ON un.id = g.unit_id
          WHERE u.username = 'dp_leader' AND g.role = 'leader' AND un.name = '东坪镇' AND NOT g.principal`,
    );
    expect(leader.n).toBe(1);

    // The scheduler walks the days since the deadline in order, as it would have on a live server.
    for (let d = addDays(deadline, 1); d <= day; d = addDays(d, 1)) await runSchedulerDay(server.db, d);

    const levels = (await server.db.execute(
      sql`SELECT id::int AS id, level, issued_on::text AS "issuedOn" FROM supervision_notices
          WHERE measure_id = ${measureId} ORDER BY level`,
    )) as unknown as { rows: { id: number; level: number; issuedOn: string }[] };
    expect(levels.rows.map((r) => [r.level, r.issuedOn])).toEqual([
      [1, addDays(deadline, 1)],
      [2, addDays(deadline, 8)],
    ]);
    level1Id = levels.rows[0]!.id;
    level2Id = levels.rows[1]!.id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (previousScheduler === undefined) delete process.env.ZHENGGAI_SCHEDULER;
    else process.env.ZHENGGAI_SCHEDULER = previousScheduler;
  });

  it('an overdue measure climbs to level 2, the leader sees it, the unit answers, the office closes', async () => {
    // 1. The in-charge leader signs in: the bell shows unread messages; the level-2 notice is there.
    const leaderContext = await newSession(browser, server.url);
    const leader = await leaderContext.newPage();
    await signIn(leader, 'dp_leader');
    const bell = leader.locator('[data-testid=inbox-bell]');
    await expect.poll(async () => Number(await bell.getAttribute('data-unread')), POLL).toBeGreaterThan(0);
    await expect.poll(() => bell.locator('.ant-badge-count').isVisible(), POLL).toBe(true);
    await bell.click();
    const dropdown = leader.locator('[data-testid=inbox-dropdown]');
    const item = dropdown.locator('[data-testid=inbox-item][data-kind=notice][data-unread=true]', {
      hasText: measureText.slice(0, 20),
    });
    await item.first().waitFor({ timeout: 20_000 });
    expect(await item.first().innerText()).toContain('二级督办');
    const unreadBefore = Number(await bell.getAttribute('data-unread'));
    await screenshot(leader, '70-supervision-leader-bell', false);

    // Opening it marks it read and shows the notice.
    await item.first().click();
    await leader.waitForURL(`**/notices/${level2Id}`);
    await leader.locator('[data-testid=notice-sheet]').waitFor();
    expect(await leader.locator('[data-testid=notice-sheet] h2').innerText()).toContain('督');
    expect(await leader.locator('[data-testid=notice-sheet]').innerText()).toContain('二级督办（分管领导）');
    expect(await sheetStatus(leader)).toBe('待答复');
    await expect
      .poll(async () => Number(await bell.getAttribute('data-unread')), POLL)
      .toBe(unreadBefore - 1);
    await screenshot(leader, '71-supervision-leader-notice');

    // The whole inbox: the level-1 notice went to the clerk, not to the leader.
    await leader.goto('/inbox');
    await leader.locator('[data-testid=inbox-list]').waitFor();
    const leaderItems = await leader.locator('[data-testid=inbox-item]').allInnerTexts();
    expect(leaderItems.some((t) => t.includes('二级督办'))).toBe(true);
    expect(leaderItems.some((t) => t.includes('一级督办'))).toBe(false);
    await screenshot(leader, '72-supervision-leader-inbox');

    // 2. The unit's clerk, on a tablet: the list flags the unanswered level-1 notice as late.
    const clerkContext = await newSession(browser, server.url, 768, 1000);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'dp_clerk');
    await clerk.goto(
      `/notices?inspectionId=${(await one<{ id: number }>(sql`SELECT inspection_id::int AS id FROM measures WHERE id = ${measureId}`)).id}`,
    );
    const level1Row = clerk.locator(`[data-testid=notice-row][data-notice-id="${level1Id}"]`);
    await level1Row.waitFor({ timeout: 20_000 });
    expect(await level1Row.innerText()).toContain('超期未答复');
    expect(await level1Row.innerText()).toContain('一级');
    await screenshot(clerk, '73-supervision-clerk-list-768');

    await clerk.locator(`[data-testid=notice-row][data-notice-id="${level2Id}"]`).click();
    await clerk.waitForURL(`**/notices/${level2Id}`);
    await clerk.locator('[data-testid=notice-answer-text]').fill(ANSWER);
    await clerk.locator('[data-testid=notice-answer-submit]').click();
    await expect.poll(() => sheetStatus(clerk), POLL).toBe('已答复');
    expect(await clerk.locator('[data-testid=notice-answer]').innerText()).toContain(ANSWER);
    expect(await clerk.locator('[data-testid=notice-answer]').innerText()).toContain('陈静');
    // The clerk may not close it.
    expect(await clerk.locator('[data-testid=notice-close-submit]').count()).toBe(0);
    await screenshot(clerk, '74-supervision-notice-answered-768');
    // Nothing spills over the right edge at 768 px.
    const overflow = await clerk.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // 3. The office hears of the answer, finds the notice answered and closes it.
    const officeContext = await newSession(browser, server.url);
    const office = await officeContext.newPage();
    await signIn(office, 'office');
    await office.locator('[data-testid=inbox-bell]').click();
    const answered = office.locator(
      '[data-testid=inbox-dropdown] [data-testid=inbox-item][data-kind=notice_answered]',
    );
    await answered.first().waitFor({ timeout: 20_000 });
    expect(await answered.first().innerText()).toContain(unitName);

    await office.goto('/notices?status=answered');
    const row = office.locator(`[data-testid=notice-row][data-notice-id="${level2Id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('已答复');
    expect(await office.locator('[data-testid=notice-row]').count()).toBe(1);
    await office.locator('[data-testid=scheduler-card]').waitFor();
    await expect
      .poll(() => office.locator('[data-testid=scheduler-last-day]').innerText(), POLL)
      .toBe(today());
    expect(await office.locator('[data-testid=scheduler-mail]').innerText()).toContain('未配置');
    await screenshot(office, '75-supervision-office-list');

    await row.click();
    await office.waitForURL(`**/notices/${level2Id}`);
    expect(await office.locator('[data-testid=notice-answer-submit]').count()).toBe(0);
    await office.locator('[data-testid=notice-close-text]').fill(CLOSE_NOTE);
    await office.locator('[data-testid=notice-close-submit]').click();
    await expect.poll(() => sheetStatus(office), POLL).toBe('已办结');
    expect(await office.locator('[data-testid=notice-closing]').innerText()).toContain(CLOSE_NOTE);
    expect(await office.locator('[data-testid=notice-close-submit]').count()).toBe(0);
    await screenshot(office, '76-supervision-notice-closed');

    // The notice as the clerk now sees it at 768 px: closed, no more answering.
    await clerk.reload();
    await expect.poll(() => sheetStatus(clerk), POLL).toBe('已办结');
    expect(await clerk.locator('[data-testid=notice-answer-submit]').count()).toBe(0);
    await screenshot(clerk, '77-supervision-notice-closed-768');
  });

  it('the office runs the scheduler, issues a notice by hand, and sets the pace; the admin marks 主要领导', async () => {
    const office = await (await newSession(browser, server.url)).newPage();
    await signIn(office, 'office');

    // 立即运行: today is already processed.
    await office.goto('/notices');
    await office.locator('[data-testid=scheduler-run]').click();
    await office.locator('.ant-message').getByText('今天已处理过').waitFor({ timeout: 20_000 });

    // 发督办单 from the measure page: a written level-1 notice.
    await office.goto(`/measures/${measureId}`);
    const card = office.locator('[data-testid=measure-notices]');
    await expect.poll(() => card.locator('[data-testid=notice-row]').count(), POLL).toBe(2);
    await card.locator('[data-testid=issue-notice]').click();
    await office.locator('[data-testid=issue-notice-reason]').fill('连续两周未报送整改进展，请说明原因。');
    await office.locator('.ant-radio-button-wrapper', { hasText: '书面' }).click();
    await screenshot(office, '78-supervision-issue-dialog', false);
    await office.locator('[data-testid=issue-notice-submit]').click();
    await expect.poll(() => card.locator('[data-testid=notice-row]').count(), POLL).toBe(3);
    const manual = await one<{ channel: string; origin: string; level: number }>(
      sql`SELECT channel, origin, level FROM supervision_notices WHERE measure_id = ${measureId} ORDER BY id DESC LIMIT 1`,
    );
    expect(manual).toEqual({ channel: 'written', origin: 'manual', level: 1 });
    await office.evaluate(() => window.scrollTo(0, 0));
    await screenshot(office, '79-supervision-measure-notices');

    // The inspection's pace: reminders 10 and 3 days ahead, answers within 5 days.
    const inspectionId = (
      await one<{ id: number }>(sql`SELECT inspection_id::int AS id FROM measures WHERE id = ${measureId}`)
    ).id;
    await office.goto(`/inspections/${inspectionId}`);
    await office.locator('[data-testid=inspection-edit]').click();
    const days = office.locator('[data-testid=inspection-reminder-days] input');
    await days.click();
    await office.keyboard.press('Backspace');
    await office.keyboard.press('Backspace');
    await days.fill('10,3,');
    await office.locator('#responseDays').fill('5');
    await screenshot(office, '80-supervision-inspection-settings', false);
    await office.locator('[data-testid=inspection-save]').click();
    await expect
      .poll(
        () =>
          one<{ reminderDays: number[]; responseDays: number; escalationDays: number }>(
            sql`SELECT reminder_days AS "reminderDays", response_days AS "responseDays",
                  escalation_days AS "escalationDays" FROM inspections WHERE id = ${inspectionId}`,
          ),
        POLL,
      )
      .toEqual({ reminderDays: [10, 3], responseDays: 5, escalationDays: 7 });
    await expect
      .poll(() => office.locator('[data-testid=inspection-pace]').innerText(), POLL)
      .toBe('到期前 10、3 天提醒；逾期次日一级督办，每 7 天升一级；5 天内答复');

    // The closed notice in English, the second language.
    await office.goto(`/notices/${level2Id}`);
    await office.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => sheetStatus(office), POLL).toBe('Closed');
    await screenshot(office, '82-supervision-notice-english');
    await office.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => sheetStatus(office), POLL).toBe('已办结');

    // The admin marks dp_leader as 东坪镇's 主要领导.
    const admin = await (await newSession(browser, server.url)).newPage();
    await signIn(admin, 'admin');
    await admin.goto('/admin');
    await admin.getByRole('tab', { name: '用户与权限' }).click();
    await admin
      .locator('tr', { hasText: 'dp_leader' })
      .locator('button', { hasText: /编\s?辑/ })
      .click();
    await admin.locator('[data-testid=grant-principal]').check();
    await screenshot(admin, '81-supervision-admin-principal', false);
    await admin.locator('.ant-modal-footer .ant-btn-primary').click();
    await admin.locator('tr', { hasText: 'dp_leader' }).getByText('主要领导').waitFor({ timeout: 20_000 });
    const principal = await one<{ principal: boolean }>(
      sql`SELECT g.principal FROM role_grants g JOIN users u ON u.id = g.user_id
          WHERE u.username = 'dp_leader' AND g.role = 'leader'`,
    );
    expect(principal.principal).toBe(true);
  });
});
