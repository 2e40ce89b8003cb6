/// <reference lib="dom" />
// Issue 4 in a real Chromium against a real server with the demo county 青禾县: the inspection
// office pastes a (made-up) feedback report, merges two measures the parser kept apart, creates
// the inspection from it, finds the right counts on the inspection's page, and downloads the
// public 整改情况通报 as .docx. Screenshots go to .artifacts/screenshots/.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newSession, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

const demo = useDemoServer();

const stamp = Date.now().toString(36).slice(-5);
const TITLE = `关于县委第二巡察组巡察东坪镇党委反馈意见整改进展情况的通报（测试${stamp}）`;

// Written for this test: a small township report in the usual shape, 2 categories, 3 problems,
// 6 measures, its own totals stated in the opening paragraph.
const FEEDBACK = `${TITLE}

按照县委统一部署，2025年4月7日至6月13日，县委第二巡察组对东坪镇党委开展了常规巡察。7月2日，巡察组向东坪镇党委反馈了巡察意见。镇党委对照反馈意见，梳理出2个方面3个问题，制定整改措施6条。

一、整改工作总体情况
镇党委召开专题会议研究部署，成立由党委书记任组长的整改工作领导小组。

二、反馈问题整改落实情况
（一）落实惠民惠农政策方面
1.耕地地力补贴面积核实不细。抽查两个村的补贴清册，部分地块面积与确权数据不一致。整改情况：一是农业服务中心逐村复核补贴面积；二是建立补贴面积季度比对台账；三是对多报面积的农户追回多发资金。
2.村级公益岗位管理松散。个别公益岗位人员长期不到岗。整改情况：一是清理不在岗人员并重新核定岗位。
（二）基层党组织建设方面
3.村党支部组织生活不规范。部分支部主题党日活动记录简单。整改情况：一是开展支部书记轮训；二是镇党建办每月抽查活动记录。

三、下一步打算
坚持目标不变、标准不降，巩固整改成果。

欢迎广大干部群众对整改落实情况进行监督。联系电话：0000-7654321；电子邮箱：qinghe-dongping@example.org。`;

describe('document import and reports (real Chromium, real server)', () => {
  it('paste → correct (merge two measures) → create → the inspection counts → 通报 .docx', async () => {
    const context = await newSession(demo.browser, demo.server.url);
    const page = await context.newPage();
    await signIn(page, 'office');

    // 1. Paste the text and parse it.
    await page.goto('/documents/import');
    await page.locator('[data-testid=doc-mode-text]').click();
    await page.locator('[data-testid=doc-paste]').fill(FEEDBACK);
    await page.locator('[data-testid=doc-parse]').click();
    await page.locator('[data-testid=doc-structure]').waitFor();

    // 2. Side by side: the pasted text on the left, the structure on the right.
    expect(await page.locator('[data-testid=doc-source]').innerText()).toContain('耕地地力补贴面积核实不细');
    expect(await page.locator('[data-testid=doc-title]').inputValue()).toBe(TITLE);
    const problems = page.locator('[data-testid=doc-problem]');
    expect(await problems.count()).toBe(3);
    expect(await page.locator('[data-testid=doc-measure]').count()).toBe(6);
    const totals = page.locator('[data-testid=doc-totals]');
    expect(await totals.innerText()).toContain('文中称3个问题，当前3个问题');
    expect(await totals.innerText()).toContain('文中称6条措施，当前6条措施');
    await screenshot(page, '20-document-preview');

    // 3. Merge the first problem's second measure into its first: 3 measures become 2.
    const first = problems.first();
    expect(await first.locator('[data-testid=doc-measure]').count()).toBe(3);
    await first.locator('[data-testid=doc-merge]').nth(1).click();
    await expect.poll(() => first.locator('[data-testid=doc-measure]').count()).toBe(2);
    expect(await first.locator('[data-testid=doc-measure]').first().inputValue()).toBe(
      '农业服务中心逐村复核补贴面积；建立补贴面积季度比对台账',
    );
    // The document said 6; there are 5 now, and the panel says so.
    await expect.poll(() => totals.innerText()).toContain('文中称6条措施，当前5条措施');

    // The keyboard reaches the controls: the merge button of the remaining second measure.
    await first.locator('[data-testid=doc-measure]').nth(1).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe(
      'doc-merge',
    );
    await screenshot(page, '21-document-merged');

    // 4. Choose the unit (found from "东坪镇党委" in the opening sentence), check, create.
    await page.locator('[data-testid=doc-next]').click();
    await expect.poll(() => page.locator('form .ant-select').first().innerText()).toBe('东坪镇');
    await page.locator('[data-testid=doc-check]').click();
    const checked = page.locator('[data-testid=doc-checked]');
    await checked.waitFor();
    expect(await checked.innerText()).toContain('2 个类别，3 个问题，5 条措施');
    await page.locator('[data-testid=doc-create]').click();
    await page.locator('[data-testid=doc-done]').waitFor();
    expect(await page.locator('[data-testid=doc-done]').innerText()).toContain('已导入 3 个问题、5 条措施');
    await screenshot(page, '22-document-created');

    // 5. The new inspection's page shows what was created.
    await page.locator('[data-testid=doc-open-inspection]').click();
    await page.waitForURL(/\/inspections\/\d+$/);
    const inspectionId = Number(/\/inspections\/(\d+)$/.exec(page.url())![1]);
    await page.locator('[data-testid=inspection-title]').getByText(TITLE).waitFor();
    await expect
      .poll(() => page.locator('[data-testid=inspection-summary]').innerText())
      .toContain('2 个类别，3 个问题，5 条措施');
    expect(await page.locator('main').innerText()).toContain('村级公益岗位管理松散');

    // 6. The public 通报 as .docx: through the button when the page carries it, and the address.
    const button = page.locator('[data-testid=report-tongbao]');
    if ((await button.count()) > 0) {
      await button.click();
      const dialog = page.locator('.ant-modal', { hasText: '生成整改情况通报' });
      await dialog.locator('[data-testid=report-phone]').fill('0000-7654321');
      await page.waitForTimeout(300);
      await screenshot(page, '23-report-dialog', false);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.locator('[data-testid=report-generate]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const saved = readFileSync((await download.path())!);
      expect(saved.length).toBeGreaterThan(1000);
      expect(saved.subarray(0, 2).toString()).toBe('PK');
    }
    const response = await page.request.get(
      `/api/inspections/${inspectionId}/report/tongbao?phone=${encodeURIComponent('0000-7654321')}`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('wordprocessingml');
    const body = await response.body();
    expect(body.length).toBeGreaterThan(1000);
    expect(body.subarray(0, 2).toString()).toBe('PK');
    await context.close();
  }, 180_000);
});
