// The labour-market unit's registers in the staff app: the insats catalogue with its wait list
// and the forms that keep it. Every new page is checked with axe.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type App,
  expectAccessible,
  expectHeading,
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

async function signedIn(username: string, heading: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, app, username);
  await expectHeading(page, heading);
  return page;
}

/** Text with the non-breaking spaces of amounts as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

function mainText(page: Page): Promise<string> {
  return text(page.locator('main'));
}

describe('Insatskatalogen', () => {
  test('coachen ser kommunens och regionens insatser, kön till en insats och lägger till en ny', async () => {
    const page = await signedIn('sara', 'Mina deltagare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Insatskatalog' })
      .click();
    await expectHeading(page, 'Insatskatalog');
    const table = page.getByRole('table', { name: 'Insatskatalog' });
    const own = table.getByRole('row', { name: /Arbetsträning på Återbruket/ });
    expect(await text(own)).toContain('Älvstads kommun');
    expect(await text(own)).toContain('Kommunen');
    const region = table.getByRole('row', { name: /Sfi med språkpraktik/ });
    expect(await text(region)).toContain('Fyrkantens samverkansområde');
    expect(await text(region)).toContain('12 000 kr');
    expect(await text(region)).toContain('Inskriven på sfi');
    await expectAccessible(page);

    // The wait list of the full insats, longest wait first.
    await own.getByRole('link', { name: 'Arbetsträning på Återbruket' }).click();
    await expectHeading(page, 'Arbetsträning på Återbruket');
    const waitList = page.getByRole('table', { name: /Kö till Arbetsträning på Återbruket/ });
    await waitList.waitFor();
    const days = (await waitList.locator('tbody tr td:nth-of-type(2)').allTextContents()).map((text) =>
      Number.parseInt(text, 10),
    );
    expect(days.length).toBeGreaterThan(0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(await mainText(page)).toContain('0 lediga');
    await expectAccessible(page);

    // A region's insats is changed by the region.
    await page.goto(`${app.url}/insatser`);
    await expectHeading(page, 'Insatskatalog');
    await page.getByRole('link', { name: 'Sfi med språkpraktik' }).click();
    await expectHeading(page, 'Sfi med språkpraktik');
    await page.getByText(/ändras där, inte av kommunen/).waitFor();
    expect(await page.getByRole('button', { name: 'Spara ändringarna' }).count()).toBe(0);

    // A new insats: the form's own check and the server's, then the new entry.
    await page.goto(`${app.url}/insatser`);
    await expectHeading(page, 'Insatskatalog');
    await page.getByRole('link', { name: 'Lägg till insats' }).click();
    await expectHeading(page, 'Ny insats');
    await expectAccessible(page);
    await page.getByLabel('Kostnad per deltagare').fill('mycket');
    await page.getByRole('button', { name: 'Lägg till i katalogen' }).click();
    await page.locator('#insatsCost-error').waitFor();
    await page.getByLabel('Kostnad per deltagare').fill('4 500');
    await page.getByRole('button', { name: 'Lägg till i katalogen' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Ange insatsens namn' }).waitFor();
    expect(await page.locator('#insatsProvider-error').textContent()).toContain('anordnar');
    await expectAccessible(page);
    await page.getByLabel('Insats', { exact: true }).fill('Budgetrådgivning i grupp');
    await page.getByLabel('Typ av insats').selectOption({ label: 'Budget- och skuldrådgivning' });
    await page.getByLabel('Anordnare').fill('Konsument- och budgetrådgivningen, Älvstad');
    await page.getByLabel('Målgrupp').fill('Hushåll med skulder eller svårt att få ekonomin att gå ihop');
    await page.getByLabel('Behörighet').fill('Alla med försörjningsstöd');
    await page.getByLabel('Antal platser').fill('8');
    await page.getByLabel('Längd').fill('6');
    await page.getByLabel('Finansiering').selectOption({ label: 'Kommunen' });
    await page.getByRole('button', { name: 'Lägg till i katalogen' }).click();
    await expectHeading(page, 'Budgetrådgivning i grupp');
    expect(await mainText(page)).toContain('8 platser, 0 upptagna, 8 lediga');
    expect(await mainText(page)).toContain('4 500 kr');
    await page.getByText('Ingen väntar på plats.').waitFor();

    // The unit changes its own insats.
    await page.getByLabel('Antal platser').fill('10');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    expect(await mainText(page)).toContain('10 platser, 0 upptagna, 10 lediga');
    await expectAccessible(page);
    await page.context().close();
  });

  test('socialsekreteraren läser katalogen men ändrar den inte', async () => {
    const page = await signedIn('erik', 'Mina personer');
    await page.goto(`${app.url}/insatser`);
    await expectHeading(page, 'Insatskatalog');
    await page.getByRole('link', { name: 'Jobbcoachning' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Lägg till insats' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Arbetsträning på Återbruket' }).click();
    await expectHeading(page, 'Arbetsträning på Återbruket');
    await page.getByText(/Kön med namn visas för arbetsmarknadsenheten/).waitFor();
    expect(await page.getByRole('button', { name: 'Spara ändringarna' }).count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${app.url}/insatser/ny`);
    await page.getByRole('heading', { level: 1, name: /behörighet|Åtkomst|saknar/i }).waitFor();
    await page.context().close();
  });
});
