// The citizen e-service end to end over HTTP: OIDC login through the local identity provider,
// a draft saved and resumed, files with the investigation's limits, one errand on submission
// (a second submission is refused), komplettering both ways, the decision letter, and every
// citizen read in the access log with the citizen as actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, type Login, loginAs, loginCitizen, type TestApp } from '../testing.ts';
import { demoCitizens } from './citizen.service.ts';

let t: TestApp;
let citizen: Login;
let partner: Login;
let erik: Login;

beforeAll(async () => {
  t = await buildTestApp();
  // The first demo household has two adults: the applicant starts, the partner confirms.
  const [first, second] = await demoCitizens(t.db.db);
  expect(first?.label).toMatch(/sökande$/);
  expect(second?.label).toMatch(/make\/maka\/sambo/);
  citizen = await loginCitizen(t.app, first?.personnummer);
  partner = await loginCitizen(t.app, second?.personnummer);
  erik = await loginAs(t.app, 'caseworker');
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(name: string, content: Buffer, type: string) {
  const boundary = '----stegvis-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('citizen e-service', () => {
  it('shows the citizen their own household', async () => {
    const response = await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(citizen) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.person.id).toBe(citizen.userId);
    expect(body.household.members.some((m: { personId: string }) => m.personId === citizen.userId)).toBe(
      true,
    );
    expect([body.thisMonth, body.nextMonth]).toEqual(['2026-11', '2026-12']);
    expect(body.contact?.name).toBe('Erik Lund');
  });

  it('refuses staff routes to the citizen and citizen routes to staff', async () => {
    const staffRoute = await t.app.inject({ url: '/api/v1/errands', headers: as(citizen) });
    expect(staffRoute.statusCode).toBe(403);
    const citizenRoute = await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(erik) });
    expect(citizenRoute.statusCode).toBe(403);
    const staffSession = await t.app.inject({ url: '/api/v1/auth/session', headers: as(citizen) });
    expect(staffSession.statusCode).toBe(401);
  });

  let applicationId = '';
  let errandId = '';

  it('keeps a draft on the server, to resume later', async () => {
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/applications',
      headers: as(citizen),
      payload: { month: '2026-12' },
    });
    expect(start.statusCode, start.body).toBe(201);
    applicationId = start.json().id;
    const save = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/citizen/applications/${applicationId}`,
      headers: as(citizen),
      payload: {
        answers: {
          phone: '070-123 45 67',
          householdCorrect: true,
          incomes: [{ type: 'housingAllowance', personId: citizen.userId, amount: 150_000 }],
          costs: [
            { type: 'housing', subtype: null, amount: 620_000 },
            { type: 'otherLivingCost', subtype: 'medicine', amount: 12_000 },
          ],
        },
      },
    });
    expect(save.statusCode, save.body).toBe(200);
    // Starting the same month again resumes the draft.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/applications',
      headers: as(citizen),
      payload: { month: '2026-12' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(applicationId);
    expect(again.json().answers.costs).toHaveLength(2);
  });

  it('takes photos and PDFs with the same limits as the investigation', async () => {
    const text = multipart('kvitto.txt', Buffer.from('hej'), 'text/plain');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/files`,
      headers: { ...as(citizen), ...text.headers },
      payload: text.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().errors[0].pointer).toBe('/file');
    const big = multipart(
      'stor.pdf',
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      'application/pdf',
    );
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/files`,
      headers: { ...as(citizen), ...big.headers },
      payload: big.payload,
    });
    expect(tooLarge.statusCode).toBe(413);
    const pdf = multipart('hyresavi.pdf', PDF, 'application/pdf');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/files`,
      headers: { ...as(citizen), ...pdf.headers },
      payload: pdf.payload,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().fileName).toBe('hyresavi.pdf');
  });

  it('needs the other adult to confirm a joint application before it is sent', async () => {
    const submit = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/citizen/applications/${applicationId}/submit`,
        headers: as(citizen),
      });
    const save = (phone: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/citizen/applications/${applicationId}`,
        headers: as(citizen),
        payload: {
          answers: {
            phone,
            householdCorrect: true,
            incomes: [{ type: 'housingAllowance', personId: citizen.userId, amount: 150_000 }],
            costs: [
              { type: 'housing', subtype: null, amount: 620_000 },
              { type: 'otherLivingCost', subtype: 'medicine', amount: 12_000 },
            ],
          },
        },
      });
    expect((await save('ring mig')).statusCode).toBe(200);
    const invalid = await submit();
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([
      { pointer: '/answers/phone', detail: expect.stringMatching(/siffror/) },
    ]);
    expect((await save('070-123 45 67')).statusCode).toBe(200);
    const early = await submit();
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/behöver logga in och bekräfta/);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/confirm`,
      headers: as(citizen),
    });
    expect(own.statusCode).toBe(409);
    const overview = await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(partner) });
    expect(overview.json().drafts).toEqual([
      expect.objectContaining({ id: applicationId, awaitsMyConfirmation: true }),
    ]);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/confirm`,
      headers: as(partner),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().partnerConfirmedAt).not.toBeNull();
    const byPartner = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/submit`,
      headers: as(partner),
    });
    expect(byPartner.statusCode).toBe(409);
    expect(byPartner.json().detail).toMatch(/som skickar in ansökan/);
  });

  it('submits once: one errand in the queue with the answers as incomes and costs', async () => {
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/submit`,
      headers: as(citizen),
    });
    expect(submit.statusCode, submit.body).toBe(200);
    errandId = submit.json().errandId;
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${applicationId}/submit`,
      headers: as(citizen),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/redan inskickad/);
    const restart = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/applications',
      headers: as(citizen),
      payload: { month: '2026-12' },
    });
    expect(restart.statusCode).toBe(409);

    const queue = await t.app.inject({ url: '/api/v1/errands?state=received', headers: as(erik) });
    const inQueue = (queue.json().items as { id: string }[]).filter((e) => e.id === errandId);
    expect(inQueue).toHaveLength(1);
    const errand = await t.app.inject({ url: `/api/v1/errands/${errandId}`, headers: as(erik) });
    expect(errand.statusCode, errand.body).toBe(200);
    const items = errand.json().items as {
      kind: string;
      type: string;
      subtype: string | null;
      amount: number;
    }[];
    expect(items.map((i) => [i.kind, i.type, i.subtype, i.amount]).sort()).toEqual([
      ['cost', 'housing', null, 620_000],
      ['cost', 'otherLivingCost', 'medicine', 12_000],
      ['income', 'housingAllowance', null, 150_000],
    ]);
    expect(errand.json().attachments).toHaveLength(1);
  });

  it('runs komplettering both ways and shows the status to the citizen', async () => {
    const request = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/completion-requests`,
      headers: as(erik),
      payload: { documents: 'Kontoutdrag för november', dueOn: '2026-12-01' },
    });
    expect(request.statusCode, request.body).toBe(201);
    const requestId = request.json().id;
    const outbox = await t.db.db
      .selectFrom('notifications')
      .select(['channel', 'recipient', 'sentAt'])
      .where('text', 'like', '%fler handlingar%')
      .execute();
    expect(outbox).toEqual([{ channel: 'sms', recipient: '070-123 45 67', sentAt: expect.any(Date) }]);

    let mine = await t.app.inject({ url: `/api/v1/citizen/errands/${errandId}`, headers: as(citizen) });
    expect(mine.json().status).toBe('needsCompletion');
    expect(mine.json().completionRequests[0].documents).toBe('Kontoutdrag för november');

    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/errands/${errandId}/completion-requests/${requestId}/answer`,
      headers: as(citizen),
    });
    expect(empty.statusCode).toBe(422);
    const pdf = multipart('kontoutdrag.pdf', PDF, 'application/pdf');
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/errands/${errandId}/completion-requests/${requestId}/files`,
      headers: { ...as(citizen), ...pdf.headers },
      payload: pdf.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/errands/${errandId}/completion-requests/${requestId}/answer`,
      headers: as(citizen),
    });
    expect(answer.statusCode).toBe(204);
    mine = await t.app.inject({ url: `/api/v1/citizen/errands/${errandId}`, headers: as(citizen) });
    expect(mine.json().status).toBe('underReview');
    const staffView = await t.app.inject({
      url: `/api/v1/errands/${errandId}/completion-requests`,
      headers: as(erik),
    });
    expect(staffView.json()[0].files[0].fileName).toBe('kontoutdrag.pdf');
  });

  it('shows the decision and its letter to the citizen', async () => {
    const move = (to: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/errands/${errandId}/transitions`,
        headers: as(erik),
        payload: { to },
      });
    expect((await move('underInvestigation')).statusCode).toBe(200);
    const calculation = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/calculations`,
      headers: as(erik),
    });
    expect(calculation.statusCode, calculation.body).toBe(201);
    expect((await move('readyForDecision')).statusCode).toBe(200);
    const amount = calculation.json().assistance as number;
    const decide = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/decisions`,
      headers: as(erik),
      payload: {
        items: [
          {
            description: 'Försörjningsstöd för december 2026',
            requested: amount,
            granted: amount,
            outcome: 'granted',
            reasonTemplateIds: [],
            reasons: 'Dina inkomster räcker inte till norm och skäliga kostnader.',
            legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)',
          },
        ],
        reasoning: 'Beslutet grundar sig på 12 kap. 1 § socialtjänstlagen.',
        childBestInterest: 'Barnens behov av mat och boende är tillgodosedda genom beslutet.',
      },
    });
    expect(decide.statusCode, decide.body).toBe(201);
    const mine = await t.app.inject({ url: `/api/v1/citizen/errands/${errandId}`, headers: as(citizen) });
    expect(mine.json().status).toBe('decided');
    const decision = mine.json().decisions[0];
    expect(decision.grantedTotal).toBe(amount);
    const letter = await t.app.inject({
      url: `/api/v1/citizen/decisions/${decision.id}/letter`,
      headers: as(citizen),
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');

    // A new application for the decided month is refused with a clear message.
    await t.db.db.deleteFrom('citizenApplications').where('id', '=', applicationId).execute();
    const decided = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/applications',
      headers: as(citizen),
      payload: { month: '2026-12' },
    });
    expect(decided.statusCode).toBe(409);
    expect(decided.json().detail).toMatch(/redan ett beslut om december 2026/);
  });

  it('carries secure messages both ways and tells the household there is one', async () => {
    const fromCitizen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/messages',
      headers: as(citizen),
      payload: { body: 'Hej! Hyran har höjts från januari.' },
    });
    expect(fromCitizen.statusCode, fromCitizen.body).toBe(201);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/messages',
      headers: as(citizen),
      payload: { body: '  ' },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].pointer).toBe('/body');
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/messages`,
      headers: as(erik),
      payload: { body: 'Tack, skicka gärna den nya hyresavin.' },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const seenByPartner = await t.app.inject({ url: '/api/v1/citizen/messages', headers: as(partner) });
    expect(
      (seenByPartner.json() as { body: string; fromCitizen: boolean; author: string }[]).map((m) => [
        m.fromCitizen,
        m.author,
        m.body,
      ]),
    ).toEqual([
      [true, expect.any(String), 'Hej! Hyran har höjts från januari.'],
      [false, 'Erik Lund', 'Tack, skicka gärna den nya hyresavin.'],
    ]);
    const staffView = await t.app.inject({ url: `/api/v1/errands/${errandId}/messages`, headers: as(erik) });
    expect(staffView.json()).toHaveLength(2);
    const outbox = await t.db.db
      .selectFrom('notifications')
      .select(['text'])
      .where('text', 'like', '%nytt meddelande%')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.text).not.toContain('hyresavi');
  });

  it("shows the citizen their own plan and meetings, not the partner's", async () => {
    const none = await t.app.inject({ url: '/api/v1/citizen/plan', headers: as(citizen) });
    expect(none.json()).toEqual({ plan: null, meetings: [] });
    expect((await t.app.inject({ url: '/api/v1/citizen/plan/pdf', headers: as(citizen) })).statusCode).toBe(
      404,
    );
    const plan = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${citizen.userId}/plans`,
      headers: as(erik),
      payload: {
        longTermGoal: 'Egen försörjning genom arbete i butik',
        subGoals: [{ id: 'g1', outcome: 'Har praktikplats i butik', targetDate: '2027-02-28' }],
        activities: [
          {
            description: 'Praktik i butik',
            responsible: { party: 'labourMarketUnit', name: 'Sara Holm' },
            subGoalIds: ['g1'],
            hoursPerWeek: 20,
          },
        ],
        clientWords: 'Jag vill jobba med människor.',
        agreement: { agreedOn: '2026-11-23', method: 'digital' },
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const meeting = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${citizen.userId}/meetings`,
      headers: as(erik),
      payload: { startsAt: '2026-12-01T10:00:00+01:00', place: 'Stadshuset, rum 3', purpose: 'followUp' },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const mine = await t.app.inject({ url: '/api/v1/citizen/plan', headers: as(citizen) });
    expect(mine.json().plan.longTermGoal).toBe('Egen försörjning genom arbete i butik');
    expect(mine.json().plan.activities[0].hoursPerWeek).toBe(20);
    // No follow-up yet: the next one by Älvstad's cadence from the plan's creation.
    expect(mine.json().plan.nextFollowUpOn).toMatch(/^2027-0\d-\d\d$|^2026-12-\d\d$/);
    expect(mine.json().meetings).toHaveLength(1);
    const pdf = await t.app.inject({ url: '/api/v1/citizen/plan/pdf', headers: as(citizen) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const noPdf = await t.app.inject({ url: '/api/v1/citizen/plan/pdf', headers: as(partner) });
    expect(noPdf.statusCode).toBe(404);
    const partners = await t.app.inject({ url: '/api/v1/citizen/plan', headers: as(partner) });
    expect(partners.json()).toEqual({ plan: null, meetings: [] });
  });

  it('refuses to send a draft for a month that has passed', async () => {
    const household = (await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(citizen) })).json()
      .household.id as string;
    const id = '00000000-0000-4000-8000-000000000abc';
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .insertInto('citizenApplications')
        .values({
          municipalityId: 'alvstad',
          id,
          householdId: household,
          personId: citizen.userId,
          type: 'renewalApplication',
          month: '2026-09',
          answers: JSON.stringify({ phone: '070-123 45 67', householdCorrect: true, incomes: [], costs: [] }),
          errandId: null,
          partnerId: null,
          partnerConfirmedAt: null,
          submittedAt: null,
        })
        .execute(),
    );
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/applications/${id}/submit`,
      headers: as(citizen),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/september 2026, som har passerat/);
  });

  it('signs out a staff session on the same browser when a citizen logs in', async () => {
    const staff = await loginAs(t.app, 'caseworker');
    const again = await loginCitizen(t.app, undefined, staff.cookie);
    expect(again.cookie).not.toBe(staff.cookie);
    const old = await t.app.inject({ url: '/api/v1/auth/session', headers: as(staff) });
    expect(old.statusCode).toBe(401);
  });

  it('logs every citizen read with the citizen as the actor', async () => {
    const rows = await t.db.db
      .selectFrom('accessLog')
      .select(['route', 'action', 'userId', 'citizenPersonId'])
      .where('actor', '=', 'citizen')
      .execute();
    const routes = new Set(rows.map((r) => r.route));
    expect(routes).toContain('GET /api/v1/citizen/overview');
    expect(routes).toContain('GET /api/v1/citizen/errands/:id');
    expect(routes).toContain('GET /api/v1/citizen/decisions/:id/letter');
    expect(rows.every((r) => r.userId === null)).toBe(true);
    expect(new Set(rows.map((r) => r.citizenPersonId))).toEqual(new Set([citizen.userId, partner.userId]));
    expect(routes).toContain('GET /api/v1/citizen/plan');
    expect(routes).toContain('GET /api/v1/citizen/messages');
  });
});
