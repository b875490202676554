import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type CalculationInput, calculate, isCalculationError } from '@stegvis/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let leila: { personId: string; householdId: string; birthDate: string };

const post = (who: Login, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
const get = (who: Login, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: as(who) });
const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  // Leila Nasser (demo): försörjningsstöd 11 months in a row, no plan.
  leila = await inTenant(t.db.db, 'alvstad', (trx) =>
    trx
      .selectFrom('persons as p')
      .innerJoin('householdMembers as m', (j) =>
        j.onRef('m.municipalityId', '=', 'p.municipalityId').onRef('m.personId', '=', 'p.id'),
      )
      .select(['p.id as personId', 'm.householdId', 'p.birthDate'])
      .where('p.firstName', '=', 'Leila')
      .where('p.lastName', '=', 'Nasser')
      .executeTakeFirstOrThrow(),
  );
});
afterAll(() => t.close());

describe('aktivitetskrav per person', () => {
  it('applies after three consecutive months, with the rule as a proposal and the reduction basis without guessed numbers', async () => {
    const r = await get(erik, `/persons/${leila.personId}/aktivitetskrav`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ month: '2026-11', consecutiveMonths: 11, applies: true });
    expect(body.rule).toMatchObject({
      status: 'proposed',
      firstAppliedMonth: '2026-10',
      consecutiveMonths: 3,
    });
    expect(body.reductionBasis[0].text).toBe('SoL 2025:400 12 kap. 5 §');
    expect(body.reductionBasis[0]).toMatchObject({ id: 'sol-12-5', status: 'inForce' });
    expect(body.reductionBasis[1]).toMatchObject({ status: 'proposed' });
    expect(body.reductionBasis[1].note).toContain('okänt');
  });

  it('refuses an exemption without a reason or an end date, or ending before it starts', async () => {
    const url = `/persons/${leila.personId}/aktivitetskrav/exemptions`;
    const noReason = await post(erik, url, { reason: ' ', validFrom: '2026-11-01', validTo: '2027-01-31' });
    expect(noReason.statusCode).toBe(422);
    expect(pointers(noReason.json())).toContain('/reason');
    const noEnd = await post(erik, url, { reason: 'Vårdar sitt barn på heltid', validFrom: '2026-11-01' });
    expect(noEnd.statusCode).toBe(422);
    expect(noEnd.json().errors).toContainEqual({
      pointer: '/validTo',
      detail: 'Ange slutdatum som ÅÅÅÅ-MM-DD: undantag gäller alltid en bestämd period',
    });
    const backwards = await post(erik, url, {
      reason: 'Vårdar sitt barn på heltid',
      validFrom: '2026-11-01',
      validTo: '2026-10-01',
    });
    expect(backwards.statusCode).toBe(422);
    expect(pointers(backwards.json())).toContain('/validTo');
  });

  it('a recorded exemption moves the person from the aktivitetskrav queue to the exempt list for its period', async () => {
    const other = await buildTestApp();
    try {
      const who = await login(other.app, 'erik');
      const made = await other.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${leila.personId}/aktivitetskrav/exemptions`,
        headers: as(who),
        payload: {
          reason: 'Genomgår utredning av arbetsförmåga',
          validFrom: '2026-11-01',
          validTo: '2027-01-31',
        },
      });
      expect(made.statusCode).toBe(201);
      const status = (
        await other.app.inject({ url: `/api/v1/persons/${leila.personId}/aktivitetskrav`, headers: as(who) })
      ).json();
      expect(status.applies).toBe(false);
      expect(status.exemptions[0]).toMatchObject({
        reason: 'Genomgår utredning av arbetsförmåga',
        current: true,
      });
      const queues = (await other.app.inject({ url: '/api/v1/work-queues', headers: as(who) })).json();
      const aktivitetskrav = queues.queues.find((q: { code: string }) => q.code === 'aktivitetskrav');
      expect(aktivitetskrav.items.map((i: { personId: string }) => i.personId)).not.toContain(leila.personId);
      expect(queues.aktivitetskrav.exempt).toContainEqual(
        expect.objectContaining({
          personId: leila.personId,
          exemption: 'Genomgår utredning av arbetsförmåga (t.o.m. 2027-01-31)',
        }),
      );
    } finally {
      await other.close();
    }
  });

  it('deviation → notice → a reduction decision whose letter cites 12 kap. 5 § and shows the reduced amount', async () => {
    const url = `/persons/${leila.personId}/aktivitetskrav/deviations`;
    const notADeviation = await post(erik, url, {
      month: '2026-11',
      plannedHoursPerWeek: 20,
      attendedHoursPerWeek: 20,
      description: 'Deltog fullt',
    });
    expect(notADeviation.statusCode).toBe(422);
    expect(pointers(notADeviation.json())).toContain('/attendedHoursPerWeek');
    const deviation = await post(erik, url, {
      month: '2026-11',
      plannedHoursPerWeek: 30,
      attendedHoursPerWeek: 6,
      description: 'Uteblev från arbetsträningen tre veckor utan att höra av sig',
    });
    expect(deviation.statusCode).toBe(201);
    const notice = await post(erik, `/aktivitetskrav/deviations/${deviation.json().id}/notice`, {});
    expect(notice.statusCode).toBe(200);
    expect(notice.json()).toMatchObject({ noticeSentOn: '2026-11-23', attendedHoursPerWeek: 6 });
    expect(
      (await post(erik, `/aktivitetskrav/deviations/${deviation.json().id}/notice`, {})).statusCode,
    ).toBe(409);
    const outbox = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('notifications')
        .select('text')
        .where('personId', '=', leila.personId)
        .where('text', 'like', 'Förvarning:%')
        .execute(),
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.text).toContain('12 kap. 5 §');
    const status = (await get(erik, `/persons/${leila.personId}/aktivitetskrav`)).json();
    expect(status.deviations[0]).toMatchObject({ plannedHoursPerWeek: 30, noticeSentOn: '2026-11-23' });

    // December's application, calculated, decided with the reduction template.
    const input: CalculationInput = {
      month: '2026-12',
      household: { members: [{ id: leila.personId, role: 'applicant', birthDate: leila.birthDate }] },
      costs: [{ type: 'housing', amount: 480_000 }],
      incomes: [],
    };
    const result = calculate(input);
    if (isCalculationError(result)) throw new Error(JSON.stringify(result));
    const errandId = randomUUID();
    await inTenant(t.db.db, 'alvstad', async (trx) => {
      await trx
        .insertInto('errands')
        .values({
          municipalityId: 'alvstad',
          id: errandId,
          householdId: leila.householdId,
          unitId: 'eb-norr',
          type: 'renewalApplication',
          month: '2026-12',
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
    const templates = (await get(erik, '/reason-templates')).json().items as {
      id: string;
      legalBasis: string;
    }[];
    const reduction = templates.find((r) => r.id === 'nedsattning-aktivitet');
    expect(reduction?.legalBasis).toBe('12 kap. 5 § socialtjänstlagen (2025:400)');
    const reduceBy = 150_000;
    const decided = await post(erik, `/errands/${errandId}/decisions`, {
      items: [
        {
          description: 'Försörjningsstöd för december 2026',
          requested: result.assistance,
          granted: result.assistance - reduceBy,
          outcome: 'partiallyGranted',
          reasonTemplateIds: ['nedsattning-aktivitet'],
          reasons:
            'Du deltog 6 av 30 planerade timmar i veckan i november och fick förvarning den 23 november 2026.',
          legalBasis: reduction?.legalBasis ?? '',
        },
      ],
      reasoning:
        'Beslutet grundar sig på 12 kap. 5 § socialtjänstlagen. Avgörande är att du utan godtagbart skäl har uteblivit från arbetsträningen trots förvarning.',
    });
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ grantedTotal: result.assistance - reduceBy });
    const letter = await get(erik, `/decisions/${decided.json().id}/letter`);
    expect(letter.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: letter.rawPayload })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('12 kap. 5 §');
    const kronor = (ore: number) => new Intl.NumberFormat('sv-SE').format(ore / 100).replace(/\s/g, ' ');
    expect(text).toContain(kronor(result.assistance - reduceBy));
    expect(text).toContain(kronor(result.assistance));
  });

  it('a reduction decision shows in the month’s calculation, caps the decision, its letter and the payment', async () => {
    // Its own database: December is decided differently in the test above.
    const own = await buildTestApp();
    try {
      const who = await login(own.app, 'erik');
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        own.app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload ? { payload } : {}) });
      const deviation = await call('POST', `/persons/${leila.personId}/aktivitetskrav/deviations`, {
        month: '2026-11',
        plannedHoursPerWeek: 30,
        attendedHoursPerWeek: 10,
        description: 'Uteblev från språkpraktiken två veckor utan att höra av sig',
      });
      expect(deviation.statusCode).toBe(201);
      const reductionUrl = `/aktivitetskrav/deviations/${deviation.json().id}/reductions`;
      const decision = {
        month: '2026-12',
        amount: 120_000,
        reason:
          'Du deltog 10 av 30 planerade timmar i veckan i november utan godtagbart skäl, trots förvarning.',
      };
      // No decision before the person has been warned.
      const early = await call('POST', reductionUrl, decision);
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toContain('förvarning');
      expect(
        (await call('POST', `/aktivitetskrav/deviations/${deviation.json().id}/notice`, {})).statusCode,
      ).toBe(200);
      const bad = await call('POST', reductionUrl, { month: '2026-10', amount: 0, reason: ' ' });
      expect(bad.statusCode).toBe(422);
      expect(pointers(bad.json())).toEqual(expect.arrayContaining(['/amount', '/reason']));
      const before = await call('POST', reductionUrl, { ...decision, month: '2026-10' });
      expect(before.statusCode).toBe(422);
      expect(pointers(before.json())).toEqual(['/month']);
      const made = await call('POST', reductionUrl, decision);
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({ month: '2026-12', amount: 120_000, personId: leila.personId });
      expect(made.json().legalBasis).toContain('SoL 2025:400 12 kap. 5 §');
      expect(made.json().legalBasis).toContain('förslag');
      const status = (await call('GET', `/persons/${leila.personId}/aktivitetskrav`)).json();
      expect(status.reductions).toEqual([expect.objectContaining({ id: made.json().id, amount: 120_000 })]);

      // December's errand, calculated over HTTP: the reduction is a line below the assistance.
      const errandId = randomUUID();
      await inTenant(own.db.db, 'alvstad', (trx) =>
        trx
          .insertInto('errands')
          .values({
            municipalityId: 'alvstad',
            id: errandId,
            householdId: leila.householdId,
            unitId: 'eb-norr',
            type: 'renewalApplication',
            month: '2026-12',
            state: 'readyForDecision',
            requestedNote: null,
            createdBy: who.userId,
          })
          .execute(),
      );
      const calculated = await call('POST', `/errands/${errandId}/calculations`);
      expect(calculated.statusCode).toBe(201);
      const snapshot = calculated.json();
      const full = snapshot.result.assistance as number;
      expect(full).toBeGreaterThan(120_000);
      expect(snapshot.result.lines.map((l: { code: string }) => l.code)).not.toContain(
        'reduction.aktivitetskrav',
      );
      expect(snapshot.result.reductions).toEqual([
        expect.objectContaining({
          code: 'reduction.aktivitetskrav',
          memberIds: [leila.personId],
          decisionId: made.json().id,
          amount: 120_000,
          reason: decision.reason,
        }),
      ]);
      expect(snapshot.result.reductions[0].basis).toContain('12 kap. 5 §');
      expect(snapshot.result.assistanceAfterReductions).toBe(full - 120_000);
      expect(snapshot.assistance).toBe(full - 120_000);
      const errand = (await call('GET', `/errands/${errandId}`)).json();
      expect(errand.latestCalculation.assistance).toBe(full - 120_000);

      // The month is decided: once decided, no new reduction for it; the decision cannot grant more.
      const templates = (await call('GET', '/reason-templates')).json().items as {
        id: string;
        legalBasis: string;
      }[];
      const basis = templates.find((r) => r.id === 'nedsattning-aktivitet')?.legalBasis ?? '';
      const item = (granted: number) => ({
        description: 'Försörjningsstöd för december 2026',
        requested: full,
        granted,
        outcome: 'partiallyGranted',
        reasonTemplateIds: ['nedsattning-aktivitet'],
        reasons: decision.reason,
        legalBasis: basis,
      });
      const reasoning = 'Beslutet grundar sig på 12 kap. 5 § socialtjänstlagen och beslutet om nedsättning.';
      const tooMuch = await call('POST', `/errands/${errandId}/decisions`, {
        items: [item(full - 1_000)],
        reasoning,
      });
      expect(tooMuch.statusCode).toBe(422);
      expect(pointers(tooMuch.json())).toEqual(['/items/0/granted']);
      const decided = await call('POST', `/errands/${errandId}/decisions`, {
        items: [item(full - 120_000)],
        reasoning,
      });
      expect(decided.statusCode).toBe(201);
      expect(decided.json().grantedTotal).toBe(full - 120_000);
      expect((await call('POST', reductionUrl, decision)).statusCode).toBe(409);

      const letter = await call('GET', `/decisions/${decided.json().id}/letter`);
      expect(letter.statusCode).toBe(200);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: letter.rawPayload })
        .toString('utf8')
        .replace(/\s+/g, ' ');
      const kronor = (ore: number) => new Intl.NumberFormat('sv-SE').format(ore / 100).replace(/\s/g, ' ');
      expect(text).toContain(`Ekonomiskt bistånd enligt beräkningen: ${kronor(full)} kr`);
      expect(text).toContain(
        'Nedsättning, aktivitetskravet (Leila Nasser): −1 200 kr (SoL 2025:400 12 kap. 5 §',
      );
      expect(text).toContain(`Skäl för nedsättningen: ${decision.reason}`);
      expect(text).toContain(`Ekonomiskt bistånd efter nedsättning: ${kronor(full - 120_000)} kr`);

      // The payment follows the decided, reduced amount.
      const paid = await call('POST', `/errands/${errandId}/payments`);
      expect(paid.statusCode).toBe(201);
      expect(paid.json().created.map((p: { amount: number }) => p.amount)).toEqual([full - 120_000]);
    } finally {
      await own.close();
    }
  });

  it('a reduction decided after the calculation must be calculated before the month is decided', async () => {
    const own = await buildTestApp();
    try {
      const who = await login(own.app, 'erik');
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        own.app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload ? { payload } : {}) });
      const errandId = randomUUID();
      await inTenant(own.db.db, 'alvstad', (trx) =>
        trx
          .insertInto('errands')
          .values({
            municipalityId: 'alvstad',
            id: errandId,
            householdId: leila.householdId,
            unitId: 'eb-norr',
            type: 'renewalApplication',
            month: '2026-12',
            state: 'readyForDecision',
            requestedNote: null,
            createdBy: who.userId,
          })
          .execute(),
      );
      const first = (await call('POST', `/errands/${errandId}/calculations`)).json();
      expect(first.result.reductions).toEqual([]);
      const deviation = await call('POST', `/persons/${leila.personId}/aktivitetskrav/deviations`, {
        month: '2026-11',
        plannedHoursPerWeek: 20,
        attendedHoursPerWeek: 0,
        description: 'Avböjde anvisad praktik',
      });
      await call('POST', `/aktivitetskrav/deviations/${deviation.json().id}/notice`, {});
      // Larger than the whole assistance: capped, and the cap is stated.
      const huge = first.result.assistance + 500_000;
      expect(
        (
          await call('POST', `/aktivitetskrav/deviations/${deviation.json().id}/reductions`, {
            month: '2026-12',
            amount: huge,
            reason: 'Avböjde anvisad praktik utan godtagbart skäl.',
          })
        ).statusCode,
      ).toBe(201);
      const stale = await call('POST', `/errands/${errandId}/decisions`, {
        items: [
          {
            description: 'Försörjningsstöd för december 2026',
            requested: first.assistance,
            granted: first.assistance,
            outcome: 'granted',
            reasons: 'Behovet är styrkt.',
            legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)',
          },
        ],
        reasoning: 'Behovet är styrkt.',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().detail).toContain('Beräkna om');
      const again = (await call('POST', `/errands/${errandId}/calculations`)).json();
      expect(again.assistance).toBe(0);
      expect(again.result.reductions[0]).toMatchObject({
        decidedAmount: huge,
        amount: first.result.assistance,
        cap: { assistanceLeft: first.result.assistance },
      });
    } finally {
      await own.close();
    }
  });

  it('the demo: Johan Berg has a deviation with its notice and a reduction of next month', async () => {
    const johan = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('persons')
        .select('id')
        .where('firstName', '=', 'Johan')
        .where('lastName', '=', 'Berg')
        .executeTakeFirstOrThrow(),
    );
    const status = (await get(erik, `/persons/${johan.id}/aktivitetskrav`)).json();
    expect(status.deviations).toEqual([
      expect.objectContaining({ month: '2026-11', attendedHoursPerWeek: 12, noticeSentOn: '2026-11-20' }),
    ]);
    expect(status.reductions).toEqual([
      expect.objectContaining({
        month: '2026-12',
        amount: 80_000,
        legalBasis: expect.stringContaining('SoL 2025:400 12 kap. 5 §'),
      }),
    ]);
  });

  it('an exemption that follows from recorded facts carries its ground as a code for the UI to word', async () => {
    const karin = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('persons')
        .select('id')
        .where('firstName', '=', 'Karin')
        .where('lastName', '=', 'Svensson')
        .executeTakeFirstOrThrow(),
    );
    const status = (await get(erik, `/persons/${karin.id}/aktivitetskrav`)).json();
    expect(status.applies).toBe(false);
    expect(status.exemptions[0]).toMatchObject({
      reason: 'Sjukpenning eller sjukersättning (enligt registrerade uppgifter)',
      automatic: { code: 'sicknessBenefit', age: expect.any(Number) },
      current: true,
    });
  });

  it('is not found from another unit', async () => {
    const lina = await login(t.app, 'lina');
    expect((await get(lina, `/persons/${leila.personId}/aktivitetskrav`)).statusCode).toBe(404);
  });
});
