import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let maria: Login;
let nils: Login;
let kim: Login;
let personId: string;
let agencies: { id: string; kind: string; name: string }[];

const get = (who: Login, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
const post = (who: Login, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
const pointers = (response: { json(): { errors?: { pointer: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.pointer);
const agency = (kind: string) => agencies.find((a) => a.kind === kind)?.id ?? '';

beforeAll(async () => {
  t = await buildTestApp();
  [erik, maria, nils, kim] = await Promise.all([
    login(t.app, 'erik'),
    login(t.app, 'maria'),
    login(t.app, 'nils'),
    login(t.app, 'kim'),
  ]);
  const [household] = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 1);
  personId = household?.applicantId ?? '';
  agencies = (await get(erik, '/partner-agencies')).json().items;
});
afterAll(() => t.close());

describe('samverkansparter', () => {
  it('keeps contacts by role per agency, per municipality', async () => {
    const af = agency('employmentService');
    const contacts = (await get(erik, `/partner-agencies/${af}/contacts`)).json().items as { role: string }[];
    expect(contacts.map((c) => c.role)).toContain('Arbetsförmedlare, unga vuxna');
    const added = await post(erik, `/partner-agencies/${af}/contacts`, {
      name: 'Pia Lund',
      role: 'Handläggare',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (await post(erik, `/partner-agencies/${af}/contacts`, { name: 'Pia Lund', role: '' })).statusCode,
    ).toBe(422);
    expect((await get(kim, `/partner-agencies/${af}/contacts`)).statusCode).toBe(404);
  });
});

describe('samverkansmöte', () => {
  const meeting = () => ({
    heldOn: TEST_TODAY,
    purpose: 'Gemensam planering inför arbetsträning',
    participants: [
      { name: 'Erik Lund', role: 'Socialsekreterare' },
      { agencyId: agency('employmentService'), name: 'Anders Björk', role: 'Arbetsförmedlare' },
      { agencyId: agency('socialInsuranceAgency'), name: 'Karin Vik', role: 'Rehabiliteringskoordinator' },
    ],
    summary: 'Vi är överens om arbetsträning 20 timmar i veckan.',
    agreedActions: [{ action: 'Anmäla till arbetsträning', responsible: 'Erik Lund', by: '2026-12-01' }],
  });

  it('is refused for each agency without the person’s valid consent (an expired one counts as none)', async () => {
    await post(erik, `/persons/${personId}/consents`, {
      agencyId: agency('employmentService'),
      scope: ['meetings'],
      givenOn: '2026-01-01',
      expiresOn: '2026-12-31',
      form: 'written',
    });
    await post(erik, `/persons/${personId}/consents`, {
      agencyId: agency('socialInsuranceAgency'),
      scope: ['meetings'],
      givenOn: '2025-01-01',
      expiresOn: '2025-12-31',
      form: 'written',
    });
    const refused = await post(erik, `/persons/${personId}/collaboration-meetings`, meeting());
    expect(refused.statusCode).toBe(422);
    expect(pointers(refused)).toEqual(['/participants/2/agencyId']);
    expect(refused.json().errors[0].detail).toContain('Försäkringskassan');
  });

  it('is recorded when every agency has consent, and read back with the agencies named', async () => {
    await post(erik, `/persons/${personId}/consents`, {
      agencyId: agency('socialInsuranceAgency'),
      scope: ['meetings', 'referral'],
      givenOn: '2026-11-20',
      expiresOn: '2027-11-19',
      form: 'digital',
    });
    const recorded = await post(erik, `/persons/${personId}/collaboration-meetings`, meeting());
    expect(recorded.statusCode).toBe(201);
    const list = (await get(erik, `/persons/${personId}/collaboration-meetings`)).json().items;
    expect(list[0].agencies.map((a: { name: string }) => a.name).sort()).toEqual([
      'Arbetsförmedlingen',
      'Försäkringskassan',
    ]);
  });
});

describe('överenskommelser', () => {
  const agreement = () => ({
    title: 'Överenskommelse om språkpraktik',
    partyAgencyIds: [agency('employmentService')],
    decidedBy: 'Förvaltningschef och Arbetsförmedlingens sektionschef',
    decidedOn: '2026-10-01',
    validFrom: '2026-11-01',
    purpose: 'Språkpraktik för personer som läser sfi',
    targetGroup: 'Vuxna på sfi med försörjningsstöd',
    procedure: 'Gemensam kartläggning, praktik via arbetsmarknadsenheten',
    responsibilities: [
      { party: 'Kommunen', responsibility: 'Praktikplatser och handledning' },
      { party: 'Arbetsförmedlingen', responsibility: 'Anvisning och uppföljning' },
    ],
    reviewOn: '2027-11-01',
    economicCommitments: 'Inga',
    goals: [{ goal: 'Fler i arbete efter praktik', measure: 'Andel i arbete 6 månader efter' }],
  });

  it('holds every criterion; missing ones are refused by name', async () => {
    const created = await post(maria, '/agreements', agreement());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      current: true,
      reviewOverdue: false,
      notFollowedUpIn12Months: false,
    });
    const { procedure: _p, ...withoutProcedure } = agreement();
    const bad = await post(maria, '/agreements', { ...withoutProcedure, responsibilities: [], goals: [] });
    expect(pointers(bad).sort()).toEqual(['/goals', '/procedure', '/responsibilities']);
    expect((await post(erik, '/agreements', agreement())).statusCode).toBe(403);
  });

  it('lists the agreements not followed up in the last 12 months, until they are', async () => {
    const stale = (await get(nils, '/agreements?notFollowedUp=true')).json().items as {
      id: string;
      title: string;
    }[];
    expect(stale.map((a) => a.title)).toEqual(['Lokal överenskommelse om unga vuxna utan arbete']);
    const id = stale[0]?.id;
    const followed = await post(maria, `/agreements/${id}/follow-ups`, {
      followedUpOn: TEST_TODAY,
      summary: 'Genomgång med båda parter',
      goalResults: [{ goal: 'Färre unga vuxna utan aktivitet', result: '70 % inom 30 dagar' }],
    });
    expect(followed.statusCode).toBe(201);
    expect(followed.json().lastFollowedUpOn).toBe(TEST_TODAY);
    expect((await get(nils, '/agreements?notFollowedUp=true')).json().items).toEqual([]);
    expect(
      pointers(
        await post(maria, `/agreements/${id}/follow-ups`, { followedUpOn: '2030-01-01', summary: 'x' }),
      ),
    ).toEqual(['/followedUpOn']);
  });
});
