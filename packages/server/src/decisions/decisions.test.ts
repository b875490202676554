import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type CalculationInput, calculate, isCalculationError } from '@stegvis/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { identityNumber } from '../demo/synthetic.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let maria: Login;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  maria = await login(t.app, 'maria');
});
afterAll(() => t.close());

type FixtureMember = {
  role: 'applicant' | 'partner' | 'child';
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: 'female' | 'male';
};

let serial = 70;

/**
 * An errand of Älvstad's unit Norr that the investigation has made ready for decision, with
 * its calculation snapshot computed by the rules engine (the errand API is built elsewhere).
 */
async function errandReadyForDecision(options: {
  members: FixtureMember[];
  month: string;
  costs: CalculationInput['costs'];
  protectedIdentity?: boolean;
}) {
  const householdId = randomUUID();
  const errandId = randomUUID();
  const persons = options.members.map((m) => ({ ...m, id: randomUUID() }));
  const input: CalculationInput = {
    month: options.month,
    household: { members: persons.map((p) => ({ id: p.id, role: p.role, birthDate: p.birthDate })) },
    costs: options.costs,
    incomes: [],
  };
  const result = calculate(input);
  if (isCalculationError(result)) throw new Error(JSON.stringify(result));
  await inTenant(t.db.db, 'alvstad', async (trx) => {
    await trx
      .insertInto('persons')
      .values(
        persons.map((p) => ({
          municipalityId: 'alvstad',
          id: p.id,
          personalIdentityNumber: identityNumber(p.birthDate, p.gender, serial++),
          birthDate: p.birthDate,
          gender: p.gender,
          firstName: p.firstName,
          lastName: p.lastName,
          street: 'Åkervägen 12',
          postalCode: '791 31',
          city: 'Älvstad',
          unitId: 'eb-norr',
          responsibleUserId: erik.userId,
          confidentialityMarking: options.protectedIdentity ?? false,
        })),
      )
      .execute();
    await trx
      .insertInto('households')
      .values({ municipalityId: 'alvstad', id: householdId, unitId: 'eb-norr' })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values(
        persons.map((p) => ({
          municipalityId: 'alvstad',
          householdId,
          personId: p.id,
          role: p.role,
          validFrom: '2026-01-01',
          validTo: null,
        })),
      )
      .execute();
    await trx
      .insertInto('errands')
      .values({
        municipalityId: 'alvstad',
        id: errandId,
        householdId,
        unitId: 'eb-norr',
        type: 'newApplication',
        month: options.month,
        state: 'readyForDecision',
        requestedNote: null,
        createdBy: erik.userId,
      })
      .execute();
    await trx
      .insertInto('calculations')
      .values({
        municipalityId: 'alvstad',
        id: randomUUID(),
        errandId,
        input: JSON.stringify(input),
        result: JSON.stringify(result),
        parameterSet: result.parameters,
        guidelineSetId: null,
        assistance: result.assistance,
        createdBy: erik.userId,
      })
      .execute();
  });
  return { errandId, assistance: result.assistance, personIds: persons.map((p) => p.id) };
}

const amina: FixtureMember = {
  role: 'applicant',
  firstName: 'Amina',
  lastName: 'Yusuf',
  birthDate: '2002-04-17',
  gender: 'female',
};
const aminasCosts: CalculationInput['costs'] = [
  { type: 'housing', amount: 520_000 },
  { type: 'householdElectricity', amount: 30_000 },
];

function bifall(amount: number) {
  return {
    items: [
      {
        description: 'Försörjningsstöd för mars 2026',
        requested: amount,
        granted: amount,
        outcome: 'granted',
        reasonTemplateIds: ['bifall-forsorjningsstod'],
        reasons: 'Du har inga inkomster och är inskriven hos Arbetsförmedlingen.',
        legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)',
      },
    ],
    reasoning:
      'Beslutet grundar sig på 12 kap. 1 och 7 §§ socialtjänstlagen. Avgörande är att du saknar inkomster och att hyran 5 200 kr är skälig.',
  };
}

