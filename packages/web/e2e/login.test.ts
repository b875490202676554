// Signing in: every demo role lands on its own start page, wrong credentials are explained,
// the whole flow works with the keyboard alone, and the language can be switched.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type App,
  expectAccessible,
  expectHeading,
  focusedText,
  launchBrowser,
  login,
  newPage,
  startApp,
} from './harness.ts';

let app: App;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Inloggning', () => {
  test.each([
    ['erik', 'Mina personer', 'Socialsekreterare'],
    ['lina', 'Mina personer', 'Socialsekreterare'],
    ['kim', 'Mina personer', 'Socialsekreterare'],
    ['sara', 'Mina deltagare', 'Arbetsmarknadscoach'],
    ['maria', 'Enhetens personer', 'Enhetschef'],
    ['nils', 'Översikt', 'Nämnd'],
    ['rut', 'Översikt', 'Revisor'],
    ['adam', 'Administration', 'Systemadministratör'],
  ])('%s loggar in och ser startsidan ”%s”', async (username, heading, role) => {
    const page = await newPage(browser);
    await login(page, app, username);
    await expectHeading(page, heading);
    expect(await page.title()).toBe(`${heading} – Stegvis`);
    expect(await page.locator('header').textContent()).toContain(role);
    await expectAccessible(page);
    await page.context().close();
  });

  test('fel lösenord visar en felsammanfattning som får fokus, och det inskrivna finns kvar', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await expectHeading(page, 'Logga in');
    await expectAccessible(page);
    await page.getByLabel('Användarnamn').fill('erik');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await summary.textContent()).toContain('Det finns ett problem');
    const link = summary.getByRole('link', {
      name: 'Fel användarnamn eller lösenord. Kontrollera och försök igen.',
    });
    await link.waitFor();
    expect(await page.locator('#password-error').textContent()).toContain(
      'Fel användarnamn eller lösenord. Kontrollera och försök igen.',
    );
    expect(await page.getByLabel('Användarnamn').inputValue()).toBe('erik');
    await expectAccessible(page);

    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.context().close();
  });

  test('tomma fält får var sitt fel', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await expectHeading(page, 'Logga in');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Ange ditt användarnamn' }).waitFor();
    await summary.getByRole('link', { name: 'Ange ditt lösenord' }).waitFor();
    await page.context().close();
  });

  test('det går att logga in med bara tangentbordet', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await expectHeading(page, 'Logga in');

    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Gå till huvudinnehållet');
    await page.keyboard.press('Enter');

    // From the main landmark, Tab reaches the username field first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');
    await page.keyboard.type('erik');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type('demo-stegvis');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Mina personer');
    // Focus moves to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.context().close();
  });

  test('en sida som kräver inloggning skickar till inloggningen och sedan tillbaka', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/persons/new`);
    await expectHeading(page, 'Logga in');
    await page.getByLabel('Användarnamn').fill('erik');
    await page.getByLabel('Lösenord').fill('demo-stegvis');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expectHeading(page, 'Registrera person');
    await page.context().close();
  });

  test('utloggning leder tillbaka till inloggningen', async () => {
    const page = await newPage(browser);
    await login(page, app, 'nils');
    await expectHeading(page, 'Översikt');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectHeading(page, 'Logga in');
    await page.getByText('Du är utloggad.').waitFor();
    await page.goto(`${app.url}/`);
    await expectHeading(page, 'Logga in');
    await page.context().close();
  });

  test('byte till engelska ändrar språket i gränssnittet och lang-attributet', async () => {
    const page = await newPage(browser);
    await login(page, app, 'erik');
    await expectHeading(page, 'Mina personer');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');

    await page.getByRole('button', { name: 'In English' }).click();
    await expectHeading(page, 'My people');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.locator('header').textContent()).toContain('Social worker');
    await expectAccessible(page);

    // The choice survives a reload, and switching back restores Swedish.
    await page.reload();
    await expectHeading(page, 'My people');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await expectHeading(page, 'Mina personer');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.context().close();
  });
});
