// The caseworker's day: find a person, register a new one (fixing a wrong personnummer
// without retyping anything), and the unit manager sees the reads in Loggutdrag.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type App,
  expectAccessible,
  expectHeading,
  launchBrowser,
  login,
  newPage,
  startApp,
  validPersonalIdentityNumber,
  withWrongChecksum,
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

async function signedIn(username: string, heading: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, app, username);
  await expectHeading(page, heading);
  return page;
}

describe('Personer', () => {
  test('socialsekreteraren registrerar en person, rättar ett felaktigt personnummer och hamnar på personsidan', async () => {
    const page = await signedIn('erik', 'Mina personer');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Registrera person' })
      .click();
    await expectHeading(page, 'Registrera person');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectAccessible(page);

    const pin = validPersonalIdentityNumber();
    await page.getByLabel('Personnummer').fill(withWrongChecksum(pin));
    await page.getByLabel('Förnamn').fill('Amira');
    await page.getByLabel('Efternamn').fill('Testsson');
    await page.getByLabel('Gatuadress').fill('Storgatan 12');
    await page.getByLabel('Postnummer').fill('41301');
    await page.getByLabel('Ort').fill('Älvstad');
    await page.getByRole('button', { name: 'Registrera person' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const fieldError =
      (await page.locator('#personalIdentityNumber-error').textContent())?.replace(/^Fel: /, '') ?? '';
    expect(fieldError.length).toBeGreaterThan(0);
    // The summary links to the field with the same words as beside it.
    const link = summary.getByRole('link', { name: fieldError, exact: true });
    expect(await link.getAttribute('href')).toBe('#personalIdentityNumber');
    expect(await page.getByLabel('Personnummer').getAttribute('aria-invalid')).toBe('true');
    // Nothing the user typed is lost.
    expect(await page.getByLabel('Förnamn').inputValue()).toBe('Amira');
    expect(await page.getByLabel('Postnummer').inputValue()).toBe('41301');
    await expectAccessible(page);

    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('personalIdentityNumber');
    await page.getByLabel('Personnummer').fill(pin);
    await page.getByRole('button', { name: 'Registrera person' }).click();

    await expectHeading(page, 'Amira Testsson');
    await page.getByText('Personen är registrerad.').waitFor();
    expect(await page.locator('main').textContent()).toContain('Storgatan 12');
    await expectAccessible(page);

    // The new person is in the list and can be found by search.
    await page.getByRole('link', { name: 'Tillbaka till listan' }).click();
    await expectHeading(page, 'Mina personer');
    await page.getByLabel('Sök person').fill('Testsson');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('link', { name: 'Amira Testsson' }).waitFor();
    await page.context().close();
  });

  test('en tom registrering visar alla fel på en gång', async () => {
    const page = await signedIn('erik', 'Mina personer');
    await page.goto(`${app.url}/persons/new`);
    await expectHeading(page, 'Registrera person');
    await page.getByRole('button', { name: 'Registrera person' }).click();
    await page.locator('.error-summary').waitFor();
    const links = await page.locator('.error-summary a').count();
    expect(links).toBeGreaterThanOrEqual(3);
    await expectAccessible(page);
    await page.context().close();
  });

  test('socialsekreteraren öppnar en person och enhetschefen hittar läsningen i Loggutdrag', async () => {
    const erik = await signedIn('erik', 'Mina personer');
    await expectAccessible(erik);
    const firstLink = erik
      .locator('main table tbody tr')
      .filter({ hasNotText: 'Skyddad identitet' })
      .first()
      .locator('th a');
    const name = (await firstLink.textContent()) ?? '';
    expect(name).not.toBe('');
    await firstLink.click();
    await expectHeading(erik, name);
    await expectAccessible(erik);
    await erik.context().close();

    const maria = await signedIn('maria', 'Enhetens personer');
    await expectAccessible(maria);
    await maria
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Loggutdrag' })
      .click();
    await expectHeading(maria, 'Loggutdrag');
    await expectAccessible(maria);

    const erikOption = maria.locator('#userId option', { hasText: 'Erik' });
    await erikOption.waitFor({ state: 'attached' });
    await maria
      .getByLabel('Användare', { exact: true })
      .selectOption((await erikOption.getAttribute('value')) ?? '');
    await maria.getByRole('button', { name: 'Visa logg' }).click();

    const readRow = maria.locator('main table tbody tr', { hasText: 'Läste' }).filter({ hasText: name });
    await readRow.first().waitFor();
    expect(await readRow.first().textContent()).toContain('Erik');
    await expectAccessible(maria);
    await maria.context().close();
  });

  test('Loggutdrag visar fel för ett datum i fel ordning och behåller det inskrivna', async () => {
    const page = await signedIn('maria', 'Enhetens personer');
    await page.goto(`${app.url}/access-log`);
    await expectHeading(page, 'Loggutdrag');
    await page.getByLabel('Från och med').fill('2026-03-10');
    await page.getByLabel('Till och med').fill('2026-03-01');
    await page.getByRole('button', { name: 'Visa logg' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /före från och med/ })
      .waitFor();
    expect(await page.getByLabel('Från och med').inputValue()).toBe('2026-03-10');
    await page.context().close();
  });

  test('coachen utan deltagare får en förklaring', async () => {
    const page = await signedIn('sara', 'Mina deltagare');
    const main = (await page.locator('main').textContent()) ?? '';
    if (!main.includes('Du har inga deltagare ännu')) {
      // Once referrals exist in the demo data, the list shows them instead (beside the referral queue).
      await page.getByRole('table', { name: 'Mina deltagare' }).waitFor();
    }
    await expectAccessible(page);
    await page.context().close();
  });

  test('nämnden ser översikten, där små tal visas som – med förklaring', async () => {
    const page = await signedIn('nils', 'Översikt');
    await page.locator('main table').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    if (text.includes('–')) expect(text).toContain('färre än 5, visas inte');
    await expectAccessible(page);
    await page.context().close();
  });

  test('en roll utan tillgång till persondata får inte se en personsida', async () => {
    const page = await signedIn('adam', 'Administration');
    await page.getByRole('heading', { name: 'Användare' }).waitFor();
    await page.goto(`${app.url}/persons/new`);
    await expectHeading(page, 'Du har inte behörighet att se det här.');
    await page.context().close();
  });
});
