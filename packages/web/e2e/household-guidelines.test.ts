// The household register and the guideline editor in the browser: a caseworker adds a partner
// to a new applicant's household, sets the payout account (a wrong IBAN is refused beside the
// field) and sees who lived there when; a unit manager drafts a guideline version and adopts it.
import type { Browser, Page } from 'playwright-core';
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
  validPersonalIdentityNumber,
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

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

describe('Hushållet', () => {
  test('Erik lägger till en sambo och hushållets utbetalningskonto', async () => {
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');

    await erik.goto(`${app.url}/persons/new`);
    await expectHeading(erik, 'Registrera person');
    await erik.getByLabel('Personnummer').fill(validPersonalIdentityNumber());
    await erik.getByLabel('Förnamn').fill('Sara');
    await erik.getByLabel('Efternamn').fill('Hushållsdotter');
    await erik.getByLabel('Gatuadress').fill('Sjövägen 4');
    await erik.getByLabel('Postnummer').fill('41302');
    await erik.getByLabel('Ort').fill('Älvstad');
    await erik.getByRole('button', { name: 'Registrera person' }).click();
    await expectHeading(erik, 'Sara Hushållsdotter');
    await erik.getByText('Personen ingår inte i något hushåll').waitFor();
    await erik.getByRole('link', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Registrera ansökan');
    await erik.getByRole('button', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Nyansökan, Sara Hushållsdotter, november 2026');

    const household = erik.getByRole('region', { name: 'Hushåll' });
    await household.getByText('Hushållet saknar utbetalningskonto').waitFor();
    expect(await erik.getByTestId('payout-account').textContent()).toBe('Saknas');

    // A partner who is not registered yet, added from the keyboard.
    await household.getByRole('button', { name: 'Lägg till person i hushållet' }).click();
    expect(await focusedText(erik)).toBe('Lägg till person i hushållet');
    await erik.getByLabel('En ny person').check();
    await erik.getByLabel('Personnummer').fill(validPersonalIdentityNumber());
    await erik.getByLabel('Förnamn').fill('Omar');
    await erik.getByLabel('Efternamn').fill('Hushållsson');
    await erik.getByLabel('Roll i hushållet').selectOption({ label: 'Make, maka eller sambo' });
    expect(await erik.getByLabel('Första dag i hushållet').inputValue()).toBe('2026-11-01');
    await expectAccessible(erik);
    await erik.getByLabel('Efternamn').press('Enter');
    const members = household.getByRole('table', { name: 'Hushållets medlemmar i november 2026' });
    await members.getByRole('rowheader', { name: 'Omar Hushållsson' }).waitFor();
    expect(await members.getByRole('row').filter({ hasText: 'Omar Hushållsson' }).textContent()).toContain(
      'Make, maka eller sambo',
    );
    // Focus is back on the button that opened the form.
    expect(await focusedText(erik)).toBe('Lägg till person i hushållet');

    // A wrong check digit is refused beside the field, then the right account is saved.
    await household.getByRole('button', { name: 'Lägg in utbetalningskonto' }).click();
    await erik.getByLabel('Kontonummer som IBAN').fill('SE45 5000 0000 0583 9825 7467');
    await erik.getByRole('button', { name: 'Spara kontot' }).click();
    await erik
      .locator('#payoutAccount-error')
      .filter({ hasText: 'Kontrollsiffrorna i IBAN stämmer inte' })
      .waitFor();
    await expectAccessible(erik);
    await erik.getByLabel('Kontonummer som IBAN').fill('SE45 5000 0000 0583 9825 7466');
    await erik.getByRole('button', { name: 'Spara kontot' }).click();
    await erik.getByTestId('payout-account').filter({ hasText: 'SE45 5000 0000 0583 9825 7466' }).waitFor();
    expect(await mainText(erik)).not.toContain('Hushållet saknar utbetalningskonto');

    // Shared dwelling: a lodger makes three in the dwelling.
    await household.getByRole('button', { name: 'Ändra delat boende' }).click();
    await erik.getByLabel('Antal personer i bostaden').fill('3');
    await erik.getByRole('button', { name: 'Spara delat boende' }).click();
    await erik.getByTestId('shared-dwelling').filter({ hasText: 'Ja, 3 personer i bostaden' }).waitFor();

    // The partner moves out at the end of the month; the history keeps the period.
    await members.getByRole('button', { name: 'Avsluta medlemskap Omar Hushållsson' }).click();
    await erik.getByLabel('Sista dag i hushållet').fill('2026-11-30');
    await erik.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
    const history = household.getByRole('table', { name: 'Vem har bott i hushållet' });
    await history
      .getByRole('row')
      .filter({ hasText: 'Omar Hushållsson' })
      .filter({ hasText: '2026-11-30' })
      .waitFor();
    await expectAccessible(erik);
  });
});
