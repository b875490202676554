import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let household: { id: string; applicantId: string };

const get = (who: Login, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
const post = (who: Login, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
const pointers = (response: { json(): { errors?: { pointer: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await buildTestApp();
  [erik, lina] = await Promise.all([login(t.app, 'erik'), login(t.app, 'lina')]);
  const [first] = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 1);
  if (!first) throw new Error('no household');
  household = first;
});
afterAll(() => t.close());

describe('avslut', () => {
  it('refuses a closure without a reason or dated in the future, naming the field', async () => {
    const noReason = await post(erik, `/persons/${household.applicantId}/closures`, {
      closedOn: '2026-05-20',
    });
    expect(noReason.statusCode).toBe(422);
    expect(pointers(noReason)).toEqual(['/reason']);
    const future = await post(erik, `/persons/${household.applicantId}/closures`, {
      closedOn: '2026-12-24',
      reason: 'work',
    });
    expect(pointers(future)).toEqual(['/closedOn']);
    const unknown = await post(erik, `/persons/${household.applicantId}/closures`, {
      closedOn: '2026-05-20',
      reason: 'bored',
    });
    expect(pointers(unknown)).toEqual(['/reason']);
  });

  it('closes with an avslutsorsak and schedules the follow-ups 6 and 12 months after', async () => {
    const closed = await post(erik, `/persons/${household.applicantId}/closures`, {
      closedOn: '2026-05-20',
      reason: 'work',
    });
    expect(closed.statusCode).toBe(201);
    expect(
      closed.json().followUps.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn]),
    ).toEqual([
      [6, '2026-11-20'],
      [12, '2027-05-20'],
    ]);
    expect(closed.json().returned).toBeNull();
    expect(
      (
        await post(lina, `/persons/${household.applicantId}/closures`, {
          closedOn: '2026-05-20',
          reason: 'work',
        })
      ).statusCode,
    ).toBe(404);
    const again = await post(erik, `/persons/${household.applicantId}/closures`, {
      closedOn: '2026-05-01',
      reason: 'moved',
    });
    expect(again.statusCode).toBe(409);
  });

  it('lists the 6-month follow-up as due and records whether the person is still self-supporting', async () => {
    const due = (await get(erik, '/closure-follow-ups')).json().items as {
      id: string;
      personId: string;
      months: number;
      overdue: boolean;
    }[];
    const mine = due.find((f) => f.personId === household.applicantId);
    expect(mine).toMatchObject({ months: 6, overdue: true });
    const contradiction = await post(erik, `/closure-follow-ups/${mine?.id}`, {
      doneOn: TEST_TODAY,
      selfSupporting: true,
      situation: 'assistanceAgain',
    });
    expect(pointers(contradiction)).toEqual(['/situation']);
    const recorded = await post(erik, `/closure-follow-ups/${mine?.id}`, {
      doneOn: TEST_TODAY,
      selfSupporting: true,
      situation: 'work',
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().followUps[0]).toMatchObject({
      doneOn: TEST_TODAY,
      selfSupporting: true,
      overdue: false,
    });
    expect(
      (
        await post(erik, `/closure-follow-ups/${mine?.id}`, {
          doneOn: TEST_TODAY,
          selfSupporting: true,
          situation: 'work',
        })
      ).statusCode,
    ).toBe(409);
    const after = (await get(erik, '/closure-follow-ups')).json().items as { personId: string }[];
    expect(after.some((f) => f.personId === household.applicantId)).toBe(false);
  });

  it('detects a new application within 12 months of closure and links it', async () => {
    const errand = await post(erik, '/errands', {
      householdId: household.id,
      type: 'newApplication',
      month: '2026-11',
    });
    expect(errand.statusCode).toBe(201);
    const [closure] = (await get(erik, `/persons/${household.applicantId}/closures`)).json().items;
    expect(closure.returned).toEqual({
      errandId: errand.json().id,
      receivedOn: TEST_TODAY,
      month: '2026-11',
      monthsAfter: 6,
    });
  });
});
