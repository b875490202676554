// The labour-market unit's registers in the staff app: the insats catalogue with its wait list
// and the forms that keep it. Every new page is checked with axe.
import type { Browser, Locator, Page } from 'playwright-core';
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

const USERNAMES: Record<string, string> = { 'Erik Lund': 'erik', 'Lina Berg': 'lina', 'Maria Ek': 'maria' };

describe('Inkorgen', () => {
  test('coachen skickar tillbaka en remiss; socialsekreteraren ser det i inkorgen, med antal olästa i menyn', async () => {
    const coach = await signedIn('sara', 'Mina deltagare');
    const queue = coach.getByRole('table', { name: 'Remisskö' });
    await queue.waitFor();
    await queue.locator('tbody tr').filter({ hasText: 'Skickad' }).first().getByRole('link').click();
    await expectHeading(coach, /^Remiss för /);
    const sender = ((await coach.locator('dt:has-text("Skickad av") + dd').textContent()) ?? '').trim();
    const username = USERNAMES[sender];
    expect(username, sender).toBeDefined();
    await coach
      .getByLabel('Skäl', { exact: true })
      .fill('Personen deltar redan i Arbetsförmedlingens program');
    await coach.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await coach.getByText('Returnerad').first().waitFor();
    await coach.context().close();

    const page = await newPage(browser);
    await login(page, app, username ?? '');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const inboxLink = page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: /^Inkorg/ });
    await page.waitForFunction(() => document.querySelector('.nav__badge') !== null);
    const badgeBefore = Number(await page.locator('.nav__badge').textContent());
    expect(badgeBefore).toBeGreaterThan(0);
    expect(await inboxLink.getAttribute('href')).toBe('/inkorg');
    expect(await text(inboxLink)).toContain(`(${badgeBefore} olästa)`);
    await inboxLink.click();
    await expectHeading(page, 'Inkorg');
    const notices = page.getByRole('list', { name: 'Meddelanden' });
    const notice = notices.getByRole('listitem').filter({
      hasText: 'Remissen har skickats tillbaka: Personen deltar redan i Arbetsförmedlingens program',
    });
    await notice.waitFor();
    expect(await text(notice)).toContain('Ny');
    await page.getByText(`${badgeBefore} olästa`, { exact: true }).waitFor();
    await expectAccessible(page);

    await notice.getByRole('button', { name: /^Markera som läst/ }).click();
    await notice.getByText(/^Läst /).waitFor();
    if (badgeBefore === 1) await page.waitForFunction(() => document.querySelector('.nav__badge') === null);
    else
      await page.waitForFunction(
        (n) => document.querySelector('.nav__badge')?.textContent === String(n),
        badgeBefore - 1,
      );
    // The person the notice is about is a link away.
    expect(await notice.getByRole('link').count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Visa bara olästa').check();
    await notices.or(page.getByText('Inkorgen är tom.')).first().waitFor();
    expect(await page.getByText('Remissen har skickats tillbaka: Personen deltar redan').count()).toBe(0);
    if (badgeBefore > 1) {
      await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
      await page.getByText('Inga olästa meddelanden.').waitFor();
    }
    await page.waitForFunction(() => document.querySelector('.nav__badge') === null);
    await page.context().close();
  });
});

