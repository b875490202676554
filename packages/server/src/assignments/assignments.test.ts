// Continuity when staff change: each household has a named caseworker and stand-in; the unit
// manager reassigns with a handover note, the history is kept and journalled, and
// need-to-know (protected identity included) follows the assignment.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.ts';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, DEMO_PASSWORD, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let maria: Login;
let johan: Login;
let kim: Login;
/** A household of eb-norr made for this file: a protected applicant and a child, Erik responsible. */
let householdId: string;
let applicantId: string;
let childId: string;

// A clock that moves one second per reading, so each change has its own time.
const start = Date.parse(`${TEST_TODAY}T10:00:00Z`);
let ticks = 0;
const clock = () => new Date(start + ticks++ * 1000);

beforeAll(async () => {
  t = await buildTestApp({ clock });
  // A second caseworker in Norr, so the unit has someone to hand over to.
  const unit = await t.db.db
    .selectFrom('staffUsers')
    .select(['municipalityId', 'unitId'])
    .where('username', '=', 'erik')
    .executeTakeFirstOrThrow();
  await t.db.db
    .insertInto('staffUsers')
    .values({
      municipalityId: unit.municipalityId,
      id: randomUUID(),
      username: 'johan',
      name: 'Johan Nyberg',
      role: 'caseworker',
      unitId: unit.unitId,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      oidcSubject: null,
    })
    .execute();
  erik = await login(t.app, 'erik');
  lina = await login(t.app, 'lina');
  maria = await login(t.app, 'maria');
  johan = await login(t.app, 'johan');
  kim = await login(t.app, 'kim');

  // Registered by Erik, who thereby is the responsible caseworker.
  const register = async (personalIdentityNumber: string, firstName: string, protectedIdentity: boolean) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: {
        personalIdentityNumber,
        firstName,
        lastName: 'Strand',
        address: { street: 'Hemliga vägen 1', postalCode: '791 40', city: 'Älvstad' },
        protectedIdentity,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  applicantId = await register('19850709-9805', 'Vera', true);
  childId = await register('20150101-0019', 'Leo', false);
  householdId = randomUUID();
  await inTenant(t.db.db, 'alvstad', async (trx) => {
    await trx
      .insertInto('households')
      .values({ municipalityId: 'alvstad', id: householdId, unitId: 'eb-norr' })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values([
        {
          municipalityId: 'alvstad',
          householdId,
          personId: applicantId,
          role: 'applicant',
          validFrom: '2026-01-01',
          validTo: null,
        },
        {
          municipalityId: 'alvstad',
          householdId,
          personId: childId,
          role: 'child',
          validFrom: '2026-01-01',
          validTo: null,
        },
      ])
      .execute();
  });
});
afterAll(() => t.close());

type Period = {
  caseworker: { id: string; name: string };
  standIn: { id: string; name: string } | null;
  validFrom: string;
  validTo: string | null;
  assignedBy: { id: string; name: string } | null;
  handoverNote: string | null;
};

function assign(who: Login, id: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/households/${id}/assignment`,
    headers: as(who),
    payload,
  });
}

async function assignment(who: Login, id: string): Promise<{ current: Period | null; history: Period[] }> {
  const response = await t.app.inject({ url: `/api/v1/households/${id}/assignment`, headers: as(who) });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function personAs(who: Login, id: string) {
  const response = await t.app.inject({ url: `/api/v1/persons/${id}`, headers: as(who) });
  expect(response.statusCode).toBe(200);
  return response.json() as { name: string; masked: boolean; address: { street: string } | null };
}

describe('the demo', () => {
  it('assigns every seeded household to its unit’s caseworker', async () => {
    const seeded = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('households as h')
        .leftJoin('caseAssignments as a', (j) =>
          j.onRef('a.municipalityId', '=', 'h.municipalityId').onRef('a.householdId', '=', 'h.id'),
        )
        .select(['h.id', 'h.unitId', 'a.caseworkerId'])
        .where('h.id', '!=', householdId)
        .execute(),
    );
    expect(seeded.length).toBeGreaterThan(10);
    for (const h of seeded) expect(h.caseworkerId).toBe(h.unitId === 'eb-norr' ? erik.userId : lina.userId);

    const norr = seeded.find((h) => h.unitId === 'eb-norr')?.id as string;
    const view = await assignment(erik, norr);
    expect(view.current).toMatchObject({ caseworker: { name: 'Erik Lund' }, standIn: null, validTo: null });
    expect(view.history).toHaveLength(1);
  });
});

describe('assigning and reassigning', () => {
  it('the unit manager assigns a caseworker and a stand-in; the stand-in sees the protected applicant', async () => {
    expect(await personAs(johan, applicantId)).toMatchObject({
      name: 'Skyddad identitet',
      masked: true,
      address: null,
    });
    expect((await assignment(maria, householdId)).current).toBeNull();

    const created = await assign(maria, householdId, { caseworkerId: erik.userId, standInId: johan.userId });
    expect(created.statusCode).toBe(201);
    expect(created.json().current).toMatchObject({
      caseworker: { id: erik.userId, name: 'Erik Lund' },
      standIn: { id: johan.userId, name: 'Johan Nyberg' },
      assignedBy: { name: 'Maria Ek' },
      handoverNote: null,
    });

    expect(await personAs(johan, applicantId)).toMatchObject({
      name: 'Vera Strand',
      masked: false,
      address: { street: 'Hemliga vägen 1' },
    });
    expect((await personAs(erik, applicantId)).masked).toBe(false);
  });

  it('refuses to change caseworker without a handover note, naming /handoverNote, and changes nothing', async () => {
    for (const handoverNote of [undefined, '', '   ']) {
      const response = await assign(maria, householdId, {
        caseworkerId: johan.userId,
        ...(handoverNote === undefined ? {} : { handoverNote }),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { pointer: '/handoverNote', detail: expect.stringContaining('överlämning') },
      ]);
    }
    const view = await assignment(maria, householdId);
    expect(view.current?.caseworker.id).toBe(erik.userId);
    expect(view.history).toHaveLength(1);
  });

  it('refuses a caseworker or stand-in from another unit or municipality, naming each field', async () => {
    const response = await assign(maria, householdId, {
      caseworkerId: lina.userId,
      standInId: kim.userId,
      handoverNote: 'Lina tar över.',
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/caseworkerId', '/standInId']);

    const manager = await assign(maria, householdId, {
      caseworkerId: maria.userId,
      handoverNote: 'Jag tar det.',
    });
    expect(manager.json().errors).toEqual([{ pointer: '/caseworkerId', detail: expect.any(String) }]);
    const same = await assign(maria, householdId, { caseworkerId: erik.userId, standInId: erik.userId });
    expect(same.json().errors).toEqual([{ pointer: '/standInId', detail: expect.any(String) }]);
    expect((await assignment(maria, householdId)).history).toHaveLength(1);
  });

  it('keeps the history: each change with its dates, who assigned and the handover note, and journals it for the adults', async () => {
    const note = 'Pågår: utredning av hyresskuld. Planerat: uppföljning med Arbetsförmedlingen 2 december.';
    const changed = await assign(maria, householdId, { caseworkerId: johan.userId, handoverNote: note });
    expect(changed.statusCode).toBe(201);

    const { current, history } = await assignment(johan, householdId);
    expect(current).toMatchObject({
      caseworker: { name: 'Johan Nyberg' },
      standIn: null,
      handoverNote: note,
    });
    expect(history).toHaveLength(2);
    const [now, before] = history as [Period, Period];
    expect(now).toEqual(current);
    expect(before).toMatchObject({ caseworker: { name: 'Erik Lund' }, standIn: { name: 'Johan Nyberg' } });
    expect(before.validTo).toBe(now.validFrom);
    expect(Date.parse(before.validFrom)).toBeLessThan(Date.parse(now.validFrom));
    expect(now.assignedBy?.name).toBe('Maria Ek');

    const journal = await t.app.inject({ url: `/api/v1/persons/${applicantId}/journal`, headers: as(johan) });
    const [latest] = journal.json().items;
    expect(latest.author.name).toBe('Maria Ek');
    expect(latest.text).toContain('Handläggare byttes från Erik Lund till Johan Nyberg');
    expect(latest.text).toContain(note);
    const childJournal = await t.app.inject({
      url: `/api/v1/persons/${childId}/journal`,
      headers: as(johan),
    });
    expect(childJournal.json().items.some((e: { text: string }) => e.text.includes(note))).toBe(false);
  });

  it('need-to-know follows the assignment: the former caseworker no longer sees the protected applicant or their journal', async () => {
    expect((await personAs(erik, applicantId)).masked).toBe(true);
    expect((await personAs(johan, applicantId)).masked).toBe(false);
    // The protected applicant's journal goes with the identity: closed to the former caseworker.
    const journal = await t.app.inject({ url: `/api/v1/persons/${applicantId}/journal`, headers: as(erik) });
    expect(journal.statusCode).toBe(403);
    expect(journal.json().detail).toContain('skyddad identitet');
  });

  it('the same assignment again changes nothing', async () => {
    const again = await assign(maria, householdId, { caseworkerId: johan.userId });
    expect(again.statusCode).toBe(200);
    expect(again.json().history).toHaveLength(2);
  });

  it('only the unit manager of the household’s unit assigns; caseworkers of the unit read; others get 404', async () => {
    expect(
      (await assign(erik, householdId, { caseworkerId: erik.userId, handoverNote: 'Tar tillbaka.' }))
        .statusCode,
    ).toBe(403);
    const fromSyd = await t.app.inject({
      url: `/api/v1/households/${householdId}/assignment`,
      headers: as(lina),
    });
    expect(fromSyd.statusCode).toBe(404);
    const fromSjoby = await t.app.inject({
      url: `/api/v1/households/${householdId}/assignment`,
      headers: as(kim),
    });
    expect(fromSjoby.statusCode).toBe(404);
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(['action', 'personId'])
        .where('userId', '=', erik.userId)
        .where('route', 'like', '%/assignment')
        .execute(),
    );
    expect(logged.length).toBeGreaterThan(0);
  });
});
