// Journey 1 (Amina) through the caseworker's screens: a new person, a nyansökan for the test
// month, investigation with rent and electricity and a check, the calculation (3 940 + 1 280 +
// 5 200 + 300 = 10 720 kr), a bifall decision with its letter as PDF, and the unit manager's
// monthly payment run, which pays the errand once however often it runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
} from './harness.ts';

let app: App;
let browser: Browser;
const workDir = mkdtempSync(join(tmpdir(), 'stegvis-case-flow-'));

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Text as people read it: Intl puts no-break spaces in "10 720 kr". */
async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function errandState(page: Page, state: string) {
  await page.getByTestId('errand-state').filter({ hasText: state }).waitFor();
}

describe('Ärendeflödet', () => {
  test('Amina: ansökan, utredning, beräkning 10 720 kr, bifall med beslutsbrev och en enda utbetalning', async () => {
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');

    // A new person, then an application from the person's page.
    await erik.goto(`${app.url}/persons/new`);
    await expectHeading(erik, 'Registrera person');
    await erik.getByLabel('Personnummer').fill(validPersonalIdentityNumber());
    await erik.getByLabel('Förnamn').fill('Amina');
    await erik.getByLabel('Efternamn').fill('Flödesson');
    await erik.getByLabel('Gatuadress').fill('Storgatan 12');
    await erik.getByLabel('Postnummer').fill('41301');
    await erik.getByLabel('Ort').fill('Älvstad');
    await erik.getByRole('button', { name: 'Registrera person' }).click();
    await expectHeading(erik, 'Amina Flödesson');

    await erik.getByRole('link', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Registrera ansökan');
    await erik.getByText('Personen finns inte i något hushåll').waitFor();
    expect(await erik.getByLabel('Typ av ansökan').inputValue()).toBe('newApplication');
    expect(await erik.getByLabel('Månad', { exact: true }).inputValue()).toBe('2026-11');
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Registrera ansökan' }).click();

    await expectHeading(erik, 'Nyansökan, Amina Flödesson, november 2026');
    await errandState(erik, 'Inkommen');

    await erik.getByRole('button', { name: 'Starta utredning' }).click();
    await errandState(erik, 'Under utredning');

    // Rent and electricity in kronor; the form keeps its place so the second is quick.
    await erik.getByLabel('Slag').selectOption({ label: 'Boendekostnad (hyra)' });
    await erik.getByLabel('Belopp i kronor per månad').fill('5 200');
    await erik.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await erik
      .getByRole('cell', { name: '5 200 kr' })
      .or(erik.getByRole('cell', { name: '5\u00a0200 kr' }))
      .waitFor();
    await erik.getByLabel('Slag').selectOption({ label: 'Hushållsel' });
    await erik.getByLabel('Belopp i kronor per månad').fill('300');
    await erik.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await erik.getByRole('cell', { name: '300 kr' }).waitFor();

    // A wrong file type is refused with a clear message beside the field.
    await erik.getByLabel('Välj fil').setInputFiles({
      name: 'hyresavtal.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('inte en pdf'),
    });
    await erik.getByRole('button', { name: 'Ladda upp' }).click();
    await erik
      .locator('#attachmentFile-error')
      .filter({ hasText: 'Filen måste vara PDF, JPEG eller PNG' })
      .waitFor();
    await expectAccessible(erik);

    await erik.getByLabel('Vad kontrollerades').selectOption({ label: 'Hyresavtal' });
    await erik.getByLabel('Källa').fill('Hyresavtal med Älvstadshem');
    await erik.getByLabel('Datum för kontrollen').fill('2026-11-20');
    await erik.getByRole('button', { name: 'Spara kontroll' }).click();
    await erik.getByText('kontrollerad 2026-11-20 i Hyresavtal med Älvstadshem, stämmer').waitFor();

    await erik.getByRole('button', { name: 'Klar för beslut' }).click();
    await errandState(erik, 'Klar för beslut');

    await erik.getByRole('button', { name: 'Beräkna' }).click();
    await erik
      .getByTestId('calculation-total')
      .filter({ hasText: /10\s720 kr/ })
      .waitFor();
    const calculation = await mainText(erik);
    expect(calculation).toContain('Personliga kostnader, ensamstående (riksnorm)');
    expect(calculation).toContain('3 940 kr');
    expect(calculation).toContain('1 280 kr');
    expect(calculation).toContain('SoF 2025:468 12 kap. 2 §');
    expect(calculation).toContain('SoL 2025:400 12 kap. 7 § första stycket 2');
    // The guideline sections for the rent and the electricity, with their caps, beside the calculation.
    const guidelines = erik.getByRole('complementary', { name: 'Riktlinjer som gäller' });
    await guidelines.getByRole('heading', { name: '4.3 Hushållsel' }).waitFor();
    expect(await guidelines.textContent()).toContain('4.2 Boendekostnad');
    expect(await guidelines.textContent()).toContain('Tak: 650 kr');

    // The decision: bifall with a reason template, submitted from the keyboard with Enter.
    await erik.getByLabel('Bifall: försörjningsstöd enligt norm').check();
    expect(await erik.getByLabel('Beviljat belopp i kronor').inputValue()).toBe('10720');
    await erik
      .getByLabel('Motivering')
      .fill('Amina är inskriven hos Arbetsförmedlingen och saknar inkomster.');
    await expectAccessible(erik);
    await erik.getByLabel('Beviljat belopp i kronor').focus();
    await erik.keyboard.press('Enter');

    await errandState(erik, 'Beslutad');
    const letterLink = erik.getByRole('link', { name: 'Beslutsbrev (PDF)' });
    await letterLink.waitFor();
    expect(await mainText(erik)).toContain('förvaltningsrätten');

    const letterUrl = new URL((await letterLink.getAttribute('href')) ?? '', app.url).href;
    const letter = await erik.request.get(letterUrl);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('application/pdf');
    const pdfPath = join(workDir, 'beslut.pdf');
    writeFileSync(pdfPath, await letter.body());
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('10 720');
    expect(text).toContain('tre veckor');
    expect(text).toContain('förvaltningsrätten');

    // Journal beside the errand, newest first.
    await erik.getByLabel('Ny anteckning').fill('Beslut om bifall meddelat per telefon.');
    await erik.getByRole('button', { name: 'Spara anteckning' }).click();
    await erik
      .getByRole('list', { name: 'Journalanteckningar' })
      .getByText('Beslut om bifall meddelat')
      .waitFor();

    const errandUrl = erik.url();
    await erik.context().close();

    // The unit manager releases the month's money.
    const maria = await newPage(browser);
    await login(maria, app, 'maria');
    await expectHeading(maria, 'Enhetens personer');
    await maria
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Utbetalning' })
      .click();
    await expectHeading(maria, 'Utbetalning');
    await maria.getByLabel('Månad', { exact: true }).fill('2026-11');
    await maria.getByRole('button', { name: 'Starta utbetalning' }).click();
    await maria.getByText(/Utbetalningen för november 2026 är startad/).waitFor();
    const batchRow = maria.locator('main table tbody tr', { hasText: 'november 2026' });
    await batchRow.filter({ hasText: 'Klar' }).waitFor();
    await expectAccessible(maria);

    // The unit's queue, filtered on Utbetald, leads to the errand.
    await maria
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Enhetens ärenden' })
      .click();
    await expectHeading(maria, 'Enhetens ärenden');
    await maria.getByLabel('Visa ärenden med status').selectOption({ label: 'Utbetald' });
    await maria.getByRole('button', { name: 'Visa', exact: true }).click();
    const queued = maria.getByRole('row', { name: /Amina Flödesson/ });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Nyansökan');
    await expectAccessible(maria);
    await queued.getByRole('link').click();
    await errandState(maria, 'Utbetald');
    const paymentRows = maria.locator('section[aria-labelledby="payments-title"] tbody tr');
    await paymentRows.first().waitFor();
    const paymentsBefore = await paymentRows.count();
    expect(paymentsBefore).toBe(1);
    await expectAccessible(maria);
    expect(maria.url()).toBe(errandUrl);

    // Running the month again pays nothing twice.
    await maria.goto(`${app.url}/utbetalningar`);
    await expectHeading(maria, 'Utbetalning');
    await maria.getByLabel('Månad', { exact: true }).fill('2026-11');
    await maria.getByRole('button', { name: 'Starta utbetalning' }).click();
    await maria
      .locator('.error-summary')
      .getByText(/betalas aldrig ut igen/)
      .waitFor();
    await maria.goto(errandUrl);
    await errandState(maria, 'Utbetald');
    await paymentRows.first().waitFor();
    expect(await paymentRows.count()).toBe(paymentsBefore);
    await maria.context().close();
    // One long journey on a shared two-core machine: allow more than the default per-test minute.
  }, 90_000);
});
