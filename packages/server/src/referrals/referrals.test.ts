// Referral from ekonomiskt bistånd to the labour-market unit and back: consent across the
// nämnd boundary, acceptance with a named coach, the clocks, placement and wait list,
// attendance with unexcused absence reaching the caseworker, the action plan, the work-capacity
// assessment into the kartläggning and the coach's payment request as an errand to decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let sara: Login;
let kim: Login;
let personId: string;
let secondId: string;
let referralId: string;
let participationId: string;
let insatsId: string;

const get = (who: Login, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
const post = (who: Login, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
const put = (who: Login, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: as(who), payload });
const pointers = (response: { json(): { errors?: { pointer: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await buildTestApp();
  [erik, lina, sara, kim] = await Promise.all([
    login(t.app, 'erik'),
    login(t.app, 'lina'),
    login(t.app, 'sara'),
    login(t.app, 'kim'),
  ]);
  const [first, second] = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 2);
  if (!first || !second) throw new Error('no households');
  personId = first.applicantId;
  secondId = second.applicantId;
});
afterAll(() => t.close());

const toAme = {
  direction: 'internal',
  toUnitId: 'ame',
  question: 'Arbetsträning och bedömning av arbetsförmågan',
};
const consentToAln = {
  committeeId: 'aln',
  scope: ['referral', 'attendance', 'assessment'],
  givenOn: TEST_TODAY,
  expiresOn: '2027-11-22',
  form: 'written',
};

describe('remiss till arbetsmarknadsenheten', () => {
  it('is refused across the nämnd boundary without consent, naming the field and the law', async () => {
    const refused = await post(erik, `/persons/${personId}/referrals`, toAme);
    expect(refused.statusCode).toBe(422);
    expect(pointers(refused)).toEqual(['/toUnitId']);
    expect(refused.json().errors[0].detail).toMatch(/samtycke.*OSL/i);
  });

  it('needs no consent inside the same nämnd', async () => {
    const sameCommittee = await post(erik, `/persons/${personId}/referrals`, {
      direction: 'internal',
      toUnitId: 'eb-syd',
      question: 'Personen flyttar till södra stadsdelen',
    });
    expect(sameCommittee.statusCode).toBe(201);
    expect(sameCommittee.json().consent).toBeNull();
  });

  it('is sent with a valid consent and waits in the coach’s queue, longest wait first', async () => {
    const consent = await post(erik, `/persons/${personId}/consents`, consentToAln);
    expect(consent.statusCode).toBe(201);
    expect(consent.json().valid).toBe(true);
    const sent = await post(erik, `/persons/${personId}/referrals`, toAme);
    expect(sent.statusCode).toBe(201);
    referralId = sent.json().id;
    expect(sent.json()).toMatchObject({
      status: 'sent',
      sentOn: TEST_TODAY,
      clocks: { waitingDays: 0, waiting: true },
    });
    expect(sent.json().consent.id).toBe(consent.json().id);

    const queue = (await get(sara, '/referrals')).json().items as {
      id: string;
      clocks: { waitingDays: number };
    }[];
    expect(queue.map((r) => r.id)).toContain(referralId);
    const days = queue.map((r) => r.clocks.waitingDays);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days[0]).toBeGreaterThanOrEqual(19);
    // Another unit's caseworker and another municipality do not see it.
    expect((await get(lina, `/referrals/${referralId}`)).statusCode).toBe(404);
    expect((await get(kim, `/referrals/${referralId}`)).statusCode).toBe(404);
  });

  it('is accepted by the unit with a named coach, a notice to the person and the action plan due in 14 days', async () => {
    expect((await post(erik, `/referrals/${referralId}/accept`, {})).statusCode).toBe(403);
    const accepted = await post(sara, `/referrals/${referralId}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      coach: { name: 'Sara Holm' },
      acceptedOn: TEST_TODAY,
      actionPlan: { dueOn: '2026-12-07', overdue: false },
    });
    const notices = await t.db.db
      .selectFrom('notifications')
      .select(['channel', 'text'])
      .where('personId', '=', personId)
      .execute();
    expect(notices.some((n) => n.channel === 'sms' && n.text.includes('Sara Holm'))).toBe(true);
    expect((await post(sara, `/referrals/${referralId}/accept`, {})).statusCode).toBe(409);
    // The coach now sees the person, and has them among "Mina deltagare".
    expect((await get(sara, `/persons/${personId}`)).statusCode).toBe(200);
    const mine = (await get(sara, '/persons')).json().items as { id: string }[];
    expect(mine.map((p) => p.id)).toContain(personId);
  });

  it('runs the clocks from first meeting to start, and puts the next person on the wait list when full', async () => {
    const insats = await post(sara, '/insatser', {
      name: 'Snickeriet',
      kind: 'workTraining',
      provider: 'Arbetsmarknadsenheten',
      targetGroup: 'Vuxna med försörjningsstöd',
      eligibility: 'Remiss',
      capacity: 1,
      durationWeeks: 8,
      costPerParticipantOre: 1_000_000,
      fundingSource: 'municipality',
    });
    insatsId = insats.json().id;
    const meeting = await post(sara, `/referrals/${referralId}/first-meeting`, { heldOn: '2026-11-01' });
    expect(pointers(meeting)).toEqual(['/heldOn']);
    await post(sara, `/referrals/${referralId}/first-meeting`, { heldOn: TEST_TODAY });
    const placed = await post(sara, `/referrals/${referralId}/placements`, {
      insatsId,
      startsOn: TEST_TODAY,
    });
    expect(placed.statusCode).toBe(200);
    expect(placed.json()).toMatchObject({
      startedOn: TEST_TODAY,
      clocks: { daysToFirstMeeting: 0, daysFirstMeetingToStart: 0, waiting: false },
    });
    participationId = placed.json().participations[0].id;
    expect(placed.json().participations[0]).toMatchObject({ status: 'active', plannedEndOn: '2027-01-17' });

    await post(erik, `/persons/${secondId}/consents`, consentToAln);
    const second = (await post(erik, `/persons/${secondId}/referrals`, toAme)).json();
    await post(sara, `/referrals/${second.id}/accept`, {});
    const queued = await post(sara, `/referrals/${second.id}/placements`, { insatsId, startsOn: TEST_TODAY });
    expect(queued.json().participations[0].status).toBe('waiting');
    expect(queued.json().clocks.waiting).toBe(true);
    const waitList = (await get(sara, `/insatser/${insatsId}/wait-list`)).json();
    expect(waitList.items).toEqual([expect.objectContaining({ personId: secondId, waitingDays: 0 })]);
    expect((await get(sara, `/insatser/${insatsId}`)).json()).toMatchObject({ free: 0, waiting: 1 });
  });
});

describe('närvaro', () => {
  it('refuses a week outside the insats and absence that does not explain the missing hours', async () => {
    const outside = await put(sara, `/participations/${participationId}/attendance/2026-W40`, {
      plannedHours: 20,
      attendedHours: 20,
    });
    expect(outside.statusCode).toBe(422);
    expect(pointers(outside)).toEqual(['/params/week']);
    expect(outside.json().errors[0].detail).toContain('utanför insatsen');
    const notAWeek = await put(sara, `/participations/${participationId}/attendance/2026-W60`, {
      plannedHours: 20,
      attendedHours: 20,
    });
    expect(notAWeek.statusCode).toBe(422);
    const unexplained = await put(sara, `/participations/${participationId}/attendance/2026-W48`, {
      plannedHours: 20,
      attendedHours: 14,
      absences: [{ reason: 'sickness', hours: 2 }],
    });
    expect(pointers(unexplained)).toEqual(['/absences']);
    expect((await put(erik, `/participations/${participationId}/attendance/2026-W48`, {})).statusCode).toBe(
      403,
    );
  });

  it('records unexcused absence, tells the caseworker and feeds the aktivitetskrav view', async () => {
    const recorded = await put(sara, `/participations/${participationId}/attendance/2026-W48`, {
      plannedHours: 20,
      attendedHours: 14,
      absences: [
        { reason: 'sickness', hours: 2 },
        { reason: 'unexcused', hours: 4 },
      ],
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().attendance[0]).toMatchObject({
      week: '2026-W48',
      unexcusedHours: 4,
      attendedHours: 14,
    });
    const told = await t.db.db
      .selectFrom('notifications')
      .select(['recipient', 'text'])
      .where('personId', '=', personId)
      .where('channel', '=', 'internal')
      .execute();
    expect(
      told.some((n) => n.recipient === `staff:${erik.userId}` && n.text.includes('Ogiltig frånvaro')),
    ).toBe(true);
    const seen = (await get(erik, `/referrals/${referralId}`)).json();
    expect(seen.unexcusedHoursLast4Weeks).toBe(4);
    expect(seen.participations[0].attendance[0].absences).toHaveLength(2);
    const queues = (await get(erik, '/work-queues')).json();
    expect(queues.aktivitetskrav.unexcusedAbsence).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId, hours: 4 })]),
    );
  });
});

describe('handlingsplan, arbetsförmåga och begäran om beslut', () => {
  it('delivers the action plan and returns the work-capacity assessment into the kartläggning', async () => {
    const plan = await post(sara, `/referrals/${referralId}/action-plan`, {
      summary: 'Arbetsträning 20 timmar i veckan i åtta veckor',
      steps: [{ description: 'Utöka till 30 timmar', by: '2026-12-21' }],
    });
    expect(plan.json().actionPlan).toMatchObject({ deliveredOn: TEST_TODAY, overdue: false });
    await post(erik, `/persons/${personId}/assessments`, {
      sections: {
        education: 'Gymnasium',
        workExperience: 'Bygg',
        swedishLanguage: 'Modersmål',
        healthAsDescribed: 'Bra',
        caringResponsibilities: 'Inga',
        housing: 'Hyresrätt',
        debts: 'Inga',
        strengths: 'Händig',
        ownGoals: 'Snickare',
        obstacles: 'Inga',
      },
      supportBarrier: 'unemployedNoBenefit',
    });
    const returned = await post(sara, `/referrals/${referralId}/work-capacity`, {
      capacity: 'partial',
      hoursPerWeek: 20,
      assessedOn: TEST_TODAY,
      summary: 'Klarar 20 timmar i veckan med stöd',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ returnedToAssessment: true, assessmentVersion: 2 });
    const kartlaggning = (await get(erik, `/persons/${personId}/assessments`)).json();
    expect(kartlaggning.current.workCapacity).toMatchObject({ capacity: 'partial', hoursPerWeek: 20 });
    expect(kartlaggning.current.workCapacity.assessedBy).toContain('Sara Holm');
    expect(kartlaggning.versions[1].workCapacity).toBeNull();
  });

  it("turns the coach's payment request into a tilläggsansökan for the caseworker to decide", async () => {
    const requested = await post(sara, `/participations/${participationId}/payment-requests`, {
      purpose: 'Arbetskläder och skyddsskor',
      amountOre: 89_900,
    });
    expect(requested.statusCode).toBe(201);
    const request = requested.json().paymentRequests[0];
    expect(request).toMatchObject({ amountOre: 89_900, errandState: 'received' });
    const errand = await get(erik, `/errands/${request.errandId}`);
    expect(errand.statusCode).toBe(200);
    expect(errand.json().type).toBe('supplementaryApplication');
    expect(errand.json().requestedNote).toContain('Coachen kan inte besluta om pengar');
    // The coach cannot reach the errand or its decision.
    expect((await get(sara, `/errands/${request.errandId}`)).statusCode).toBe(403);
  });

  it('returns a referral with a reason, after which the coach no longer sees the person', async () => {
    const third = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 1);
    const id = third[0]?.applicantId ?? '';
    await post(erik, `/persons/${id}/consents`, consentToAln);
    const sent = (await post(erik, `/persons/${id}/referrals`, toAme)).json();
    expect(pointers(await post(sara, `/referrals/${sent.id}/return`, { reason: ' ' }))).toEqual(['/reason']);
    const returned = await post(sara, `/referrals/${sent.id}/return`, {
      reason: 'Deltar redan i Arbetsförmedlingens program',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Deltar redan i Arbetsförmedlingens program',
    });
    expect((await get(sara, `/persons/${id}`)).statusCode).toBe(404);
    expect((await get(erik, `/referrals/${sent.id}`)).json().status).toBe('returned');
  });
});

describe('avslut av remiss', () => {
  it('refuses closing while the insats is in progress, with a bad date, without a reason or by another unit', async () => {
    const busy = await post(erik, `/referrals/${referralId}/close`, {
      closedOn: TEST_TODAY,
      reason: 'completed',
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toMatch(/Snickeriet pågår/);
    expect(
      pointers(
        await post(erik, `/referrals/${referralId}/close`, { closedOn: '2026-11-01', reason: 'completed' }),
      ),
    ).toEqual(['/closedOn']);
    expect(pointers(await post(erik, `/referrals/${referralId}/close`, { closedOn: TEST_TODAY }))).toEqual([
      '/reason',
    ]);
    expect(
      pointers(await post(erik, `/referrals/${referralId}/close`, { closedOn: TEST_TODAY, reason: 'other' })),
    ).toEqual(['/note']);
    expect(
      (await post(lina, `/referrals/${referralId}/close`, { closedOn: TEST_TODAY, reason: 'withdrawn' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post(kim, `/referrals/${referralId}/close`, { closedOn: TEST_TODAY, reason: 'withdrawn' }))
        .statusCode,
    ).toBe(404);
  });

  it('is withdrawn by the caseworker: the wait-list place ends, the coach is told and no longer sees the person', async () => {
    const queue = (await get(sara, '/referrals')).json().items as { id: string; personId: string }[];
    const second = queue.find((r) => r.personId === secondId);
    expect(second).toBeDefined();
    const closed = await post(erik, `/referrals/${second?.id}/close`, {
      closedOn: TEST_TODAY,
      reason: 'withdrawn',
      note: 'Har fått anställning på egen hand',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedOn: TEST_TODAY,
      closeReason: 'withdrawn',
      closeNote: 'Har fått anställning på egen hand',
      clocks: { waiting: false },
    });
    expect(closed.json().participations[0]).toMatchObject({ status: 'ended', endReason: 'discontinued' });
    expect((await get(sara, `/insatser/${insatsId}/wait-list`)).json().items).toEqual([]);
    expect((await get(sara, `/persons/${secondId}`)).statusCode).toBe(404);
    const told = await t.db.db
      .selectFrom('notifications')
      .select('text')
      .where('recipient', '=', `staff:${sara.userId}`)
      .where('personId', '=', secondId)
      .execute();
    // The notice of the new referral, and of its closing.
    expect(told.map((n) => n.text).sort()).toEqual([
      'Ny remiss från Ekonomiskt bistånd Norr väntar på svar.',
      expect.stringMatching(
        /^Remissen för .* är avslutad av Erik Lund: återkallad av avsändaren \(Har fått anställning/,
      ),
    ]);
    const again = await post(erik, `/referrals/${second?.id}/close`, {
      closedOn: TEST_TODAY,
      reason: 'withdrawn',
    });
    expect(again.statusCode).toBe(409);
  });

  it('is closed by the unit once the participant has left the insats, and the caseworker is told', async () => {
    const ended = await post(sara, `/participations/${participationId}/end`, {
      endedOn: TEST_TODAY,
      reason: 'work',
    });
    expect(ended.statusCode).toBe(200);
    const closed = await post(sara, `/referrals/${referralId}/close`, {
      closedOn: TEST_TODAY,
      reason: 'completed',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'completed' });
    const inbox = (await get(erik, '/notifications')).json().items as { text: string }[];
    expect(inbox[0]?.text).toMatch(/är avslutad av Sara Holm: frågan är besvarad/);
    expect((await get(erik, `/referrals/${referralId}`)).json().status).toBe('closed');
  });
});

describe('samtycke till en annan myndighet', () => {
  it('blocks an outgoing referral when the consent has expired or is withdrawn', async () => {
    const agencies = (await get(erik, '/partner-agencies')).json().items as { id: string; kind: string }[];
    const psychiatry = agencies.find((a) => a.kind === 'psychiatry');
    const outgoing = {
      direction: 'outgoing',
      toAgencyId: psychiatry?.id,
      question: 'Bedömning av psykisk ohälsa',
    };
    await post(erik, `/persons/${personId}/consents`, {
      agencyId: psychiatry?.id,
      scope: ['referral'],
      givenOn: '2025-06-01',
      expiresOn: '2026-06-01',
      form: 'written',
    });
    const expired = await post(erik, `/persons/${personId}/referrals`, outgoing);
    expect(expired.statusCode).toBe(422);
    expect(pointers(expired)).toEqual(['/toAgencyId']);
    const fresh = await post(erik, `/persons/${personId}/consents`, {
      agencyId: psychiatry?.id,
      scope: ['referral'],
      givenOn: '2026-11-20',
      expiresOn: '2027-05-20',
      form: 'oral',
    });
    expect((await post(erik, `/persons/${personId}/referrals`, outgoing)).statusCode).toBe(201);
    await post(erik, `/consents/${fresh.json().id}/withdraw`, {});
    expect((await post(erik, `/persons/${personId}/referrals`, outgoing)).statusCode).toBe(422);
    const list = (await get(erik, `/persons/${personId}/consents`)).json().items as { valid: boolean }[];
    expect(list.filter((c) => !c.valid)).toHaveLength(2);
  });

  it('refuses a consent without a recipient or ending before it was given', async () => {
    const bad = await post(erik, `/persons/${personId}/consents`, {
      scope: ['referral'],
      givenOn: '2026-11-20',
      expiresOn: '2026-11-01',
      form: 'oral',
    });
    expect(bad.statusCode).toBe(422);
    expect(pointers(bad)).toEqual(['/agencyId', '/expiresOn']);
  });
});
