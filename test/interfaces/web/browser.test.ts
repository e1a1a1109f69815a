/**
 * The console end to end in real headless Chromium (Debian's `chromium`, driven by playwright-core with its
 * executablePath: never a browser download). Alice asks for a ban, approves it (write: self-approval allowed) and
 * sees the result and the audit row; then asks for a delete, which four-eyes refuses to her; Bob, in a second
 * browser context, approves it from the inbox, and it runs once. A user whose name is an HTML payload shows as
 * text. Screenshots go to .artifacts/web/ (not committed); figures are printed, never asserted.
 * Missing Chromium FAILS this file (`.ci/run` installs it): a green run must not hide an untested console.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { startWeb, type WebHandle } from '../../../src/interfaces/web/start.js';
import { createTestApp } from './support.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTIFACTS = path.resolve(import.meta.dirname, '../../../.artifacts/web');

let app: App;
let web: WebHandle;
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) {
    throw new Error('Chromium not found at /usr/bin/chromium: apt-get install -y chromium (.ci/run does this).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await createTestApp({ team: true });
  // A hostile display name in Clerk data: it must render as text.
  await app.clerk.request('POST', '/users', {
    body: { first_name: '<img src=x onerror=alert(1)>', last_name: 'Payload', email_address: ['payload@example.com'] },
  });
  web = await startWeb(app, { port: 0, tickMs: 250 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await app?.close();
});

async function openAs(name: 'alice' | 'bob'): Promise<{ page: Page; loadMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  const started = performance.now();
  await page.goto(web.url);
  await page.waitForSelector('body[data-ready="true"]');
  const loadMs = performance.now() - started;
  await page.selectOption('#who', name);
  await page.waitForFunction((n) => (document.querySelector('#who') as HTMLSelectElement).value === n, name);
  return { page, loadMs };
}

async function ask(page: Page, text: string) {
  await page.fill('#input', text);
  await page.click('#send');
  await page.waitForFunction(() => !(document.querySelector('#send') as HTMLButtonElement).disabled);
}

describe('web console in Chromium', () => {
  it('runs the team flow: ask, approve, result, audit; four-eyes across two identities', async () => {
    const alice = await openAs('alice');
    const { page } = alice;
    await ask(page, 'ban jane@example.com');
    const card = page.locator('#messages article.card', { hasText: 'Jane' }).last();
    await card.waitFor();
    await expect(card.locator('.requests code').first().textContent()).resolves.toMatch(
      /^POST \/users\/user_\w+\/ban$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'chat-with-card.png') });

    const clicked = performance.now();
    await card.locator('button.approve').click();
    await page.locator('.message.msg-summary', { hasText: /Done/ }).last().waitFor();
    const approveMs = performance.now() - clicked;
    const jane = (await app.clerk.request('GET', '/users', {
      query: { email_address: ['jane@example.com'] },
    })) as Array<{
      banned: boolean;
    }>;
    expect(jane[0]?.banned).toBe(true);

    await page.click('#tab-audit');
    const row = page.locator('#audit tbody tr', { hasText: 'clerk_user_ban' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/web:alice.*web:alice.*executed/);

    // Hostile Clerk data: shown as text, no element created from it.
    await page.click('#tab-chat');
    await ask(page, 'find payload@example.com');
    await page.locator('.message', { hasText: '<img src=x onerror=alert(1)>' }).first().waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    // A destructive change: four-eyes refuses Alice's own approval.
    await ask(page, 'delete noah@example.com');
    const deleteCard = page.locator('#messages article.card.destructive', { hasText: 'Noah' }).last();
    await deleteCard.waitFor();
    // The server announces the refused decision as a live update before it answers, and the update redraws the
    // card. CI once lost the refusal that way: it was written into the card the redraw had just replaced, and only
    // a later redraw could have shown it. Hold the answer until that first redraw is done and stop any later one
    // (card reads fail), so the refusal must reach the card on screen by itself.
    await deleteCard.evaluate((node) => node.setAttribute('data-clicked', ''));
    const cardRead = /\/api\/approvals\/cr_\w+$/;
    await page.route('**/decide', async (route) => {
      const response = await route.fetch();
      await page.waitForFunction(() => !document.querySelector('article.card[data-clicked]'));
      await page.route(cardRead, (read) => read.abort());
      await route.fulfill({ response });
    });
    await deleteCard.locator('button.approve').click();
    await page
      .locator('#messages article.card.destructive .refusal', { hasText: /four-eyes|someone else/i })
      .last()
      .waitFor();
    await page.unroute('**/decide');
    await page.unroute(cardRead);
    const deletes = () => app.sandbox!.requests.filter((r) => r.method === 'DELETE').length;
    const before = deletes();

    // Bob approves it from the inbox in another browser context.
    const bob = await openAs('bob');
    await bob.page.click('#tab-inbox');
    const inboxCard = bob.page.locator('#inbox article.card.destructive', { hasText: 'Noah' });
    await inboxCard.waitFor();
    await bob.page.screenshot({ path: path.join(ARTIFACTS, 'inbox.png') });
    await inboxCard.locator('button.approve').click();
    await bob.page.locator('#inbox li', { hasText: 'Nothing is waiting' }).waitFor();
    await expect.poll(deletes, { timeout: 10_000 }).toBe(before + 1);

    // Alice's conversation gets the truthful summary by live update.
    await page.locator('.message.msg-summary', { hasText: /Done/ }).nth(1).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'after-four-eyes.png') });
    expect(deletes()).toBe(before + 1);

    // A narrow window still shows the composer and the cards.
    await page.setViewportSize({ width: 420, height: 800 });
    expect(await page.locator('#composer').isVisible()).toBe(true);

    console.log(
      `web console figures: page load to interactive ${alice.loadMs.toFixed(0)} ms (alice), ${bob.loadMs.toFixed(0)} ms (bob); ` +
        `Approve click to result shown ${approveMs.toFixed(0)} ms`,
    );
  }, 120_000);
});
