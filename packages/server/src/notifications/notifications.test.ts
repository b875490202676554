// The staff inbox: a coach's action on a referral reaches the caseworker who sent it; each
// member of staff reads and marks only their own notices; reading names a person is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let sara: Login;
let personId: string;

const get = (who: Login, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
const post = (who: Login, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });

type Inbox = {
  items: { id: string; text: string; readAt: string | null; person: { id: string; name: string } | null }[];
  unread: number;
};

beforeAll(async () => {
  t = await buildTestApp();
  [erik, lina, sara] = await Promise.all([login(t.app, 'erik'), login(t.app, 'lina'), login(t.app, 'sara')]);
  const [household] = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 1);
  if (!household) throw new Error('no household');
  personId = household.applicantId;
});
afterAll(() => t.close());

describe('inkorg för personal', () => {
  let noticeId = '';

  it('gets the notice when the labour-market unit accepts the caseworker’s referral', async () => {
    const before = (await get(erik, '/notifications/unread-count')).json().unread as number;
    await post(erik, `/persons/${personId}/consents`, {
      committeeId: 'aln',
      scope: ['referral'],
      givenOn: TEST_TODAY,
      expiresOn: '2027-11-22',
      form: 'written',
    });
    const sent = await post(erik, `/persons/${personId}/referrals`, {
      direction: 'internal',
      toUnitId: 'ame',
      question: 'Jobbcoachning',
    });
    expect(sent.statusCode).toBe(201);
    // The coach at the receiving unit hears of the new referral first.
    const coachInbox = (await get(sara, '/notifications')).json() as Inbox;
    expect(coachInbox.items[0]?.text).toBe('Ny remiss från Ekonomiskt bistånd Norr väntar på svar.');
    expect(coachInbox.items[0]?.person?.id).toBe(personId);
    expect((await post(sara, `/referrals/${sent.json().id}/accept`)).statusCode).toBe(200);

    expect((await get(erik, '/notifications/unread-count')).json()).toEqual({ unread: before + 1 });
    const inbox = (await get(erik, '/notifications')).json() as Inbox;
    const newest = inbox.items[0];
    expect(newest?.text).toMatch(/Remissen till Arbetsmarknadsenheten.* är antagen; coach Sara Holm/);
    expect(newest?.readAt).toBeNull();
    expect(newest?.person?.id).toBe(personId);
    expect(inbox.unread).toBe(before + 1);
    noticeId = newest?.id ?? '';

    const logged = await t.db.db
      .selectFrom('accessLog')
      .select('personId')
      .where('route', '=', 'GET /api/v1/notifications')
      .where('personId', '=', personId)
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('is the reader’s own: another caseworker neither sees nor marks it', async () => {
    const lines = (await get(lina, '/notifications')).json() as Inbox;
    expect(lines.items.map((n) => n.id)).not.toContain(noticeId);
    expect((await post(lina, `/notifications/${noticeId}/read`)).statusCode).toBe(404);
    expect((await post(sara, `/notifications/${noticeId}/read`)).statusCode).toBe(404);
  });

  it('marks one notice read, then all; the unread list and the count follow', async () => {
    // A second notice: the unit sends a referral back.
    const second = await post(erik, `/persons/${personId}/referrals`, {
      direction: 'internal',
      toUnitId: 'ame',
      question: 'Budgetrådgivning',
    });
    expect(
      (await post(sara, `/referrals/${second.json().id}/return`, { reason: 'Ingen plats före jul' }))
        .statusCode,
    ).toBe(200);
    const before = (await get(erik, '/notifications/unread-count')).json().unread as number;
    expect(before).toBeGreaterThanOrEqual(2);
    const marked = await post(erik, `/notifications/${noticeId}/read`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ unread: before - 1 });
    // Marking again changes nothing.
    expect((await post(erik, `/notifications/${noticeId}/read`)).json()).toEqual({ unread: before - 1 });
    const unreadOnly = (await get(erik, '/notifications?unreadOnly=true')).json() as Inbox;
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(noticeId);
    expect(unreadOnly.items.every((n) => n.readAt === null)).toBe(true);
    const all = (await get(erik, '/notifications')).json() as Inbox;
    expect(all.items.find((n) => n.id === noticeId)?.readAt).not.toBeNull();

    // "All" is what the reader has seen: nothing created before the page was loaded stays unread.
    const refused = await post(erik, '/notifications/read-all', {});
    expect(refused.statusCode).toBe(422);
    expect((refused.json().errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/upTo']);
    expect((await post(erik, '/notifications/read-all', { upTo: '2020-01-01T00:00:00Z' })).json()).toEqual({
      unread: before - 1,
    });
    expect((await post(erik, '/notifications/read-all', { upTo: new Date().toISOString() })).json()).toEqual({
      unread: 0,
    });
    expect((await get(erik, '/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('refuses a malformed id and an unknown filter naming the field', async () => {
    expect((await post(erik, '/notifications/nope/read')).statusCode).toBe(422);
    const bad = await get(erik, '/notifications?unreadOnly=maybe');
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { pointer: string }[]).map((e) => e.pointer)).toContain('/query/unreadOnly');
  });
});
