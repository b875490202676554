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

/** The first day of next month in Sweden: where the browser starts a new draft. */
function nextMonthStart(): string {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

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
    const personPage = erik.url();
    await erik.getByRole('link', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Registrera ansökan');
    await erik.getByRole('button', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Nyansökan, Sara Hushållsdotter, november 2026');

    const household = erik.getByRole('region', { name: 'Hushåll' });
    await household.getByText('Hushållet saknar utbetalningskonto').waitFor();
    expect(await erik.getByTestId('payout-account').textContent()).toBe('Saknas');

    // A partner who is not registered yet, added from the keyboard.
    await household.getByRole('button', { name: 'Lägg till person i hushållet' }).click();
    await expect.poll(() => focusedText(erik)).toBe('Lägg till person i hushållet');
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
    // Focus is back on the button that opened the form, once the form has closed (the table may
    // show the new member a moment before).
    await expect.poll(() => focusedText(erik)).toBe('Lägg till person i hushållet');

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

    // In December the partner no longer lives there.
    await household.getByLabel('Hushållet under månaden').fill('2026-12');
    await household.getByRole('button', { name: 'Visa månaden' }).click();
    const december = household.getByRole('table', { name: 'Hushållets medlemmar i december 2026' });
    await december.getByRole('rowheader', { name: 'Sara Hushållsdotter' }).waitFor();
    expect(await december.getByRole('rowheader', { name: 'Omar Hushållsson' }).count()).toBe(0);

    // The same household on Sara's page.
    await erik.goto(personPage);
    await expectHeading(erik, 'Sara Hushållsdotter');
    await erik
      .getByRole('region', { name: 'Hushåll' })
      .getByTestId('payout-account')
      .filter({ hasText: 'SE45 5000 0000 0583 9825 7466' })
      .waitFor();
    await expectAccessible(erik);
  });
});

