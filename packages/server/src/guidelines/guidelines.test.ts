import { exampleGuidelineSet } from '@stegvis/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';
import { guidelineSetFor } from './guidelines.service.ts';

let t: TestApp;
let erik: Login;
let maria: Login;
let kim: Login;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  maria = await login(t.app, 'maria');
  kim = await login(t.app, 'kim');
});
afterAll(() => t.close());

const REGION_SET = exampleGuidelineSet.id;

function electricityCap(set: Awaited<ReturnType<typeof guidelineSetFor>>, validFrom: string) {
  return set?.versions
    .find((v) => v.validFrom === validFrom)
    ?.caps.find((cap) => cap.costType === 'householdElectricity')?.amount;
}

describe('the region’s shared guideline set', () => {
  it('both municipalities see the region’s set; Sjöby with its local deviation', async () => {
    const alvstad = (await t.app.inject({ url: '/api/v1/guidelines', headers: as(erik) })).json().items;
    expect(alvstad).toEqual([
      expect.objectContaining({
        id: REGION_SET,
        owner: { kind: 'region', id: 'fyrkanten', name: expect.any(String) },
        adoption: { adoptedOn: '2023-12-04', localDeviations: [] },
        versions: [
          expect.objectContaining({ version: 1, status: 'adopted', validFrom: '2024-01-01' }),
          expect.objectContaining({
            version: 2,
            status: 'adopted',
            validFrom: '2026-01-01',
            adoptedOn: '2025-11-17',
          }),
        ],
      }),
    ]);
    const sjoby = (await t.app.inject({ url: `/api/v1/guidelines/${REGION_SET}`, headers: as(kim) })).json();
    expect(sjoby.adoption.localDeviations).toEqual([expect.objectContaining({ number: '4.3' })]);
    expect(sjoby.versions[1].sections.map((s: { number: string }) => s.number)).toContain('5.4');
  });

  it('the calculation gets the set in force with the local deviation applied', async () => {
    const alvstad = await guidelineSetFor(t.db.db, 'alvstad', '2026-11');
    const sjoby = await guidelineSetFor(t.db.db, 'sjoby', '2026-11');
    expect(alvstad?.id).toBe(REGION_SET);
    expect(electricityCap(alvstad, '2026-01-01')).toBe(65_000);
    expect(electricityCap(sjoby, '2026-01-01')).toBe(70_000);
    expect(sjoby?.versions[1]?.sections.find((s) => s.number === '4.3')?.title).toContain('Sjöby');
    expect(await guidelineSetFor(t.db.db, 'alvstad', '2023-06')).toBeNull();
  });

  it('the region’s set is changed by the region, not by a member municipality', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${REGION_SET}/versions`,
      headers: as(maria),
      payload: { validFrom: '2027-01-01', sections: [], caps: [] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('a member municipality adopts the set with its own deviation, checked like any cap', async () => {
    const adam = await login(t.app, 'adam');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${REGION_SET}/adoptions`,
      headers: as(adam),
      payload: {
        adoptedOn: '2026-11-20',
        localDeviations: [
          {
            number: '4.5',
            title: 'Hemförsäkring',
            text: 'EXEMPEL.',
            caps: [{ costType: 'homeInsurance', section: '4.5', amount: -5 }],
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/localDeviations/0/caps/0/amount',
    ]);

    const good = await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${REGION_SET}/adoptions`,
      headers: as(adam),
      payload: {
        adoptedOn: '2026-11-20',
        localDeviations: [
          {
            number: '4.5',
            title: 'Hemförsäkring (Älvstad)',
            text: 'EXEMPEL. Älvstad godtar hemförsäkring upp till 300 kr.',
            caps: [{ costType: 'homeInsurance', section: '4.5', amount: 30_000 }],
          },
        ],
      },
    });
    expect(good.statusCode).toBe(200);
    const set = await guidelineSetFor(t.db.db, 'alvstad', '2026-11');
    expect(set?.versions[1]?.caps.find((cap) => cap.costType === 'homeInsurance')?.amount).toBe(30_000);
    // Sjöby's own deviation is untouched.
    expect(electricityCap(await guidelineSetFor(t.db.db, 'sjoby', '2026-11'), '2026-01-01')).toBe(70_000);
  });
});

describe('a municipality’s own guideline set', () => {
  it('is drafted, checked, adopted, in force from its date, and never changed afterwards', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines',
      headers: as(maria),
      payload: { name: 'Älvstads riktlinje för ekonomiskt bistånd' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().owner).toEqual({ kind: 'municipality', id: 'alvstad', name: 'Älvstads kommun' });

    const invalid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${id}/versions`,
      headers: as(maria),
      payload: {
        validFrom: '2027-01-15',
        sections: [{ number: '4.2', title: 'Boende', text: 'Skälig boendekostnad.' }],
        caps: [{ costType: 'parking', section: '4.2', amount: 100 }],
      },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/validFrom',
      '/caps/0/costType',
    ]);

    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${id}/versions`,
      headers: as(maria),
      payload: {
        validFrom: '2027-01-01',
        sections: [{ number: '4.2', title: 'Boende', text: 'Skälig boendekostnad prövas mot orten.' }],
        caps: [{ costType: 'housing', section: '4.2', byHouseholdSize: { '1': 700_000, '2': 850_000 } }],
      },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft' });
    // A draft is not in force.
    expect((await guidelineSetFor(t.db.db, 'alvstad', '2027-02'))?.id).toBe(REGION_SET);

    const adopt = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/guidelines/${id}/versions/1/adopt`,
        headers: as(maria),
        payload,
      });
    const badDates = await adopt({
      adoptedOn: '2026-12-10',
      reviewOn: '2026-01-01',
      adoptedBy: 'Socialnämnden',
    });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().errors).toEqual([
      { pointer: '/reviewOn', detail: expect.stringContaining('efter') },
    ]);

    const adopted = await adopt({
      adoptedOn: '2026-12-10',
      reviewOn: '2028-12-10',
      adoptedBy: 'Socialnämnden',
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({
      status: 'adopted',
      adoptedOn: '2026-12-10',
      adoptedBy: 'Socialnämnden',
    });
    expect(
      (await adopt({ adoptedOn: '2026-12-11', reviewOn: '2028-12-10', adoptedBy: 'X' })).statusCode,
    ).toBe(409);

    await expect(
      t.db.db
        .updateTable('guidelineVersions')
        .set({ reviewOn: '2030-01-01' })
        .where('guidelineSetId', '=', id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.db.db.deleteFrom('guidelineVersions').where('guidelineSetId', '=', id).execute(),
    ).rejects.toThrow(/immutable/);

    // Its own adopted set is in force from its date; before that, the region's.
    const own = await guidelineSetFor(t.db.db, 'alvstad', '2027-02');
    expect(own).toMatchObject({ id, owner: { kind: 'municipality', name: 'Älvstads kommun' } });
    expect((await guidelineSetFor(t.db.db, 'alvstad', '2026-12'))?.id).toBe(REGION_SET);

    // Sjöby does not see Älvstad's own set.
    expect((await t.app.inject({ url: `/api/v1/guidelines/${id}`, headers: as(kim) })).statusCode).toBe(404);
  });

  it('only the unit manager and the system administrator write guidelines; everyone reads them', async () => {
    const byCaseworker = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines',
      headers: as(erik),
      payload: { name: 'X' },
    });
    expect(byCaseworker.statusCode).toBe(403);
    for (const username of ['sara', 'nils', 'rut']) {
      const who = await login(t.app, username);
      expect((await t.app.inject({ url: '/api/v1/guidelines', headers: as(who) })).statusCode, username).toBe(
        200,
      );
    }
  });
});