describe('Avsluta remiss', () => {
  test('coachen avslutar en remiss där personen väntar på plats; platsen i kön tas bort', async () => {
    const page = await signedIn('sara', 'Mina deltagare');
    await page.goto(`${app.url}/insatser`);
    await expectHeading(page, 'Insatskatalog');
    await page.getByRole('link', { name: 'Arbetsträning på Återbruket' }).click();
    await expectHeading(page, 'Arbetsträning på Återbruket');
    const waitList = page.getByRole('table', { name: /Kö till Arbetsträning på Återbruket/ });
    const waiting = await waitList.locator('tbody tr').count();
    await waitList.locator('tbody tr').first().getByRole('link').click();
    await expectHeading(page, /^Remiss för /);
    await page.getByRole('heading', { name: 'Avsluta remissen', level: 2 }).waitFor();

    // No reason: the server names the field, in the summary and beside the field.
    await page.getByRole('button', { name: 'Avsluta remissen' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: 'Välj varför remissen avslutas' })
      .waitFor();
    expect(await page.locator('#closeReason-error').textContent()).toContain('Välj varför remissen avslutas');
    await expectAccessible(page);
    await page.getByLabel('Avslutad', { exact: true }).fill('2020-01-01');
    await page.getByLabel('Skäl för avslut').selectOption({ label: 'Personen avböjde' });
    await page.getByRole('button', { name: 'Avsluta remissen' }).click();
    await page
      .locator('#closedOn-error')
      .getByText(/Avslutsdatum ska vara mellan/)
      .waitFor();

    await page.getByLabel('Avslutad', { exact: true }).fill('2026-11-23');
    await page.getByLabel('Kommentar').fill('Vill hellre söka arbete på egen hand');
    await page.getByRole('button', { name: 'Avsluta remissen' }).click();
    await page.getByText('Remissen är avslutad.').waitFor();
    const main = await mainText(page);
    expect(main).toContain('Avslutad');
    expect(main).toContain('Personen avböjde – Vill hellre söka arbete på egen hand');
    expect(await page.getByRole('button', { name: 'Avsluta remissen' }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`${app.url}/insatser`);
    await expectHeading(page, 'Insatskatalog');
    await page.getByRole('link', { name: 'Arbetsträning på Återbruket' }).click();
    await expectHeading(page, 'Arbetsträning på Återbruket');
    if (waiting === 1) await page.getByText('Ingen väntar på plats.').waitFor();
    else expect(await waitList.locator('tbody tr').count()).toBe(waiting - 1);
    await page.context().close();
  });
});

describe('Remisser till och från andra myndigheter', () => {
  test('utgående remiss till psykiatrin kräver samtycke; inkommen remiss från Försäkringskassan registreras', async () => {
    const page = await signedIn('erik', 'Mina personer');
    await page.goto(`${app.url}/persons/new`);
    await expectHeading(page, 'Registrera person');
    await page.getByLabel('Personnummer').fill(validPersonalIdentityNumber());
    await page.getByLabel('Förnamn').fill('Omar');
    await page.getByLabel('Efternamn').fill('Samverkansson');
    await page.getByLabel('Gatuadress').fill('Forsgatan 9');
    await page.getByLabel('Postnummer').fill('79132');
    await page.getByLabel('Ort').fill('Älvstad');
    await page.getByRole('button', { name: 'Registrera person' }).click();
    await expectHeading(page, 'Omar Samverkansson');
    await page.getByText('Personen har inga remisser.').waitFor();

    // The rule is shown before anything is sent.
    expect(await text(page.locator('#consentRule'))).toContain('annan nämnd');
    await page.getByLabel(/^Till en annan myndighet/).check();
    const agencyHint = page.locator('#toAgencyId-hint');
    expect(await text(agencyHint)).toContain('samtycke');
    await page
      .getByLabel('Mottagande myndighet')
      .selectOption({ label: 'Region Fyrkanten, vuxenpsykiatrin (fiktivt)' });
    await page.getByLabel('Frågeställning').fill('Bedömning av psykisk ohälsa och behandlingsbehov');
    await page.getByRole('button', { name: 'Skicka remissen' }).click();
    const refusal = page.locator('#toAgencyId-error');
    await refusal.waitFor();
    expect(await text(refusal)).toContain('inget giltigt samtycke');
    expect(await text(refusal)).toContain('vuxenpsykiatrin');
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /inget giltigt samtycke/ })
      .waitFor();
    await expectAccessible(page);

    await page
      .getByLabel('Mottagare', { exact: true })
      .selectOption({ label: 'Region Fyrkanten, vuxenpsykiatrin (fiktivt)' });
    await page.getByRole('button', { name: 'Registrera samtycke' }).click();
    await page.getByText('Samtycket är registrerat.').waitFor();
    await page.getByRole('button', { name: 'Skicka remissen' }).click();
    await page.getByText('Remissen är skickad.').waitFor();
    const referrals = page.getByRole('table', { name: 'Remisser' });
    await referrals.getByRole('row', { name: /vuxenpsykiatrin/ }).waitFor();

    await page.getByLabel(/^Inkommen från en myndighet/).check();
    await page.getByLabel('Remissen kommer från').selectOption({ label: 'Försäkringskassan' });
    await page.getByLabel('Inkom', { exact: true }).fill('2026-11-20');
    await page.getByLabel('Frågeställning').fill('Samordning inför avstämningsmöte om arbetsförmåga');
    await page.getByRole('button', { name: 'Registrera remissen' }).click();
    await page.getByText('Remissen är registrerad.').waitFor();
    const incoming = referrals.getByRole('row', { name: /Försäkringskassan/ });
    await incoming.waitFor();
    expect(await text(incoming)).toContain('2026-11-20');
    expect(await text(incoming)).toContain('3 dagar');
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('Överenskommelser', () => {
  test('enhetschefen registrerar en överenskommelse med alla kriterier och följer upp den', async () => {
    const page = await signedIn('maria', 'Enhetens personer');
    await page.goto(`${app.url}/overenskommelser`);
    await expectHeading(page, 'Överenskommelser');
    // The demo's older agreement has not been followed up in 12 months.
    await page.getByLabel('Visa bara de som inte följts upp de senaste 12 månaderna').check();
    const table = page.getByRole('table', { name: 'Överenskommelser' });
    await table.getByRole('row', { name: /Lokal överenskommelse om unga vuxna/ }).waitFor();
    expect(await table.getByRole('row', { name: /Samordnad rehabilitering/ }).count()).toBe(0);
    await page.getByLabel('Visa bara de som inte följts upp de senaste 12 månaderna').uncheck();
    await table.getByRole('row', { name: /Samordnad rehabilitering/ }).waitFor();
    await expectAccessible(page);

    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Registrera överenskommelse' }),
    });
    await form.getByRole('button', { name: 'Registrera överenskommelsen' }).click();
    const summary = form.locator('.error-summary');
    await summary.getByRole('link', { name: 'Ange överenskommelsens namn' }).waitFor();
    await summary.getByRole('link', { name: 'Ange minst en samverkanspart' }).waitFor();
    await expectAccessible(page);

    await form
      .getByLabel('Överenskommelse', { exact: true })
      .fill('Samverkan om arbetslivsinriktad rehabilitering');
    await form.getByLabel('Försäkringskassan').check();
    await form.getByLabel('Arbetsförmedlingen').check();
    await form.getByLabel('Beslutad av').fill('Socialnämnden i Älvstad');
    await form.getByLabel('Beslutsdatum').fill('2026-10-15');
    await form.getByLabel('Gäller från').fill('2026-11-01');
    await form.getByLabel('Syfte').fill('Fler personer med försörjningsstöd och sjukdom ska komma i arbete');
    await form.getByLabel('Målgrupp').fill('Personer med försörjningsstöd och nedsatt arbetsförmåga');
    await form.getByLabel('Arbetssätt').fill('Gemensamma avstämningsmöten varje månad; remiss via Stegvis');
    await form.getByLabel('Part 1', { exact: true }).fill('Kommunen');
    await form.getByLabel('Ansvar för part 1').fill('Kartläggning och arbetsträning');
    await form.getByLabel('Part 2', { exact: true }).fill('Försäkringskassan');
    await form.getByLabel('Ansvar för part 2').fill('Bedömning av rätt till sjukpenning');
    await form.getByLabel('Revideras').fill('2027-10-31');
    await form.getByLabel('Mål 1', { exact: true }).fill('30 personer påbörjar arbetsträning');
    await form.getByLabel('Hur mål 1 mäts').fill('Antal startade insatser per år');
    await form.getByRole('button', { name: 'Registrera överenskommelsen' }).click();
    await form
      .getByText('Överenskommelsen Samverkan om arbetslivsinriktad rehabilitering är registrerad.')
      .waitFor();
    const row = table.getByRole('row', { name: /Samverkan om arbetslivsinriktad rehabilitering/ });
    await row.waitFor();
    expect(await text(row)).toContain('Försäkringskassan');
    expect(await text(row)).toContain('Arbetsförmedlingen');
    expect(await text(row)).toContain('Aldrig');

    const followUp = page.locator('form', {
      has: page.getByRole('heading', { name: 'Följ upp Samverkan om arbetslivsinriktad rehabilitering' }),
    });
    await followUp.getByLabel('Vad uppföljningen visade').fill('Sju personer har påbörjat arbetsträning');
    await followUp.getByLabel('Resultat: 30 personer påbörjar arbetsträning').fill('7 av 30 efter en månad');
    await followUp.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await followUp.getByText('Uppföljningen är sparad.').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr')].some(
        (tr) =>
          tr.textContent?.includes('Samverkan om arbetslivsinriktad') && !tr.textContent.includes('Aldrig'),
      ),
    );
    await page.getByText('30 personer påbörjar arbetsträning: 7 av 30 efter en månad').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('Arbetsplatser', () => {
  test('coachen lägger till och ändrar en arbetsplats; socialsekreteraren läser registret', async () => {
    const page = await signedIn('sara', 'Mina deltagare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Arbetsplatser' })
      .click();
    await expectHeading(page, 'Arbetsplatser');
    const table = page.getByRole('table', { name: 'Arbetsplatser' });
    await table.getByRole('row', { name: /Café Strömmen/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Arbetsplats', { exact: true }).fill('Cykelköket');
    await page.getByLabel('Organisationsnummer').fill('12');
    await page.getByLabel('Praktik', { exact: true }).uncheck();
    await page.getByLabel('Bransch').fill('Verkstad');
    await page.getByRole('button', { name: 'Lägg till arbetsplatsen' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Organisationsnummer skrivs 556677-8899' }).waitFor();
    await summary.getByRole('link', { name: 'Välj minst en typ' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Organisationsnummer').fill('5599001234');
    await page.getByLabel('Arbetsträning', { exact: true }).check();
    await page.getByLabel('Platser', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Lägg till arbetsplatsen' }).click();
    await page.getByText('Cykelköket är tillagd.').waitFor();
    const row = table.getByRole('row', { name: /Cykelköket/ });
    await row.waitFor();
    expect(await text(row)).toContain('559900-1234');
    expect(await text(row)).toContain('Arbetsträning');

    await row.getByRole('button', { name: 'Ändra Cykelköket' }).click();
    await page.getByRole('heading', { name: 'Ändra Cykelköket' }).waitFor();
    expect(await focusedText(page)).toBe('Ändra Cykelköket');
    await page.getByLabel('Kontaktperson').fill('Kalle Kedja');
    await page.getByLabel('Tar emot praktikanter').uncheck();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna för Cykelköket är sparade.').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr')].some(
        (tr) => tr.textContent?.includes('Kalle Kedja') && tr.textContent.includes('Tar inte emot nu'),
      ),
    );
    await expectAccessible(page);
    await page.context().close();

    const caseworker = await signedIn('erik', 'Mina personer');
    await caseworker.goto(`${app.url}/insatser`);
    await expectHeading(caseworker, 'Insatskatalog');
    await caseworker
      .getByRole('link', { name: 'Arbetsplatser och arbetsgivare som tar emot praktikanter' })
      .click();
    await expectHeading(caseworker, 'Arbetsplatser');
    await caseworker.getByRole('row', { name: /Cykelköket/ }).waitFor();
    expect(await caseworker.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
    expect(await caseworker.getByRole('button', { name: 'Lägg till arbetsplatsen' }).count()).toBe(0);
    await caseworker.context().close();
  });
});

describe('Samverkansparter', () => {
  test('socialsekreteraren ser kontaktpersoner efter roll och lägger till en kontaktperson och en part', async () => {
    const page = await signedIn('erik', 'Mina personer');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Remisser' }).click();
    await page.getByRole('link', { name: 'Samverkansparter och kontaktpersoner' }).click();
    await expectHeading(page, 'Samverkansparter');
    const fk = page.getByRole('table', { name: 'Kontaktpersoner hos Försäkringskassan' });
    expect(await text(fk.getByRole('row', { name: /Rehabiliteringskoordinator/ }))).toContain('Karin Vik');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Lägg till kontaktperson hos Försäkringskassan' }).click();
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Ny kontaktperson hos Försäkringskassan' }),
    });
    await form.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await form
      .locator('.error-summary')
      .getByRole('link', { name: /Ange kontaktpersonens roll/ })
      .waitFor();
    await expectAccessible(page);
    await form.getByLabel('Roll').fill('Handläggare, sjukpenning');
    await form.getByLabel('Namn', { exact: true }).fill('Per Lind');
    await form.getByLabel('E-post').fill('per.lind@fk.example');
    await form.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await form.getByText('Per Lind är tillagd.').waitFor();
    await fk.getByRole('row', { name: /Handläggare, sjukpenning/ }).waitFor();

    await page.getByLabel('Namn på samverkanspart').fill('Fyrkantens folkhögskola (fiktivt)');
    await page.getByRole('button', { name: 'Lägg till samverkansparten' }).click();
    await page.locator('#agencyKind-error').waitFor();
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Annan' });
    await page.getByRole('button', { name: 'Lägg till samverkansparten' }).click();
    await page.getByRole('heading', { name: 'Fyrkantens folkhögskola (fiktivt)', level: 2 }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('Enkätens frågor', () => {
  test('enhetschefen lägger till en fråga; en besvarad fråga kan inte formuleras om men kan sluta ställas', async () => {
    // One answer to the overall question, through the anonymous survey page.
    const staff = await signedIn('erik', 'Mina personer');
    const link = await staff.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const response = await fetch('/api/v1/survey-invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ occasion: 'afterExit' }),
      });
      return (await response.json()).link as string;
    });
    await staff.context().close();
    const participant = await newPage(browser);
    await participant.goto(`${app.url}${link}`);
    await expectHeading(participant, 'Vad tyckte du?');
    await participant
      .getByRole('group', { name: 'Hur nöjd är du med stödet du har fått, sammantaget?' })
      .getByLabel('7', { exact: true })
      .check();
    await participant.getByRole('button', { name: 'Skicka svaren' }).click();
    await expectHeading(participant, 'Tack för dina svar');
    await participant.context().close();

    const page = await signedIn('maria', 'Enhetens personer');
    await page.goto(`${app.url}/enkatresultat`);
    await expectHeading(page, 'Deltagarenkät');
    await page.getByRole('link', { name: 'Ändra enkätens frågor' }).click();
    await expectHeading(page, 'Enkätens frågor');
    const table = page.getByRole('table', { name: 'Enkätens frågor' });
    const overall = table.getByRole('row', { name: /sammantaget/ });
    await overall.waitFor();
    expect(await text(overall)).toContain('Skala 1–10');
    // Answered: no rewording, only retiring.
    expect(await overall.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Lägg till frågan' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Skriv frågan' }).waitFor();
    await page.getByLabel('Fråga', { exact: true }).fill('Hur lätt var det att nå din coach?');
    await page.getByRole('button', { name: 'Lägg till frågan' }).click();
    await page.getByText('Frågan är tillagd.').waitFor();
    const added = table.getByRole('row', { name: /nå din coach/ });
    await added.waitFor();
    // The new question is last; it moves up one place.
    expect(await text(table.locator('tbody tr').last())).toContain('nå din coach');
    await added.getByRole('button', { name: /^Flytta upp/ }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('main tbody tr')];
      return rows.at(-2)?.textContent?.includes('nå din coach') ?? false;
    });
    // Not answered yet: it may be reworded.
    await added.getByRole('button', { name: /^Ändra/ }).click();
    expect(await focusedText(page)).toBe('Ändra frågan');
    await page.getByLabel('Fråga', { exact: true }).fill('Hur lätt var det att få tag på din coach?');
    await page.getByLabel('Svarstyp').selectOption({ label: 'Fritext' });
    await page.getByRole('button', { name: 'Spara frågan' }).click();
    await table
      .getByRole('row', { name: /få tag på din coach/ })
      .getByText('Fritext')
      .waitFor();

    await overall.getByRole('button', { name: /^Sluta ställa/ }).click();
    await overall.getByText('Ställs inte').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
