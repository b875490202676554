// Shared helpers for the browser tests: start the real server in-process, drive Chromium,
// sign in as a demo user and check every page with axe.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export type App = { url: string; close(): Promise<void> };

export const demoPassword = 'demo-stegvis';

/**
 * The real server on a loopback port, on a fresh copy of the seeded test database. A test that
 * moves time passes its own clock (the server runs in this process, so the clock is shared);
 * `history` adds the demo's past months (decisions, payments, plans) for the dashboard.
 */
export async function startApp(options: { clock?: () => Date; history?: boolean } = {}): Promise<App> {
  const { startTestServer } = (await import('@stegvis/server/testing')) as {
    startTestServer: (options: { clock?: () => Date; history?: boolean }) => Promise<App>;
  };
  return startTestServer(options);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Waits until the page's h1 reads `name` and nothing is still loading. */
export async function expectHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
}

export async function login(page: Page, app: App, username: string, password = demoPassword) {
  await page.goto(`${app.url}/login`);
  await expectHeading(page, 'Logga in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** The text of the element that has focus, to check where keyboard users land. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

/** A personnummer (ÅÅÅÅMMDD-NNNC) with a correct Luhn check digit, different every run. */
export function validPersonalIdentityNumber(): string {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const nine = `${String(year).slice(2)}${month}${day}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${year}${month}${day}-${serial}${check}`;
}

/** The same number with the check digit off by one. */
export function withWrongChecksum(pin: string): string {
  const last = Number(pin.at(-1));
  return `${pin.slice(0, -1)}${(last + 1) % 10}`;
}
