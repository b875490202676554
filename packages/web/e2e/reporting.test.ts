// Indikatorer: the nämnd sees aggregates only (no person data reachable), with no axe
// violations, and downloads them; a unit manager opens the cases behind a figure; the revisor
// draws a sample and reads a drawn file (and only drawn files).
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
  [app, browser] = await Promise.all([startApp({ history: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function dashboard(username: string, home: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, app, username);
  await expectHeading(page, home);
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Indikatorer' })
    .click();
  await expectHeading(page, 'Indikatorer');
  return page;
}

describe('Indikatorer', () => {
  test('nämnden ser indikatorerna som diagram och tabell, utan personuppgifter, och laddar ner dem', async () => {
    const page = await dashboard('nils', 'Översikt');
    await page.getByRole('heading', { level: 2, name: 'Hushåll med bistånd', exact: true }).waitFor();
    await expectAccessible(page);
    // Every chart has its table; the nämnd gets no buttons to open cases and no person links.
    const table = page.getByRole('table', { name: 'Hushåll med bistånd per månad' });
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: /Visa ärenden/ }).count()).toBe(0);
    expect(await page.locator('a[href^="/persons/"]').count()).toBe(0);
    // When the figures were computed; only a unit manager may recompute them.
    await page.getByText(/^Siffror per /).waitFor();
    expect(await page.getByRole('button', { name: 'Räkna om siffrorna' }).count()).toBe(0);

    // Break down by gender and limit to one unit: small groups show as withheld.
    await page.getByLabel('Dela upp på').selectOption('gender');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Kvinnor' }).first().waitFor();
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^indikatorer-.*\.csv$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toContain('Indikator;Månad;Grupp');

    // Policy simulation: the month's calculations with the norm raised 2.5 %.
    await page.getByRole('button', { name: 'Simulera' }).click();
    await page.getByRole('table', { name: 'Förändring per hushållstyp' }).waitFor();
    await page.getByRole('table', { name: 'Likabehandling under perioden' }).waitFor();
    await expectAccessible(page);

    // Outcomes: every closure reason of Socialstyrelsen's list, small counts withheld ("–").
    const destinations = page.getByRole('table', {
      name: 'Avslutsorsaker under perioden (Socialstyrelsens lista)',
    });
    expect(await destinations.getByRole('row').count()).toBe(9);
    const work = (
      (await destinations
        .getByRole('row', { name: /^Arbete/ })
        .getByRole('cell')
        .last()
        .textContent()) ?? ''
    ).trim();
    expect(work === '–' || work === '0' || Number(work) >= 5).toBe(true);

    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner Excel (XLSX)' }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  test('nämnden sätter ett målvärde som visas bredvid indikatorn', async () => {
    const page = await dashboard('nils', 'Översikt');
    const field = page.getByLabel(/^Målvärde \d{4} för Långvarigt bistånd/);
    await field.fill('30');
    await page.getByRole('button', { name: 'Spara målvärden' }).click();
    await page.getByText('Målvärdena är sparade.').waitFor();
    await page
      .getByRole('region', { name: 'Långvarigt bistånd (10–12 av 12 månader)' })
      .getByText(/Målvärde \d{4}: 30/)
      .waitFor();

    // The age groups are the municipality's setting; the filter follows it.
    await page.getByLabel('Åldersgrupper').fill('0-17, 18-29, 30-64, 65-');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Inställningarna är sparade.').waitFor();
    await page
      .getByLabel('Åldersgrupp', { exact: true })
      .locator('option', { hasText: '30–64' })
      .waitFor({ state: 'attached' });
    await expectAccessible(page);
  });

  test('enhetschefen ser ärendena bakom en siffra i den egna enheten', async () => {
    const page = await dashboard('maria', 'Enhetens personer');
    await page.getByText(/^Siffror per /).waitFor();
    await page.getByRole('button', { name: 'Räkna om siffrorna' }).click();
    await page.getByRole('button', { name: 'Räkna om siffrorna' }).and(page.locator(':enabled')).waitFor();
    const section = page.getByRole('region', { name: 'Hushåll med bistånd', exact: true });
    await section
      .getByRole('button', { name: /Visa ärenden för Hushåll med bistånd,/ })
      .first()
      .click();
    const panel = page.getByRole('region', { name: /Ärenden bakom siffran/ });
    await panel.waitFor();
    await panel.getByRole('link').first().waitFor();
    expect(await panel.getByRole('link').count()).toBeGreaterThan(0);
    await panel.getByText(/personer bakom siffran, varav \d+ i täljaren/).waitFor();
    await expectAccessible(page);

    // The count of everyone behind the figure; the list shows them all up to a page of 50
    // (paging itself: cube.test.ts — the test demo has about 20 adults per unit and month).
    const recipients = page.getByRole('region', { name: 'Vuxna biståndsmottagare', exact: true });
    await recipients
      .getByRole('button', { name: /Visa ärenden för Vuxna biståndsmottagare,/ })
      .last()
      .click();
    await panel.getByRole('heading', { name: /Vuxna biståndsmottagare/ }).waitFor();
    await panel.getByRole('link').first().waitFor();
    const total = Number(
      ((await panel.getByText(/personer bakom siffran/).textContent()) ?? '').replace(/\D.*$/s, '').trim(),
    );
    expect(total).toBeGreaterThan(0);
    expect(await panel.getByRole('link').count()).toBe(Math.min(total, 50));
    await expectAccessible(page);

    // The month's file to Socialstyrelsen, produced from the same case data.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Månadsfil till Socialstyrelsen/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^socialstyrelsen-\d{4}-\d{2}\.csv$/);
  });

  test('revisorn drar ett urval och läser en dragen akt, men ingen annan', async () => {
    const page = await newPage(browser);
    await login(page, app, 'rut');
    await expectHeading(page, 'Översikt');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Granskning' })
      .click();
    await expectHeading(page, 'Granskning');
    await expectAccessible(page);
    await page.getByLabel('Granskningens namn').fill('Granskning hösten 2026');
    await page.getByLabel('Antal akter').fill('3');
    await page.getByLabel('Från månad').fill('2026-01');
    await page.getByLabel('Till och med månad').fill('2026-10');
    await page.getByLabel(/^Frö/).fill('20261123');
    await page.getByRole('button', { name: 'Dra urval' }).click();
    await expectHeading(page, 'Granskning hösten 2026');
    await page.getByRole('table', { name: 'Resultat per kontrollmål' }).waitFor();
    await expectAccessible(page);
    const auditUrl = page.url();

    await page.getByRole('link', { name: 'Akt 1', exact: true }).click();
    await expectHeading(page, 'Akt 1');
    await page.getByText('Läsningen loggas.').waitFor();
    expect(await page.getByRole('table', { name: 'Hushållet' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page);
    await page.getByLabel('Kommentar: Beslut motiverade').fill('Motiveringen är tydlig.');
    await page.getByRole('button', { name: 'Spara bedömningen' }).click();
    await page.getByText('Bedömningen är sparad.').waitFor();

    // A file that was not drawn cannot be read.
    await page.goto(`${auditUrl}/akter/4`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('table', { name: 'Hushållet' }).count()).toBe(0);
  });
});
