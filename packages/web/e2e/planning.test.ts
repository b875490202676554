// Kartläggning, genomförandeplan and follow-up through the caseworker's screens, with the
// server on this test's clock: Amir (demo data, decided 20 days ago without a plan) leaves
// "Plan saknas" once his plan is made, the plan is in the client's PDF, and when the clock
// passes the follow-up date he enters "Uppföljning försenad" until the follow-up is recorded.
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
} from './harness.ts';

let app: App;
let browser: Browser;
let now = new Date('2026-11-23T10:00:00Z');
const workDir = mkdtempSync(join(tmpdir(), 'stegvis-planning-'));

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: () => now }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function queueCount(page: Page, code: string): Promise<number> {
  const item = page.getByTestId(`queue-${code}`);
  await item.waitFor();
  return Number(await item.getByTestId('queue-count').textContent());
}

async function openQueue(page: Page, title: string) {
  await page.goto(`${app.url}/`);
  await expectHeading(page, 'Mina personer');
  await page.getByRole('link', { name: new RegExp(`^${title}:`) }).click();
  await expectHeading(page, title);
}

describe('Kartläggning, plan och uppföljning', () => {
  test('Amir: kartläggning, plan med två delmål i PDF, uppföljning – och köerna flyttar sig när datumen passeras', async () => {
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    expect(await queueCount(erik, 'planMissing')).toBe(4);
    expect(await queueCount(erik, 'followUpOverdue')).toBe(1);
    await expectAccessible(erik);

    await openQueue(erik, 'Plan saknas');
    await expectAccessible(erik);
    await erik.getByRole('link', { name: 'Amir Haddad' }).click();
    await expectHeading(erik, 'Amir Haddad');
    await erik.getByText('Det finns ingen genomförandeplan.').waitFor();

    // Kartläggning with försörjningshinder and the returned arbetsförmågebedömning.
    await erik.getByRole('button', { name: 'Gör kartläggning' }).click();
    await erik.locator('#section-education').fill('Gymnasieexamen från Syrien');
    await erik.getByLabel('Arbetslivserfarenhet').fill('Fem år som elektriker');
    await erik.getByLabel('Egna mål').fill('Arbeta som elektriker i Sverige');
    await erik.locator('#section-obstacles').fill('Behöver svensk behörighet');
    await erik.getByLabel('Försörjningshinder').selectOption({ label: 'Arbetslös, ingen ersättning/stöd' });
    await erik.getByLabel('Bedömningen har kommit tillbaka').check();
    await erik.getByLabel('Arbetsförmåga', { exact: true }).selectOption({ label: 'Full' });
    await erik.getByLabel('Timmar i veckan').fill('40');
    await erik.getByLabel('Bedömd av').fill('Arbetsmarknadsenheten, Jonas Ek');
    await erik.getByLabel('Datum för bedömningen').fill('2026-11-20');
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Spara kartläggning' }).click();
    await erik
      .getByTestId('support-barrier')
      .filter({ hasText: 'Arbetslös, ingen ersättning/stöd' })
      .waitFor();
    expect(await erik.getByTestId('support-barrier').textContent()).toContain('okänd');

    // A plan without a goal is refused with a clear message; then the plan with two delmål.
    await erik.getByRole('button', { name: 'Upprätta plan' }).click();
    await erik.getByRole('button', { name: 'Spara plan' }).click();
    await erik.locator('.error-summary').getByText('Skriv det långsiktiga målet').waitFor();
    await erik.getByLabel('Långsiktigt mål').fill('Egen försörjning som elektriker');
    await erik.getByLabel('Delmål 1: resultat').fill('Har fått svensk elbehörighet validerad');
    await erik.getByLabel('Delmål 1: måldatum').fill('2027-04-30');
    await erik.getByRole('button', { name: 'Lägg till delmål' }).click();
    await erik.getByLabel('Delmål 2: resultat').fill('Har klarat SFI kurs D');
    await erik.getByLabel('Delmål 2: måldatum').fill('2027-02-28');
    await erik.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    await erik.getByLabel('Aktivitet 1: beskrivning').fill('Yrkessvenska och validering');
    await erik
      .getByLabel('Aktivitet 1: ansvarig (roll eller myndighet)')
      .selectOption({ label: 'Arbetsförmedlingen' });
    await erik.getByLabel('Aktivitet 1: timmar i veckan').fill('30');
    await erik.getByLabel('Aktivitet 1: slutdatum').fill('2026-12-31');
    await erik.getByLabel('Personens egna ord').fill('Jag vill jobba med det jag kan.');
    await erik.getByLabel('Datum för godkännandet').fill('2026-11-23');
    await erik.getByLabel('Hur planen godkändes').selectOption({ label: 'digitalt' });
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Spara plan' }).click();
    const plan = erik.getByTestId('plan-view');
    await plan.getByText('Har klarat SFI kurs D').waitFor();
    expect(await plan.textContent()).toContain('Nästa uppföljning senast 2027-01-23');
    await expectAccessible(erik);

    // The client's PDF has the goal and both delmål.
    const pdfLink = erik.getByRole('link', { name: 'Planen som PDF (för personen)' });
    const pdf = await erik.request.get(new URL((await pdfLink.getAttribute('href')) ?? '', app.url).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const pdfPath = join(workDir, 'plan.pdf');
    writeFileSync(pdfPath, await pdf.body());
    const text = execFileSync('/usr/bin/pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Egen försörjning som elektriker');
    expect(text).toContain('Har fått svensk elbehörighet validerad');
    expect(text).toContain('Har klarat SFI kurs D');
    expect(text).toContain('Arbetsförmedlingen');
    expect(text).toContain('till och med 2026-12-31');

    // The plan is also beside the errand.
    const closed = await erik.request.get(`${app.url}/api/v1/errands?state=closed`);
    const errand = (
      (await closed.json()) as { items: { id: string; applicant: { name: string } | null }[] }
    ).items.find((e) => e.applicant?.name === 'Amir Haddad');
    if (!errand) throw new Error('no errand for Amir');
    await erik.goto(`${app.url}/arenden/${errand.id}`);
    await expectHeading(erik, /Amir Haddad/);
    await erik.getByRole('complementary', { name: 'Plan' }).getByText('Har klarat SFI kurs D').waitFor();
    await expectAccessible(erik);

    await erik.goto(`${app.url}/`);
    await expectHeading(erik, 'Mina personer');
    expect(await queueCount(erik, 'planMissing')).toBe(3);

    // Two months and two days later: the follow-up is overdue (the session has long expired).
    now = new Date('2027-01-25T10:00:00Z');
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    // The insats ended on 31 December without a next step.
    await openQueue(erik, 'Insats avslutad utan nästa steg');
    await erik
      .getByRole('row', { name: /Amir Haddad/ })
      .getByText(/avslutades 2026-12-31/)
      .waitFor();
    await openQueue(erik, 'Uppföljning försenad');
    const row = erik.getByRole('row', { name: /Amir Haddad/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2027-01-23');
    await row.getByRole('link', { name: 'Amir Haddad' }).click();
    await expectHeading(erik, 'Amir Haddad');
    await erik.getByText('Uppföljningen är försenad (senast 2027-01-23)').waitFor();

    // A follow-up without progress for every delmål is refused; then recorded.
    await erik.getByRole('button', { name: 'Spara uppföljning' }).click();
    await erik
      .locator('.error-summary')
      .getByText(/Ange hur det går med delmålet/)
      .first()
      .waitFor();
    await erik.getByLabel('Delmål 1: hur går det?').selectOption({ label: 'Pågår' });
    await erik.getByLabel('Delmål 2: hur går det?').selectOption({ label: 'Uppnått' });
    await erik.getByLabel('Delmål 2: kommentar').fill('Klarade provet i januari.');
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Spara uppföljning' }).click();
    await erik.getByText('Uppföljningen är sparad.').waitFor();
    // Älvstad follows up every two months: the next date is two months after today.
    await erik.getByText('2027-01-25 (plan version 1) · nästa senast 2027-03-25').waitFor();
    expect(await plan.textContent()).toContain('Nästa uppföljning senast 2027-03-25');

    await openQueue(erik, 'Uppföljning försenad');
    await erik.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Amir Haddad'));
    await openQueue(erik, 'Insats avslutad utan nästa steg');
    await erik.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Amir Haddad'));
  });

  test('a meeting with another agency is booked with invitations, and a no-show is recorded once it has begun', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    await openQueue(erik, 'Plan saknas');
    await erik.getByRole('link', { name: 'Sofia Lindqvist' }).click();
    await expectHeading(erik, 'Sofia Lindqvist');
    await erik.getByRole('button', { name: 'Boka möte' }).click();
    await erik.getByLabel('Syfte').selectOption({ label: 'Flerpartssamtal' });
    await erik.getByLabel('Datum', { exact: true }).fill('2026-11-30');
    await erik.getByLabel('Tid', { exact: true }).fill('10:00');
    await erik.getByLabel('Plats').fill('Socialkontoret, rum 2');
    await erik
      .getByLabel('Förslag om väg framåt')
      .fill('Arbetsträning via arbetsmarknadsenheten och SFI, med stöd av Arbetsförmedlingen');
    await erik.getByRole('button', { name: 'Lägg till deltagare från annan myndighet' }).click();
    await erik.getByLabel('Deltagare 1: myndighet eller roll').selectOption({ label: 'Arbetsförmedlingen' });
    await erik.getByLabel('Deltagare 1: e-post').fill('handlaggare@example.se');
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Boka och skicka inbjudan' }).click();
    // The person and the participant each get an invitation and a reminder.
    await erik.getByText('4 inbjudningar och påminnelser ligger i utkorgen').waitFor();
    await erik
      .getByText('Arbetsträning via arbetsmarknadsenheten och SFI, med stöd av Arbetsförmedlingen')
      .waitFor();
    // Before the meeting has begun a no-show cannot be recorded.
    await erik.getByRole('button', { name: 'Uteblev' }).click();
    await erik
      .getByRole('alert')
      .filter({ hasText: 'Närvaro kan registreras först när mötet har börjat' })
      .waitFor();

    now = new Date('2026-11-30T11:00:00Z');
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    await expectHeading(erik, 'Mina personer');
    await openQueue(erik, 'Plan saknas');
    await erik.getByRole('link', { name: 'Sofia Lindqvist' }).click();
    await expectHeading(erik, 'Sofia Lindqvist');
    await erik.getByRole('button', { name: 'Uteblev' }).click();
    await erik.locator('.journal-entry strong').filter({ hasText: 'Uteblev' }).waitFor();
    await expectAccessible(erik);
  });

  test('aktivitetskrav: a deviation with its förvarning, an exemption refused without an end date, ärendedragning recorded', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    await openQueue(erik, 'Aktivitetskrav utan plan eller aktivitet');
    await erik.getByRole('link', { name: 'Leila Nasser' }).click();
    await expectHeading(erik, 'Leila Nasser');
    const section = erik.getByRole('region', { name: 'Aktivitetskrav' });
    await section.getByText('Kravet gäller: försörjningsstöd 11 månader i följd.').waitFor();
    expect(await section.textContent()).toContain('SoL 2025:400 12 kap. 5 §');

    await section.getByRole('button', { name: 'Registrera undantag' }).click();
    await erik.getByLabel('Skäl till undantaget').fill('Vårdar närstående på heltid');
    await erik.getByLabel('Gäller från').fill('2026-11-01');
    await erik.getByRole('button', { name: 'Spara undantag' }).click();
    await erik
      .locator('.error-summary')
      .getByText('Ange slutdatum som ÅÅÅÅ-MM-DD: undantag gäller alltid en bestämd period')
      .waitFor();
    await expectAccessible(erik);
    await section.getByRole('button', { name: 'Avbryt' }).click();

    await section.getByRole('button', { name: 'Registrera avvikelse' }).click();
    await erik.getByLabel('Planerade timmar i veckan').fill('30');
    await erik.getByLabel('Närvarotimmar i veckan').fill('6');
    await erik.getByLabel('Vad hände?').fill('Uteblev från arbetsträningen i tre veckor');
    await erik.getByRole('button', { name: 'Spara avvikelse' }).click();
    await section.getByText('2026-11: 6 av 30 planerade timmar i veckan').waitFor();
    await section.getByRole('button', { name: 'Skicka förvarning för 2026-11' }).click();
    await section.getByText('Förvarning skickad 2026-11-23.').waitFor();
    await expectAccessible(erik);

    // After the notice: the decision to reduce December's assistance (the amount is the
    // caseworker's decision), with its legal basis as in force for December.
    await section.getByRole('button', { name: 'Besluta om nedsättning för avvikelsen 2026-11' }).click();
    expect(await erik.getByLabel('Månad som sätts ned').inputValue()).toBe('2026-12');
    await erik.getByRole('button', { name: 'Fatta beslut om nedsättning' }).click();
    await erik.locator('.error-summary').getByText('Ange beloppet i kronor, till exempel 1 200').waitFor();
    await erik.getByLabel('Nedsättning i kronor').fill('1 500');
    await erik.getByRole('button', { name: 'Fatta beslut om nedsättning' }).click();
    await erik
      .locator('.error-summary')
      .getByText('Skriv skälen för nedsättningen (32 § förvaltningslagen)')
      .waitFor();
    const reductionReason =
      'Du deltog 6 av 30 planerade timmar i veckan i november utan godtagbart skäl, trots förvarning.';
    await erik.getByLabel('Skäl för nedsättningen').fill(reductionReason);
    await erik.getByRole('button', { name: 'Fatta beslut om nedsättning' }).click();
    const decidedReduction = section.getByTestId('aktivitetskrav-reductions');
    await decidedReduction.getByText(/2026-12: 1\s500 kr \(SoL 2025:400 12 kap\. 5 §/).waitFor();
    await expectAccessible(erik);

    // December's application: beside the errand the deviation and its notice; the calculation
    // shows the reduction below the assistance, the decision grants what is left, and the
    // letter shows the reduction line with its basis and reason.
    await erik.getByRole('link', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Registrera ansökan');
    await erik.getByLabel('Typ av ansökan').selectOption('renewalApplication');
    await erik.getByLabel('Månad', { exact: true }).fill('2026-12');
    await erik.getByRole('button', { name: 'Registrera ansökan' }).click();
    await expectHeading(erik, 'Återansökan, Leila Nasser, december 2026');
    await erik
      .getByTestId('aktivitetskrav-summary')
      .getByText(
        '2026-11: 6 av 30 planerade timmar i veckan – förvarning 2026-11-23; nedsättning kan beslutas (SoL 2025:400 12 kap. 5 §)',
      )
      .waitFor();
    await erik.getByRole('button', { name: 'Starta utredning' }).click();
    await erik.getByTestId('errand-state').filter({ hasText: 'Under utredning' }).waitFor();
    await erik.getByLabel('Slag').selectOption({ label: 'Boendekostnad (hyra)' });
    await erik.getByLabel('Belopp i kronor per månad').fill('4 800');
    await erik.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await erik.getByRole('cell', { name: /4\s800 kr/ }).waitFor();
    await erik.getByLabel('Vad kontrollerades').selectOption({ label: 'Hyresavtal' });
    await erik.getByLabel('Källa').fill('Hyresavtal med Älvstadshem');
    await erik.getByLabel('Datum för kontrollen').fill('2026-11-20');
    await erik.getByRole('button', { name: 'Spara kontroll' }).click();
    await erik.getByText(/kontrollerad 2026-11-20/).waitFor();
    await erik.getByRole('button', { name: 'Klar för beslut' }).click();
    await erik.getByTestId('errand-state').filter({ hasText: 'Klar för beslut' }).waitFor();
    await erik.getByRole('button', { name: 'Beräkna' }).click();
    const total = erik.getByTestId('calculation-total');
    await total.filter({ hasText: /kr/ }).waitFor();
    const need = Number(((await total.textContent()) ?? '').replace(/\D/g, ''));
    expect(need).toBeGreaterThan(1500);
    const reductionRow = erik.getByTestId('calculation-reduction');
    expect(await reductionRow.textContent()).toContain('Nedsättning, aktivitetskravet');
    expect(await reductionRow.textContent()).toContain('SoL 2025:400 12 kap. 5 §');
    expect(await reductionRow.textContent()).toContain(reductionReason);
    expect(((await reductionRow.getByRole('cell').last().textContent()) ?? '').replace(/\D/g, '')).toBe(
      '1500',
    );
    const left = Number(
      ((await erik.getByTestId('calculation-after-reductions').textContent()) ?? '').replace(/\D/g, ''),
    );
    expect(left).toBe(need - 1500);

    // The decision form starts from what is left: a delavslag of the calculated need.
    expect(await erik.locator('#item-0-outcome').inputValue()).toBe('partiallyGranted');
    expect((await erik.getByLabel('Beviljat belopp i kronor').inputValue()).replace(/\D/g, '')).toBe(
      String(need - 1500),
    );
    await erik.getByLabel('Nedsättning: uteblivit från planerad aktivitet').check();
    await erik
      .getByLabel('Motivering')
      .fill('Leila deltog 6 av 30 planerade timmar i veckan i november trots förvarning den 23 november.');
    await expectAccessible(erik);
    await erik.getByRole('button', { name: 'Fatta beslut' }).click();
    await erik.getByTestId('errand-state').filter({ hasText: 'Beslutad' }).waitFor();
    const letterLink = erik.getByRole('link', { name: 'Beslutsbrev (PDF)' });
    await letterLink.waitFor();
    const letter = await erik.request.get(
      new URL((await letterLink.getAttribute('href')) ?? '', app.url).href,
    );
    expect(letter.status()).toBe(200);
    const letterPath = join(workDir, 'nedsattning.pdf');
    writeFileSync(letterPath, await letter.body());
    const letterText = execFileSync('/usr/bin/pdftotext', [letterPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    const kr = (n: number) => new Intl.NumberFormat('sv-SE').format(n).replace(/\s/g, ' ');
    expect(letterText).toContain('12 kap. 5 §');
    expect(letterText).toContain(kr(need));
    expect(letterText).toContain(kr(need - 1500));
    expect(letterText).toContain('Delvis bifall (delavslag)');
    // The letter's own account of the calculation shows the full need, the reduction line with
    // its basis and reason, and what is left.
    expect(letterText).toContain(`Ekonomiskt bistånd enligt beräkningen: ${kr(need)} kr`);
    expect(letterText).toContain(
      'Nedsättning, aktivitetskravet (Leila Nasser): −1 500 kr (SoL 2025:400 12 kap. 5 §',
    );
    expect(letterText).toContain(`Skäl för nedsättningen: ${reductionReason}`);
    expect(letterText).toContain(`Ekonomiskt bistånd efter nedsättning: ${kr(need - 1500)} kr`);

    await erik.goto(`${app.url}/`);
    await expectHeading(erik, 'Mina personer');
    await openQueue(erik, 'Aktivitetskrav utan plan eller aktivitet');
    await erik.getByRole('link', { name: 'Leila Nasser' }).click();
    await expectHeading(erik, 'Leila Nasser');

    await erik.getByLabel('Utfall').fill('Flerpartssamtal med Arbetsförmedlingen och vården inom två veckor');
    await erik.getByRole('button', { name: 'Registrera ärendedragning' }).click();
    await erik.getByText('Ärendedragningen 2026-11-23 är registrerad.').waitFor();
    await openQueue(erik, 'Ärendedragning');
    await erik
      .getByRole('cell', { name: 'Flerpartssamtal med Arbetsförmedlingen och vården inom två veckor' })
      .waitFor();
    await expectAccessible(erik);
  });

  test('the unit manager sees the queues, the compliance per caseworker, and changes the planning settings', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const maria = await newPage(browser);
    await login(maria, app, 'maria');
    await expectHeading(maria, 'Enhetens personer');
    await maria.getByTestId('queue-planMissing').waitFor();
    await maria.getByRole('link', { name: 'Efterlevnad per handläggare' }).click();
    await expectHeading(maria, 'Efterlevnad per handläggare');
    await maria.getByRole('rowheader', { name: 'Erik Lund' }).waitFor();
    await expectAccessible(maria);

    await maria.goto(`${app.url}/planeringsinstallningar`);
    await expectHeading(maria, 'Inställningar för planering');
    await maria.getByLabel('Unga vuxna: högsta ålder').fill('17');
    await maria.getByRole('button', { name: 'Spara inställningar' }).click();
    await maria
      .locator('.error-summary')
      .getByText('Den övre åldern kan inte vara lägre än den nedre')
      .waitFor();
    await maria.getByLabel('Unga vuxna: högsta ålder').fill('25');
    await maria.getByRole('button', { name: 'Spara inställningar' }).click();
    await maria.getByText('Inställningarna är sparade.').waitFor();
    await expectAccessible(maria);
  });

  test('"no plan needed" shows where the plan would be; the aktivitetskrav statuses read in English too', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const erik = await newPage(browser);
    await login(erik, app, 'erik');
    await expectHeading(erik, 'Mina personer');
    // Ebba Ali is in Plan saknas because her arbetsträning (insats) started 16 days ago.
    await openQueue(erik, 'Plan saknas');
    await erik
      .getByRole('row', { name: /Ebba Ali/ })
      .getByText(/Insatsen Arbetsträning på Återbruket startade/)
      .waitFor();
    await erik.getByRole('link', { name: 'Ebba Ali' }).click();
    await expectHeading(erik, 'Ebba Ali');
    const planSection = erik.getByRole('region', { name: 'Genomförandeplan' });
    await planSection.getByRole('button', { name: 'Ingen plan behövs' }).click();
    await erik
      .getByLabel('Varför behövs ingen plan?')
      .fill('Arbetsträningen är kort och följs upp av arbetsmarknadsenheten; börjar arbeta i januari');
    await erik.getByRole('button', { name: 'Registrera att ingen plan behövs' }).click();
    const waivers = erik.getByTestId('plan-waivers');
    await waivers
      .getByText(
        '2026-11-23, Erik Lund: Arbetsträningen är kort och följs upp av arbetsmarknadsenheten; börjar arbeta i januari',
      )
      .waitFor();
    await expectAccessible(erik);
    // Read back from the server after a reload, and she has left the queue.
    await erik.reload();
    await expectHeading(erik, 'Ebba Ali');
    await erik
      .getByTestId('plan-waivers')
      .getByText(/Erik Lund: Arbetsträningen är kort/)
      .waitFor();
    await openQueue(erik, 'Plan saknas');
    await erik.getByRole('link', { name: 'Leila Nasser' }).waitFor();
    expect(await erik.getByRole('link', { name: 'Ebba Ali' }).count()).toBe(0);

    // Leila's aktivitetskrav: the rule is a proposal, 12 kap. 5 § is in force — in both languages.
    await erik.getByRole('link', { name: 'Leila Nasser' }).click();
    await expectHeading(erik, 'Leila Nasser');
    const sv = erik.getByRole('region', { name: 'Aktivitetskrav' });
    await sv.getByText(/\(status: förslag\), gäller bistånd från 2026-10/).waitFor();
    await sv.getByText(/^SoL 2025:400 12 kap\. 5 § \(gällande\): Fortsatt försörjningsstöd/).waitFor();
    await erik.getByRole('button', { name: 'In English' }).click();
    const en = erik.getByRole('region', { name: 'Activity requirement' });
    await en.getByText(/\(status: proposal\), applies to assistance from 2026-10/).waitFor();
    await en
      .getByText(/^SoL 2025:400 12 kap\. 5 § \(in force\): Continued income support may be refused/)
      .waitFor();
    await en.getByText(/\(proposal\): The section number in SoL chapter 12 is unknown/).waitFor();
    await expectAccessible(erik);
    // The work queue says why in the reader's language too.
    await erik.goto(`${app.url}/`);
    await expectHeading(erik, 'My people');
    await erik.getByRole('link', { name: /^Activity requirement without plan or activity:/ }).click();
    await erik
      .getByRole('row', { name: /Leila Nasser/ })
      .getByText(
        /^Income support \d+ months in a row without a plan with an activity \(activity requirement, proposal\)$/,
      )
      .waitFor();
    await erik.getByRole('button', { name: 'På svenska' }).click();
  });
});