describe('editing a draft', () => {
  it('replaces a draft’s caps and date, checks them like a new draft, and refuses an adopted version', async () => {
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/guidelines',
        headers: as(maria),
        payload: { name: 'Älvstads utkast till riktlinje' },
      })
    ).json().id;
    const sections = [{ number: '4.3', title: 'Hushållsel', text: 'Skälig kostnad för hushållsel.' }];
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${id}/versions`,
      headers: as(maria),
      payload: { validFrom: '2028-01-01', sections, caps: [] },
    });
    const put = (payload: object, who = maria) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/guidelines/${id}/versions/1`, headers: as(who), payload });

    const edited = await put({
      validFrom: '2028-02-01',
      sections,
      caps: [{ costType: 'householdElectricity', section: '4.3', amount: 72_000 }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 1, status: 'draft', validFrom: '2028-02-01' });
    const read = (await t.app.inject({ url: `/api/v1/guidelines/${id}`, headers: as(erik) })).json();
    expect(read.versions[0].caps).toEqual([
      { costType: 'householdElectricity', section: '4.3', amount: 72_000 },
    ]);

    const badCap = await put({
      validFrom: '2028-02-01',
      sections,
      caps: [{ costType: 'householdElectricity', section: '9.9', amount: 72_000 }],
    });
    expect(badCap.statusCode).toBe(422);
    expect(badCap.json().errors[0].pointer).toMatch(/^\/caps\/0/);
    expect((await put({ validFrom: '2028-02-01', sections, caps: [] }, erik)).statusCode).toBe(403);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/guidelines/${id}/versions/1/adopt`,
      headers: as(maria),
      payload: { adoptedOn: '2027-12-01', reviewOn: '2029-12-01', adoptedBy: 'Socialnämnden' },
    });
    const afterAdoption = await put({ validFrom: '2028-02-01', sections, caps: [] });
    expect(afterAdoption.statusCode).toBe(409);
    expect(
      (await put({ validFrom: '2028-02-01', sections, caps: [] }).then((r) => r.json())).detail,
    ).toContain('antagen');
  });
});