function decide(who: Login, errandId: string, payload: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/errands/${errandId}/decisions`,
    headers: as(who),
    payload,
  });
}

async function letterText(who: Login, decisionId: string): Promise<string> {
  const response = await t.app.inject({ url: `/api/v1/decisions/${decisionId}/letter`, headers: as(who) });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: response.rawPayload,
  }).toString('utf8');
  // Amounts are written with non-breaking spaces ("10 720 kr"); compare words, not spacing.
  return text.replace(/\s+/g, ' ');
}

async function errandState(errandId: string) {
  return inTenant(t.db.db, 'alvstad', (trx) =>
    trx.selectFrom('errands').select('state').where('id', '=', errandId).executeTakeFirstOrThrow(),
  );
}

async function decisionCount(errandId: string) {
  const rows = await inTenant(t.db.db, 'alvstad', (trx) =>
    trx.selectFrom('decisions').select('id').where('errandId', '=', errandId).execute(),
  );
  return rows.length;
}

describe('bifall', () => {
  it('journey 1: Amina’s March application, investigated and calculated through the errand API, is granted', async () => {
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(erik), payload });
    const person = await post('/persons', {
      personalIdentityNumber: '20020315-2384',
      firstName: 'Amina',
      lastName: 'Hassan',
      address: { street: 'Storgatan 1', postalCode: '791 10', city: 'Älvstad' },
    });
    const household = await post('/households', {
      applicantPersonId: person.json().id,
      validFrom: '2026-01-01',
    });
    const errand = (
      await post('/errands', { householdId: household.json().id, type: 'newApplication', month: '2026-03' })
    ).json();
    await post(`/errands/${errand.id}/transitions`, { to: 'underInvestigation' });
    await post(`/errands/${errand.id}/items`, { kind: 'cost', type: 'housing', amount: 520_000 });
    await post(`/errands/${errand.id}/items`, { kind: 'cost', type: 'householdElectricity', amount: 30_000 });
    const calculation = (await post(`/errands/${errand.id}/calculations`, {})).json();
    expect(calculation.assistance).toBe(1_072_000);
    expect((await post(`/errands/${errand.id}/transitions`, { to: 'readyForDecision' })).statusCode).toBe(
      200,
    );

    const decided = await decide(erik, errand.id, bifall(calculation.assistance));
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ calculationId: calculation.id, grantedTotal: 1_072_000 });
    const file = (await t.app.inject({ url: `/api/v1/errands/${errand.id}`, headers: as(erik) })).json();
    expect(file.state).toBe('decided');
    expect(file.transitions.at(-1)).toMatchObject({ fromState: 'readyForDecision', toState: 'decided' });

    const text = await letterText(erik, decided.json().id);
    expect(text).toContain('Amina Hassan');
    expect(text).toContain('Storgatan 1');
    expect(text).toContain('Personliga kostnader, ensamstående (riksnorm): 3 940 kr');
    expect(text).toContain('Gemensamma hushållskostnader (riksnorm): 1 280 kr');
    expect(text).toContain('Ekonomiskt bistånd enligt beräkningen: 10 720 kr');
  });

  it('Amina, single without income in March 2026, is granted 10 720 kr and gets a Swedish letter with appeal information', async () => {
    const { errandId, assistance, personIds } = await errandReadyForDecision({
      members: [amina],
      month: '2026-03',
      costs: aminasCosts,
    });
    expect(assistance).toBe(1_072_000);
    const response = await decide(erik, errandId, bifall(assistance));
    expect(response.statusCode).toBe(201);
    const decision = response.json();
    expect(decision).toMatchObject({
      errandId,
      grantedTotal: 1_072_000,
      decidedBy: { name: 'Erik Lund' },
      items: [
        { outcome: 'granted', granted: 1_072_000, legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)' },
      ],
      letter: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // The chosen template's text and the caseworker's own words both become the reasons.
    expect(decision.items[0].reasons).toContain('Ditt behov enligt riksnormen');
    expect(decision.items[0].reasons).toContain('inskriven hos Arbetsförmedlingen');
    expect(await errandState(errandId)).toEqual({ state: 'decided' });

    const text = await letterText(erik, decision.id);
    expect(text).toContain('Älvstads kommun');
    expect(text).toContain('Amina Yusuf');
    expect(text).toContain('Åkervägen 12');
    expect(text).toContain('Beslut om ekonomiskt bistånd för mars 2026');
    expect(text).toContain('Du beviljas 10 720 kr');
    expect(text).toContain('Boendekostnad: 5 200 kr');
    expect(text).toContain('förvaltningsrätten');
    expect(text).toContain('tre veckor');
    expect(text).toContain('44 § förvaltningslagen');
    expect(text).toContain('Socialnämnden');
    expect(text).not.toContain('Barnets bästa');

    const listed = await t.app.inject({ url: `/api/v1/errands/${errandId}/decisions`, headers: as(erik) });
    expect(listed.json().items.map((d: { id: string }) => d.id)).toEqual([decision.id]);
    const one = await t.app.inject({ url: `/api/v1/decisions/${decision.id}`, headers: as(maria) });
    expect(one.json()).toEqual(decision);

    // Deciding, listing, reading and the letter are all in the access log for Amina.
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(['action', 'route'])
        .where('personId', '=', personIds[0] as string)
        .execute(),
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: 'create', route: 'POST /api/v1/errands/:id/decisions' },
        { action: 'read', route: 'GET /api/v1/decisions/:id/letter' },
      ]),
    );

    // The decision is documented in Amina's journal (SoL 2025:400 14 kap. 3 §).
    const journal = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('journalEntries')
        .select(['errandId', 'text'])
        .where('personId', '=', personIds[0] as string)
        .execute(),
    );
    expect(journal).toEqual([{ errandId, text: expect.stringContaining('bifall') }]);
    expect(journal[0]?.text.replace(/\s/g, ' ')).toContain('Beviljat totalt 10 720 kr');

    const again = await decide(erik, errandId, bifall(assistance));
    expect(again.statusCode).toBe(409);
  });

  it('the letter and the decision can never be changed afterwards: the database refuses', async () => {
    const { errandId, assistance } = await errandReadyForDecision({
      members: [amina],
      month: '2026-04',
      costs: aminasCosts,
    });
    const decision = (await decide(erik, errandId, bifall(assistance))).json();
    await expect(
      t.db.db
        .updateTable('decisions')
        .set({ letterPdf: Buffer.from('%PDF-forged') })
        .where('id', '=', decision.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.db
        .updateTable('decisionItems')
        .set({ granted: 1 })
        .where('decisionId', '=', decision.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.db.deleteFrom('decisions').where('id', '=', decision.id).execute()).rejects.toThrow(
      /append-only/,
    );
    const letter = await t.app.inject({ url: `/api/v1/decisions/${decision.id}/letter`, headers: as(erik) });
    expect(letter.headers['x-content-sha256']).toBe(decision.letter.sha256);
  });
});

describe('what a decision needs', () => {
  it('refuses a decision without reasons, naming every field at once, and saves nothing', async () => {
    const { errandId } = await errandReadyForDecision({
      members: [amina],
      month: '2026-05',
      costs: aminasCosts,
    });
    const response = await decide(erik, errandId, {
      items: [
        {
          description: 'Försörjningsstöd',
          requested: 500_000,
          granted: 600_000,
          outcome: 'granted',
          reasons: '',
          legalBasis: '',
        },
        {
          description: 'Tandvård',
          requested: 300_000,
          granted: 100_000,
          outcome: 'rejected',
          reasons: 'Ej akut',
          legalBasis: 'SoL 12 kap. 1 §',
        },
      ],
      reasoning: '  ',
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { pointer: '/items/0/reasons', detail: expect.stringContaining('32 § förvaltningslagen') },
      { pointer: '/items/0/legalBasis', detail: expect.stringContaining('Ange lagrummet') },
      { pointer: '/items/0/granted', detail: 'Beviljat belopp kan inte vara större än det sökta' },
      { pointer: '/items/1/granted', detail: expect.stringContaining('Vid avslag beviljas inget belopp') },
      { pointer: '/reasoning', detail: expect.stringContaining('vilka regler') },
    ]);
    expect(await decisionCount(errandId)).toBe(0);
    expect(await errandState(errandId)).toEqual({ state: 'readyForDecision' });
  });

  it('refuses a delavslag that grants the whole amount and an unknown reason template', async () => {
    const { errandId } = await errandReadyForDecision({
      members: [amina],
      month: '2026-06',
      costs: aminasCosts,
    });
    const response = await decide(erik, errandId, {
      items: [
        {
          description: 'Försörjningsstöd',
          requested: 500_000,
          granted: 500_000,
          outcome: 'partiallyGranted',
          reasonTemplateIds: ['finns-inte'],
          reasons: 'x',
          legalBasis: 'SoL 12 kap. 1 §',
        },
      ],
      reasoning: 'Motivering',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/items/0/outcome',
      '/items/0/reasonTemplateIds/0',
    ]);
  });

  it('an errand that is not ready for decision cannot be decided', async () => {
    const { errandId, assistance } = await errandReadyForDecision({
      members: [amina],
      month: '2026-07',
      costs: aminasCosts,
    });
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.updateTable('errands').set({ state: 'underInvestigation' }).where('id', '=', errandId).execute(),
    );
    const response = await decide(erik, errandId, bifall(assistance));
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('inte klart för beslut');
  });
});

describe('delegation (delegationsordning)', () => {
  it('a caseworker may not grant more than 30 000 kr: 403 citing the section, nothing saved; the unit manager may', async () => {
    const { errandId } = await errandReadyForDecision({
      members: [amina],
      month: '2026-08',
      costs: aminasCosts,
    });
    const large = bifall(3_500_000);
    const refused = await decide(erik, errandId, large);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail.replace(/\s/g, ' ')).toMatch(
      /din delegation omfattar högst 30 000 kr enligt delegationsordningen, punkt 3\.1\.1/,
    );
    expect(await decisionCount(errandId)).toBe(0);
    expect(await errandState(errandId)).toEqual({ state: 'readyForDecision' });

    const byManager = await decide(maria, errandId, large);
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json().decidedBy.name).toBe('Maria Ek');
  });

  it('a caseworker may reject any amount', async () => {
    const { errandId } = await errandReadyForDecision({
      members: [amina],
      month: '2026-09',
      costs: aminasCosts,
    });
    const response = await decide(erik, errandId, {
      items: [
        {
          description: 'Försörjningsstöd',
          requested: 9_000_000,
          granted: 0,
          outcome: 'rejected',
          reasonTemplateIds: ['avslag-arbetsmarknad'],
        },
      ],
      reasoning: 'Du har inte varit inskriven hos Arbetsförmedlingen och har inte angett något skäl.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().items[0]).toMatchObject({
      outcome: 'rejected',
      legalBasis: '12 kap. 3 § socialtjänstlagen (2025:400)',
    });
  });

  it('the coach, the nämnd and the auditor cannot decide; another unit does not even see the errand', async () => {
    const { errandId, assistance } = await errandReadyForDecision({
      members: [amina],
      month: '2026-10',
      costs: aminasCosts,
    });
    for (const username of ['sara', 'nils', 'rut', 'adam']) {
      const who = await login(t.app, username);
      expect((await decide(who, errandId, bifall(assistance))).statusCode, username).toBe(403);
    }
    const lina = await login(t.app, 'lina');
    expect((await decide(lina, errandId, bifall(assistance))).statusCode).toBe(404);
    expect(await decisionCount(errandId)).toBe(0);
  });
});

describe('children and protected identity in the letter', () => {
  const family: FixtureMember[] = [
    { role: 'applicant', firstName: 'Leila', lastName: 'Öst', birthDate: '1990-02-03', gender: 'female' },
    { role: 'child', firstName: 'Sami', lastName: 'Öst', birthDate: '2018-06-09', gender: 'male' },
  ];

  it('a household with a child requires the assessment of the child’s best interests and prints it', async () => {
    const { errandId, assistance } = await errandReadyForDecision({
      members: family,
      month: '2026-03',
      costs: [{ type: 'housing', amount: 700_000 }],
    });
    const missing = await decide(erik, errandId, bifall(assistance));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      { pointer: '/childBestInterest', detail: expect.stringContaining('3 kap. 1 § socialtjänstlagen') },
    ]);
    expect(await decisionCount(errandId)).toBe(0);

    const assessment = 'Sami behöver en trygg bostad nära sin skola; bifall ger familjen det.';
    const response = await decide(erik, errandId, { ...bifall(assistance), childBestInterest: assessment });
    expect(response.statusCode).toBe(201);
    expect(response.json().childBestInterest).toBe(assessment);
    const text = await letterText(erik, response.json().id);
    expect(text).toContain('Barnets bästa');
    expect(text).toContain(assessment);
    expect(text).toContain('Personliga kostnader, barn');
  });

  it('the letter to a person with protected identity has no address', async () => {
    const { errandId, assistance } = await errandReadyForDecision({
      members: [{ ...amina, firstName: 'Åsa', lastName: 'Skyddsdal' }],
      month: '2026-03',
      costs: aminasCosts,
      protectedIdentity: true,
    });
    const response = await decide(erik, errandId, bifall(assistance));
    expect(response.statusCode).toBe(201);
    const text = await letterText(erik, response.json().id);
    expect(text).toContain('Åsa Skyddsdal');
    expect(text).not.toContain('Åkervägen');
    expect(text).not.toContain('791 31');
  });
});

describe('reason templates', () => {
  it('each municipality has its own templates, citing the law', async () => {
    const alvstad = (await t.app.inject({ url: '/api/v1/reason-templates', headers: as(erik) })).json().items;
    expect(alvstad.map((r: { id: string }) => r.id)).toContain('avslag-arbetsmarknad');
    expect(alvstad.every((r: { legalBasis: string }) => /§/.test(r.legalBasis))).toBe(true);
    const kim = await login(t.app, 'kim');
    const sjoby = (await t.app.inject({ url: '/api/v1/reason-templates', headers: as(kim) })).json().items;
    expect(sjoby.length).toBe(alvstad.length);
  });
});
