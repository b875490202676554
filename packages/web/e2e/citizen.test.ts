// The citizen e-service in the browser. A citizen logs in through the project's own local
// identity provider, applies for next month with a photo of the rent notice, the caseworker
// asks for completion, the citizen sends it, the caseworker decides and the citizen reads the
// decision with its letter and how to appeal. Every citizen page is checked with axe (on a
// phone-sized screen), and a second citizen makes a whole application with the keyboard only
// (Tab, Enter and Space, and typing), never the mouse.
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

/** A tiny valid PNG (1×1), as a phone photo stands in for. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function citizenPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 390, height: 844 } });
  return context.newPage();
}

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Presses Tab until the focused element's text, label or id contains `target`. */
async function tabTo(page: Page, target: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labels =
        'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent) : [];
      return [el.id, el.textContent, el.getAttribute('aria-label'), ...labels].join(' | ');
    });
    if (focused.includes(target)) return;
  }
  throw new Error(`Tab never reached "${target}" on ${page.url()}`);
}

describe('E-tjänsten', () => {
  test('ansökan med bilaga, komplettering, beslut och beslutsbrev för den sökande', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${app.url}/e-tjanst`);
    await expectHeading(citizen, 'Ansök om ekonomiskt bistånd');
    await expectAccessible(citizen);

    // The local identity provider stands in for BankID; its first demo citizen is preselected:
    // the applicant of a household with two adults, whose partner comes next in the list.
    await citizen.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await citizen.getByRole('heading', { name: 'Testlegitimering' }).waitFor();
    const partnerLabel = (await citizen.locator('label[for="p1"]').textContent()) ?? '';
    expect(partnerLabel).toContain('make/maka/sambo');
    await citizen.getByRole('button', { name: 'Legitimera' }).click();
    await expectHeading(citizen, 'Mina sidor');
    await expectAccessible(citizen);
    expect(await mainText(citizen)).toContain('Erik Lund');

    await citizen.getByRole('button', { name: 'Ansök för december 2026' }).click();
    await expectHeading(citizen, 'Hur når vi dig?');
    // An empty page is refused with an error summary that leads to the field.
    await citizen.getByRole('button', { name: 'Spara och fortsätt', exact: true }).click();
    await citizen
      .locator('.error-summary')
      .getByRole('link', { name: /mobilnummer/ })
      .waitFor();
    await expectAccessible(citizen);
    await citizen.getByLabel('Mobilnummer').fill('070-123 45 67');
    await citizen.getByRole('button', { name: 'Spara och fortsätt', exact: true }).click();

    await expectHeading(citizen, 'Ditt hushåll');
    await expectAccessible(citizen);
    await citizen.getByLabel('Ja').check();
    await citizen.getByRole('button', { name: 'Spara och fortsätt', exact: true }).click();

    await expectHeading(citizen, 'Inkomster');
    await expectAccessible(citizen);
    // An återansökan starts from last month's incomes; they are removed here so that the
    // calculation below does not depend on what the seed gave the household.
    const removeButtons = citizen.getByRole('button', { name: /^Ta bort/ });
    while ((await removeButtons.count()) > 0) {
      const before = await removeButtons.count();
      await removeButtons.first().click();
      await expect.poll(() => removeButtons.count()).toBe(before - 1);
    }
    await citizen.getByText('Inga inkomster').waitFor();
    await citizen.getByLabel('Vad är det för inkomst?').selectOption({ label: 'Underhållsstöd' });
    await citizen.getByLabel('Belopp i kronor per månad').fill('1 573');
    await citizen.getByRole('button', { name: 'Lägg till inkomst' }).click();
    await citizen.getByText(/Underhållsstöd, .*: 1\s573 kr/).waitFor();
    await citizen.getByRole('button', { name: 'Spara och fortsätt senare' }).click();

    // Saved on the server: the draft is continued from Mina sidor.
    await expectHeading(citizen, 'Mina sidor');
    await citizen.getByText('Din ansökan är sparad').waitFor();
    await citizen.getByRole('link', { name: 'Fortsätt din ansökan för december 2026' }).click();
    await expectHeading(citizen, 'Hur når vi dig?');
    expect(await citizen.getByLabel('Mobilnummer').inputValue()).toBe('070-123 45 67');
    await citizen.goto(citizen.url().replace(/kontakt$/, 'kostnader'));
    await expectHeading(citizen, 'Kostnader');
    // Last month's costs go too: the amount decided below must stay within the caseworker's
    // delegation (30 000 kr) whatever the seed gave the household.
    const removeCosts = citizen.getByRole('button', { name: /^Ta bort/ });
    while ((await removeCosts.count()) > 0) {
      const before = await removeCosts.count();
      await removeCosts.first().click();
      await expect.poll(() => removeCosts.count()).toBe(before - 1);
    }
    await citizen.getByLabel('Belopp i kronor per månad').fill('5 234');
    await citizen.getByRole('button', { name: 'Lägg till kostnad' }).click();
    await citizen.getByText(/: 5\s234 kr/).waitFor();
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Spara och fortsätt', exact: true }).click();

    await expectHeading(citizen, 'Bifoga papper');
    // A file of the wrong type is refused beside the field, nothing is lost.
    await citizen.getByLabel('Välj en fil eller ta ett foto').setInputFiles({
      name: 'kvitto.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('inte ett foto'),
    });
    await citizen.getByRole('button', { name: 'Ladda upp' }).click();
    await citizen.locator('#applicationFile-error').filter({ hasText: 'JPEG eller PNG' }).waitFor();
    await expectAccessible(citizen);
    await citizen.getByLabel('Välj en fil eller ta ett foto').setInputFiles({
      name: 'hyresavi.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await citizen.getByRole('button', { name: 'Ladda upp' }).click();
    await citizen.getByText('hyresavi.png är uppladdad.').waitFor();
    await citizen.getByRole('link', { name: 'Spara och fortsätt', exact: true }).click();

    await expectHeading(citizen, 'Kontrollera och skicka');
    const review = await mainText(citizen);
    expect(review).toContain('070-123 45 67');
    expect(review).toContain('Hushållet stämmer');
    expect(review).toContain('1 573 kr');
    expect(review).toContain('5 234 kr');
    expect(review).toContain('hyresavi.png');
    await expectAccessible(citizen);
    // A joint application: the partner confirms before it can be sent.
    await citizen.getByText(/behöver logga in och bekräfta ansökan/).waitFor();
    expect(await citizen.getByRole('button', { name: 'Skicka ansökan' }).count()).toBe(0);

    const partner = await citizenPage();
    await partner.goto(`${app.url}/e-tjanst`);
    await partner.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await partner.getByRole('heading', { name: 'Testlegitimering' }).waitFor();
    await partner.locator('label[for="p1"]').click();
    await partner.getByRole('button', { name: 'Legitimera' }).click();
    await expectHeading(partner, 'Mina sidor');
    await partner.getByRole('link', { name: 'Bekräfta ansökan för december 2026' }).click();
    await expectHeading(partner, 'Kontrollera och skicka');
    expect(await mainText(partner)).toContain('5 234 kr');
    await expectAccessible(partner);
    await partner.getByRole('button', { name: 'Jag bekräftar att uppgifterna stämmer' }).click();
    await partner.getByText('Du har bekräftat ansökan.').waitFor();
    await partner.context().close();

    await citizen.reload();
    await citizen.getByText(/har bekräftat ansökan/).waitFor();
    await citizen.getByRole('button', { name: 'Skicka ansökan' }).click();

    await expectHeading(citizen, /^(Nyansökan|Återansökan) för december 2026$/);
    await citizen.getByText(/Tack! Din ansökan för december 2026 är inskickad/).waitFor();
    await citizen.getByTestId('citizen-status').filter({ hasText: 'Inkommen' }).waitFor();
    await expectAccessible(citizen);
    const errandId = citizen.url().split('/').at(-1) ?? '';

    // Sending again (the browser's back button) is refused with a clear message, no second errand.
    await citizen.goBack();
    await citizen.getByText(/redan inskickad/).waitFor();

    // The caseworker finds it in the queue and asks for a bank statement.
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    await erik.goto(`${app.url}/arenden/${errandId}`);
    await erik.getByTestId('errand-state').filter({ hasText: 'Inkommen' }).waitFor();
    expect(await mainText(erik)).toContain('hyresavi.png');
    await erik.getByLabel('Vilka handlingar behövs?').fill('Kontoutdrag för november');
    await erik.getByLabel('Senast (ÅÅÅÅ-MM-DD)').fill('2026-12-01');
    await erik.getByRole('button', { name: 'Skicka begäran om komplettering' }).click();
    await erik.getByText('Begäran är skickad och hushållet har meddelats.').waitFor();
    await erik.getByTestId('errand-state').filter({ hasText: 'Väntar på komplettering' }).waitFor();
    await expectAccessible(erik);

    // The citizen sees what is needed and sends it.
    await citizen.goto(`${app.url}/e-tjanst`);
    await expectHeading(citizen, 'Mina sidor');
    await citizen.getByText('Din handläggare behöver fler papper från dig.').waitFor();
    await citizen.getByRole('link', { name: /^(Nyansökan|Återansökan) december 2026$/ }).click();
    await citizen.getByTestId('citizen-status').filter({ hasText: 'Behöver kompletteras' }).waitFor();
    expect(await mainText(citizen)).toContain('Kontoutdrag för november');
    await expectAccessible(citizen);
    await citizen.getByLabel('Välj en fil eller ta ett foto').setInputFiles({
      name: 'kontoutdrag.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await citizen.getByRole('button', { name: 'Ladda upp' }).click();
    await citizen.getByText('kontoutdrag.pdf är uppladdad.').waitFor();
    await citizen.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await citizen.getByText(/Du skickade kompletteringen/).waitFor();
    await citizen.getByTestId('citizen-status').filter({ hasText: 'Handläggs' }).waitFor();
    await expectAccessible(citizen);

    // The caseworker continues, calculates and decides.
    await erik.reload();
    await erik.getByText(/inkommen .*kontoutdrag\.pdf/).waitFor();
    await erik.getByRole('button', { name: 'Komplettering inkommen, fortsätt utredningen' }).click();
    await erik.getByTestId('errand-state').filter({ hasText: 'Under utredning' }).waitFor();
    await erik.getByRole('button', { name: 'Klar för beslut' }).click();
    await erik.getByTestId('errand-state').filter({ hasText: 'Klar för beslut' }).waitFor();
    await erik.getByRole('button', { name: 'Beräkna' }).click();
    await erik.getByTestId('calculation-total').waitFor();
    await erik.getByLabel('Bifall: försörjningsstöd enligt norm').check();
    await erik.getByLabel('Motivering').fill('Hushållets inkomster räcker inte till norm och hyra.');
    const child = erik.getByLabel('Barnets bästa');
    if ((await child.count()) > 0)
      await child.fill('Barnens behov av mat och boende tillgodoses genom beslutet.');
    await erik.getByLabel('Beviljat belopp i kronor').focus();
    await erik.keyboard.press('Enter');
    await erik
      .getByTestId('errand-state')
      .filter({ hasText: 'Beslutad' })
      .waitFor()
      .catch(async (error) => {
        // Say why the decision did not go through (the page's own message), not only that it timed out.
        throw new Error(`no decision: ${(await mainText(erik)).slice(-3000)}`, { cause: error });
      });
    await erik.context().close();

    // The citizen reads the decision, its letter and how to appeal.
    await citizen.reload();
    await citizen.getByTestId('citizen-status').filter({ hasText: 'Beslut klart' }).waitFor();
    const decision = await mainText(citizen);
    expect(decision).toContain('Beviljat');
    expect(decision).toContain('förvaltningsrätten');
    expect(decision).toContain('tre veckor');
    const letter = citizen.getByRole('link', { name: 'Läs beslutsbrevet (PDF)' });
    const response = await citizen.request.get(
      new URL((await letter.getAttribute('href')) ?? '', app.url).href,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await expectAccessible(citizen);

    // The month is decided now: a new application for it is refused with a clear message.
    await citizen.goto(`${app.url}/e-tjanst`);
    await expectHeading(citizen, 'Mina sidor');
    expect(await mainText(citizen)).toContain('Du har redan ansökt för december 2026.');

    // Plan, contact and secure messages both ways.
    await citizen
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Min planering' })
      .click();
    await expectHeading(citizen, 'Min planering');
    expect(await mainText(citizen)).toContain('Erik Lund');
    await expectAccessible(citizen);
    await citizen
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Meddelanden' })
      .click();
    await expectHeading(citizen, 'Meddelanden');
    await citizen.getByRole('button', { name: 'Skicka meddelande' }).click();
    await citizen.locator('#citizenMessage-error').waitFor();
    await citizen.getByLabel('Ditt meddelande').fill('Hej! Hyran höjs från januari.');
    await citizen.getByRole('button', { name: 'Skicka meddelande' }).click();
    await citizen.getByText('Meddelandet är skickat.').waitFor();
    await citizen.getByText('Hej! Hyran höjs från januari.').waitFor();
    await expectAccessible(citizen);

    const erikAgain = await newPage(browser);
    await login(erikAgain, app, 'erik');
    await expectHeading(erikAgain, 'Mina personer');
    await erikAgain.goto(`${app.url}/arenden/${errandId}`);
    await erikAgain.getByText('Hej! Hyran höjs från januari.').waitFor();
    await erikAgain.getByLabel('Skriv till hushållet').fill('Tack, skicka den nya hyresavin när du har den.');
    await erikAgain.getByRole('button', { name: 'Skicka meddelande' }).click();
    await erikAgain.getByText('Meddelandet är skickat.').waitFor();
    await erikAgain.context().close();
    await citizen.reload();
    await citizen.getByText('Tack, skicka den nya hyresavin när du har den.').waitFor();
    await citizen.context().close();
  });

  test('en hel ansökan med bara tangentbordet (Tab, Enter, Mellanslag)', async () => {
    const page = await citizenPage();
    await page.goto(`${app.url}/e-tjanst`);
    await expectHeading(page, 'Ansök om ekonomiskt bistånd');
    await tabTo(page, 'Logga in med e-legitimation');
    await page.keyboard.press('Enter');

    // Another household than in the test above, with one adult: typed into the provider's own field.
    await page.getByRole('heading', { name: 'Testlegitimering' }).waitFor();
    const single = (await page.locator('label', { hasText: 'ensam vuxen' }).first().textContent()) ?? '';
    const personnummer = /\((\d{8}-\d{4})\)/.exec(single)?.[1] ?? '';
    expect(personnummer).not.toBe('');
    await tabTo(page, 'own');
    await page.keyboard.type(personnummer);
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Mina sidor');
    await tabTo(page, 'Ansök för december 2026');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Hur når vi dig?');
    await tabTo(page, 'phone');
    await page.keyboard.type('070-765 43 21');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Ditt hushåll');
    await tabTo(page, 'householdCorrect-yes');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Ja').isChecked()).toBe(true);
    await tabTo(page, 'Spara och fortsätt');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Inkomster');
    await tabTo(page, 'Spara och fortsätt');
    await page.keyboard.press('Space');

    await expectHeading(page, 'Kostnader');
    await tabTo(page, 'costAmount');
    await page.keyboard.type('4 800');
    await tabTo(page, 'Lägg till kostnad');
    await page.keyboard.press('Enter');
    // .last(): last month's rent may already be listed with the same amount (an återansökan).
    await page
      .getByText(/Boendekostnad.*4\s800 kr/)
      .last()
      .waitFor();
    await tabTo(page, 'Spara och fortsätt');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Bifoga papper');
    await tabTo(page, 'applicationFile');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'hyresavi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await tabTo(page, 'Ladda upp');
    await page.keyboard.press('Enter');
    await page.getByText('hyresavi.pdf är uppladdad.').waitFor();
    await tabTo(page, 'Spara och fortsätt');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Kontrollera och skicka');
    await tabTo(page, 'Skicka ansökan');
    await page.keyboard.press('Enter');
    await page.getByText(/Tack! Din ansökan för december 2026 är inskickad/).waitFor();
    await page.getByTestId('citizen-status').filter({ hasText: 'Inkommen' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