describe('Riktlinjer', () => {
  test('Maria gör ett utkast med tak för hushållsel och antar det; regionens riktlinje visas med kommunens antagande', async () => {
    const maria = await newPage(browser);
    await login(maria, app, 'maria');
    await maria.getByRole('link', { name: 'Riktlinjer' }).click();
    await expectHeading(maria, 'Riktlinjer');
    const list = maria.getByRole('table', { name: 'Riktlinjer för kommunen' });
    await list.getByRole('row').filter({ hasText: 'Gemensam riktlinje för Fyrkantskommunerna' }).waitFor();
    expect(await mainText(maria)).toContain('Antagen, version 2');
    await expectAccessible(maria);

    // The region's set: read-only for the municipality, adopted by it.
    await maria.getByRole('link', { name: /Gemensam riktlinje för Fyrkantskommunerna/ }).click();
    await expectHeading(maria, /Gemensam riktlinje för Fyrkantskommunerna/);
    await maria
      .getByTestId('adoption-status')
      .filter({ hasText: 'Kommunen antog riktlinjen 2023-12-04' })
      .waitFor();
    expect(await maria.getByRole('button', { name: 'Nytt utkast' }).count()).toBe(0);
    await maria.getByRole('heading', { name: 'Innehåll i version 2' }).waitFor();
    expect(await mainText(maria)).toContain('4.3 Hushållsel');
    await expectAccessible(maria);

    // Älvstad adopts it again with a local deviation for home insurance.
    await maria.getByRole('button', { name: 'Ändra antagandet och de lokala avvikelserna' }).click();
    await maria.getByLabel('Beslutsdatum').fill('2026-11-20');
    await maria.getByRole('button', { name: 'Lägg till lokal avvikelse' }).click();
    const deviation = maria.getByRole('group', { name: /^Avsnitt/ });
    await deviation.getByLabel('Avsnittets nummer').fill('4.5');
    await deviation.getByLabel('Rubrik').fill('Hemförsäkring (Älvstad)');
    await deviation.getByLabel('Text', { exact: true }).fill('Älvstad godtar hemförsäkring upp till 300 kr.');
    await maria.getByRole('button', { name: 'Lägg till tak' }).click();
    await maria.getByLabel('Kostnad').selectOption({ label: 'Hemförsäkring' });
    await maria.getByLabel('Tak i kronor per månad').fill('300');
    await expectAccessible(maria);
    await maria.getByRole('button', { name: 'Spara antagandet' }).click();
    await maria
      .getByTestId('adoption-status')
      .filter({ hasText: 'Kommunen antog riktlinjen 2026-11-20' })
      .waitFor();
    expect(await mainText(maria)).toContain(
      '4.5 Hemförsäkring (Älvstad): Älvstad godtar hemförsäkring upp till 300 kr.',
    );

    // The municipality's own set: created, drafted, checked, adopted.
    await maria.getByRole('link', { name: 'Alla riktlinjer' }).click();
    await expectHeading(maria, 'Riktlinjer');
    await maria.getByLabel('Namn').fill('Älvstads riktlinje för ekonomiskt bistånd');
    await maria.getByRole('button', { name: 'Skapa riktlinje' }).click();
    await expectHeading(maria, 'Älvstads riktlinje för ekonomiskt bistånd');
    await maria.getByRole('button', { name: 'Nytt utkast' }).click();
    await maria.getByRole('heading', { name: 'Ändra utkastet (version 1)' }).waitFor();
    const validFrom = nextMonthStart();
    expect(await maria.getByLabel('Gäller från').inputValue()).toBe(validFrom);
    await maria.getByLabel('Avsnittets nummer').fill('4.3');
    await maria.getByLabel('Rubrik').fill('Hushållsel');
    await maria.getByLabel('Text', { exact: true }).fill('Hushållsel godtas upp till taket per månad.');
    await maria.getByRole('button', { name: 'Lägg till tak' }).click();
    await maria.getByLabel('Kostnad').selectOption({ label: 'Hushållsel' });
    expect(await maria.getByLabel('Avsnitt som anger taket').inputValue()).toBe('4.3');
    // An amount that is not kronor is refused beside the field.
    await maria.getByLabel('Tak i kronor per månad').fill('sjuhundra');
    await maria.getByRole('button', { name: 'Spara utkastet' }).click();
    await maria.locator('#caps-0-amount-error').filter({ hasText: 'Ange beloppet i kronor' }).waitFor();
    await maria.getByLabel('Tak i kronor per månad').fill('700');
    await maria.getByRole('button', { name: 'Spara utkastet' }).click();
    await maria.getByText('Utkastet är sparat.').waitFor();
    await expectAccessible(maria);

    await maria.getByLabel('Beslutsdatum').fill('2026-11-23');
    await maria.getByLabel('Ses över senast').fill('2026-11-01');
    await maria.getByRole('button', { name: 'Anta versionen' }).click();
    await maria.locator('#reviewOn-error').filter({ hasText: 'efter datum för antagande' }).waitFor();
    await maria.getByLabel('Ses över senast').fill('2028-11-23');
    await maria.getByRole('button', { name: 'Anta versionen' }).click();
    await maria
      .getByTestId('guideline-in-force')
      .filter({ hasText: `Version 1 från ${validFrom}, antagen 2026-11-23 av Socialnämnden` })
      .waitFor();
    await maria.getByRole('heading', { name: 'Innehåll i version 1' }).waitFor();
    expect(await mainText(maria)).toContain('700 kr');
    await expectAccessible(maria);

    await maria.getByRole('link', { name: 'Alla riktlinjer' }).click();
    await list
      .getByRole('row')
      .filter({ hasText: 'Älvstads riktlinje för ekonomiskt bistånd' })
      .filter({ hasText: 'Antagen, version 1' })
      .filter({ hasText: '2028-11-23' })
      .waitFor();
  });
});
