/// <reference lib="dom" />
// Issue 6 in a real Chromium against a real server with the demo county 青禾县: the inspection
// office uploads two small rosters written here (three fictional people of 柳塘村 marked 健康, two of
// them on the disability roster) and runs the poverty pack; the 东坪镇 clerk verifies both hits as
// 属实 (seeing masked ID numbers), attaching a photo as evidence, and finds a person by his whole ID
// number; the office turns the rule into a ledger problem of the demo
// inspection; the clerk marks them 已整改 and the live counts follow. Screenshots go to
// .artifacts/screenshots/.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkCharacter } from '@zhenggai/checks';
import { newSession, pickOption, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

const demo = useDemoServer();

const RULE = 'disability-marked-healthy';
const INSPECTION = '县委第二巡察组对东坪镇党委常规巡察';
const id = (body17: string) => body17 + checkCharacter(body17);
// Fictional people; 110101 is a valid region code, the birth dates are real dates.
const PEOPLE = [
  { id: id('11010119700405123'), name: '柳一鸣', household: 'LT001', relation: '户主', size: 2 },
  { id: id('11010119951120234'), name: '柳二禾', household: 'LT001', relation: '子女', size: 2 },
  { id: id('11010119820617345'), name: '柳三川', household: 'LT002', relation: '户主', size: 1 },
];
const DISABLED = [PEOPLE[0]!, PEOPLE[2]!];

const HOUSEHOLDS =
  '户编号,身份证号,姓名,与户主关系,所属村,健康状况,劳动能力,务工收入,家庭人口数\n' +
  PEOPLE.map((p) => `${p.household},${p.id},${p.name},${p.relation},柳塘村,健康,普通劳动力,0,${p.size}`).join(
    '\n',
  ) +
  '\n';
const DISABILITY =
  '身份证号,残疾等级\n' + DISABLED.map((p, i) => `${p.id},${i === 0 ? '二级' : '三级'}`).join('\n') + '\n';

function isoInDays(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// The smallest valid PNG (1×1 pixel): evidence is typed by its first bytes.
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const hitRow = (page: Page, name: string) => page.locator(`[data-testid=hit-row][data-hit-name="${name}"]`);

/** The clerk marks every listed person with `button` (hit-confirm / hit-rectified). */
async function verifyAll(page: Page, button: string, expected: string) {
  for (const person of DISABLED) {
    const row = hitRow(page, person.name);
    await row.locator(`[data-testid=${button}]`).click();
    await expect.poll(() => row.locator('[data-testid=hit-outcome]').innerText()).toBe(expected);
  }
}

describe('verification loop (real Chromium, real server)', () => {
  it('rosters → run → the village clerk verifies → a ledger problem with live counts', async () => {
    // 1. The office uploads the two rosters and runs the pack.
    const officeContext = await newSession(demo.browser, demo.server.url);
    const office = await officeContext.newPage();
    await signIn(office, 'office');
    await office.goto('/verification');
    await office.locator('[data-testid=new-run]').waitFor();
    // The pack's rules are listed read-only, with the SQL each compiles to on the chosen engine.
    const packRules = office.locator('[data-testid=pack-rules]');
    await expect.poll(() => packRules.locator('[data-testid=pack-rule]').count()).toBe(12);
    await packRules.getByText('PostgreSQL', { exact: true }).click();
    const expired = packRules.locator('[data-testid=pack-rule][data-rule-id=post-contract-expired]');
    await expired.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => packRules.locator('[data-testid=rule-sql]').innerText()).toContain('$1');
    // A user's rule file is checked as soon as it is chosen; an error names its line.
    await office.locator('[data-testid=custom-rules] input[type=file]').setInputFiles({
      name: '我的规则.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'version: 1\nrules:\n  - id: no-name\n    class: 缺项\n    title: 缺姓名\n    roster: households\n    where: { column: nam, empty: true }\n    reason: 缺姓名\n',
      ),
    });
    await expect
      .poll(() => office.locator('[data-testid=custom-rules-bad]').innerText())
      .toContain('我的规则.yaml 第 7 行');
    // Corrected, it runs with the pack (no one here lacks a name: no extra hits).
    await office.locator('[data-testid=custom-rules] input[type=file]').setInputFiles({
      name: '我的规则.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'version: 1\nrules:\n  - id: no-name\n    class: 缺项\n    title: 缺姓名\n    roster: households\n    where: { column: name, empty: true }\n    reason: 缺姓名\n',
      ),
    });
    await expect.poll(() => office.locator('[data-testid=custom-rules-ok]').innerText()).toContain('13');
    await office.locator('[data-testid=roster-households] input[type=file]').setInputFiles({
      name: '家庭成员.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HOUSEHOLDS, 'utf8'),
    });
    await office.locator('[data-testid=roster-disability] input[type=file]').setInputFiles({
      name: '残疾人.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(DISABILITY, 'utf8'),
    });
    await office.locator('[data-testid=run-start]').click();
    const done = office.locator('[data-testid=run-done]');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.innerText()).toContain('共 2 条疑点');
    expect(await done.innerText()).toContain('户籍/家庭成员：读入 3 行');

    // The new run is selected: its rule has 2 hits, both 待核实; rules without rosters are skipped.
    const rule = office.locator(`[data-testid=rule-row][data-rule-id=${RULE}]`);
    await expect.poll(() => rule.locator('[data-testid=rule-hit-count]').innerText()).toBe('2');
    await expect
      .poll(() => office.locator('[data-testid=rule-row][data-rule-id=no-name]').innerText())
      .toContain('缺姓名');
    expect(await office.locator('[data-testid=rule-row][data-rule-id=owns-vehicle]').innerText()).toContain(
      '已跳过',
    );
    await rule.locator('[data-testid=rule-open]').click();
    await expect.poll(() => office.locator('[data-testid=rule-hits] [data-testid=hit-row]').count()).toBe(2);
    // The office sees full ID numbers.
    expect(await hitRow(office, PEOPLE[0]!.name).innerText()).toContain(PEOPLE[0]!.id);
    // Nothing verified yet: the rule cannot become a problem.
    expect(await office.locator('[data-testid=promote]').isDisabled()).toBe(true);
    await screenshot(office, '60-verification-run');

    // 2. The 东坪镇 clerk sees his village's hits, masked, and marks both 属实.
    const clerkContext = await newSession(demo.browser, demo.server.url, 768, 1000);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'dp_clerk');
    await clerk.goto('/verification');
    await clerk.locator('[data-testid=clerk-tasks]').waitFor();
    await expect.poll(() => clerk.locator('[data-testid=hit-row]').count()).toBe(2);
    const masked = await hitRow(clerk, PEOPLE[0]!.name).innerText();
    expect(masked).not.toContain(PEOPLE[0]!.id);
    expect(masked).toContain(`${PEOPLE[0]!.id.slice(0, 6)}********${PEOPLE[0]!.id.slice(-4)}`);
    // 不属实 without a reason is refused on the spot.
    await hitRow(clerk, PEOPLE[0]!.name).locator('[data-testid=hit-not-true]').click();
    await hitRow(clerk, PEOPLE[0]!.name).getByRole('alert').waitFor();
    // The keyboard reaches the buttons: from the note, Tab goes to 属实.
    await hitRow(clerk, PEOPLE[0]!.name).locator('[data-testid=hit-note]').focus();
    await clerk.keyboard.press('Tab');
    expect(await clerk.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe(
      'hit-confirm',
    );
    // Evidence goes with the verdict: a photo for the first person, listed as a link that downloads.
    await hitRow(clerk, PEOPLE[0]!.name)
      .locator('[data-testid=hit-evidence-upload] input[type=file]')
      .setInputFiles({ name: '核实照片.png', mimeType: 'image/png', buffer: PNG_1PX });
    await verifyAll(clerk, 'hit-confirm', '属实');
    const link = hitRow(clerk, PEOPLE[0]!.name).locator('[data-testid=hit-evidence-link]');
    await expect.poll(() => link.innerText()).toContain('核实照片.png');
    const file = await clerk.request.get(demo.server.url + (await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PNG_1PX)).toBe(true);
    expect(await hitRow(clerk, PEOPLE[2]!.name).locator('[data-testid=hit-evidence-link]').count()).toBe(0);
    // The server searches: a whole ID number finds its person (still shown masked).
    await clerk.locator('[data-testid=hits-search] input').fill(PEOPLE[2]!.id);
    await clerk.locator('[data-testid=hits-search] input').press('Enter');
    await expect.poll(() => clerk.locator('[data-testid=hit-row]').count()).toBe(1);
    expect(await hitRow(clerk, PEOPLE[2]!.name).innerText()).not.toContain(PEOPLE[2]!.id);
    await clerk.locator('[data-testid=hits-search] input').fill('');
    await clerk.locator('[data-testid=hits-search] input').press('Enter');
    await expect.poll(() => clerk.locator('[data-testid=hit-row]').count()).toBe(2);
    await screenshot(clerk, '61-verification-clerk-768');

    // 3. The office turns the rule into a problem of the demo inspection.
    await office.reload();
    await rule.locator('[data-testid=rule-open]').click();
    await expect
      .poll(() => office.locator('[data-testid=rule-hits] [data-testid=hit-outcome]').allInnerTexts())
      .toEqual(['属实', '属实']);
    expect(
      await hitRow(office, PEOPLE[0]!.name).locator('[data-testid=hit-evidence-link]').innerText(),
    ).toContain('核实照片.png');
    await office.locator('[data-testid=promote]').click();
    await pickOption(office, '#inspectionId', INSPECTION);
    await pickOption(office, '#unitId', '柳塘村');
    const deadline = office.locator('#deadline');
    await deadline.click();
    await deadline.fill(isoInDays(30));
    await deadline.press('Enter');
    await office.locator('[data-testid=promote-ok]').click();
    const counts = office.locator('[data-testid=live-counts]');
    await expect.poll(() => counts.innerText()).toBe('已整改 0/2');
    await screenshot(office, '62-verification-promoted');

    // 4. The clerk rectifies both; the office's live counts follow.
    await clerk.reload();
    await expect.poll(() => clerk.locator('[data-testid=hit-row]').count()).toBe(2);
    await verifyAll(clerk, 'hit-rectified', '已整改');
    await office.reload();
    await rule.locator('[data-testid=rule-open]').click();
    await expect.poll(() => counts.innerText()).toBe('已整改 2/2');

    // 5. The link leads to the inspection, where the new problem is listed with its source.
    await office.locator('[data-testid=promoted-link]').click();
    await office.waitForURL(/\/inspections\/\d+$/);
    await office.getByText('数据比对：残疾人标识为健康').first().waitFor();

    await clerkContext.close();
    await officeContext.close();
  }, 240_000);
});
