/// <reference lib="dom" />
// The public portal in a real Chromium against a real server with the demo county: the office
// publishes the 通报 of the 东坪镇 inspection; a citizen on a phone-sized screen (375 px) reads
// it, sends a message (the page solves the proof of work) and gets a tracking code; the office
// assigns it to 东坪镇; the 东坪镇 clerk answers; the citizen reads the answer with the code.
// Screenshots go to .artifacts/screenshots/.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makePng, newSession, pickOption, screenshot, signIn } from './browser.ts';
import { useDemoServer } from './demo-server.ts';

// A low difficulty through the production setting, so the test does not wait on the search.
process.env.ZHENGGAI_PUBLIC_POW_BITS = '10';

const INSPECTION = '县委第二巡察组对东坪镇党委常规巡察';
const MESSAGE = '东坪镇柳塘村的村务公开栏已经三个月没有更新，请督促整改。';
const ANSWER = '经核查情况属实，柳塘村已于本周更新村务公开栏，镇纪委将每月抽查。';

const demo = useDemoServer();

const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('public portal (real Chromium, real server)', () => {
  it('通报 → message with a code → assigned → answered → read with the code', async () => {
    // 1. The office publishes the 通报, drafted from the ledger.
    const office = await (await newSession(demo.browser, demo.server.url)).newPage();
    await signIn(office, 'office');
    await office.goto('/public-messages');
    await office.getByRole('tab', { name: '通报公开' }).click();
    await pickOption(office, '#pub-inspection', INSPECTION);
    await office.locator('[data-testid=pub-draft]').click();
    await expect.poll(() => office.locator('#pub-title').inputValue()).toContain('通报');
    const title = await office.locator('#pub-title').inputValue();
    await office.locator('[data-testid=pub-publish]').click();
    await office.getByText('已发布的通报').waitFor();
    await expect.poll(() => office.getByText(title, { exact: true }).count()).toBeGreaterThan(0);

    // 2. A citizen on a phone: the sign-in page links to the portal; no session needed.
    const citizen = await (await newSession(demo.browser, demo.server.url, 375, 740)).newPage();
    await citizen.goto('/');
    await citizen.locator('[data-testid=public-link]').click();
    await citizen.locator('[data-testid=publication-item]').first().waitFor();
    await citizen.getByRole('link', { name: title }).click();
    await expect.poll(() => citizen.locator('[data-testid=publication-title]').innerText()).toBe(title);
    expect(await citizen.locator('[data-testid=publication-body]').innerText()).toContain('整改');
    expect(await noSideways(citizen)).toBe(true);
    await screenshot(citizen, '70-public-publication-375');

    await citizen.locator('[data-testid=publication-feedback]').click();
    await pickOption(citizen, '#feedback-category', '意见建议', { search: false });
    await citizen.locator('#feedback-body').fill(MESSAGE);
    await citizen.locator('#feedback-contact').fill('13700000000');
    await citizen.locator('input[type=file]').setInputFiles({
      name: '公开栏.png',
      mimeType: 'image/png',
      buffer: makePng(),
    });
    expect(await noSideways(citizen)).toBe(true);
    await screenshot(citizen, '71-public-feedback-375');
    await citizen.locator('[data-testid=feedback-submit]').click();
    const codeBox = citizen.locator('[data-testid=tracking-code]');
    await codeBox.waitFor({ timeout: 60_000 });
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await noSideways(citizen)).toBe(true);
    await screenshot(citizen, '72-public-code-375');

    // 3. The office finds it and assigns it to 东坪镇 (due in one month by default).
    await office.goto('/public-messages');
    const row = office.locator('[data-testid=message-row]').filter({ hasText: '村务公开栏' });
    await row.getByRole('link').click();
    await expect.poll(() => office.locator('[data-testid=message-status]').innerText()).toBe('待分办');
    await expect.poll(() => office.getByRole('link', { name: '公开栏.png' }).count()).toBe(1);
    await pickOption(office, '#assign-unit', '东坪镇');
    await office.locator('[data-testid=assign-submit]').click();
    await expect.poll(() => office.locator('[data-testid=message-status]').innerText()).toBe('办理中');
    await screenshot(office, '73-public-message-office');

    // 4. The 东坪镇 clerk answers; the 西溪镇 clerk does not even see it.
    const other = await (await newSession(demo.browser, demo.server.url)).newPage();
    await signIn(other, 'xx_clerk');
    await other.goto('/public-messages');
    await other.locator('.ant-table').waitFor();
    await expect.poll(() => other.locator('[data-testid=message-row]').count()).toBe(0);

    const clerk = await (await newSession(demo.browser, demo.server.url, 768, 1000)).newPage();
    await signIn(clerk, 'dp_clerk');
    await clerk.goto('/public-messages');
    await clerk
      .locator('[data-testid=message-row]')
      .filter({ hasText: '村务公开栏' })
      .getByRole('link')
      .click();
    expect(await clerk.locator('[data-testid=message-body]').innerText()).toBe(MESSAGE);
    // The sender's contact stays with the office.
    expect(await clerk.locator('body').innerText()).not.toContain('13700000000');
    await clerk.locator('#answer-text').fill(ANSWER);
    await clerk.locator('[data-testid=answer-submit]').click();
    await expect.poll(() => clerk.locator('[data-testid=message-status]').innerText()).toBe('已答复');

    // 5. The citizen reads the answer with the code.
    await citizen.goto('/public/track');
    await citizen.locator('#track-code').fill(code.toLowerCase());
    await citizen.locator('[data-testid=track-submit]').click();
    await expect.poll(() => citizen.locator('[data-testid=track-answer]').innerText()).toBe(ANSWER);
    expect(await citizen.locator('[data-testid=track-status]').innerText()).toBe('已答复');
    expect(await noSideways(citizen)).toBe(true);
    await screenshot(citizen, '74-public-answer-375');

    // A wrong code reads as not found.
    await citizen.locator('#track-code').fill('AAAA-BBBB-CCCC-DDDD');
    await citizen.locator('[data-testid=track-submit]').click();
    await citizen.getByRole('alert').filter({ hasText: '查询码不存在' }).waitFor();
  });
});
