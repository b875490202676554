// The participant survey: a one-time anonymous link (sent at closure), answered without login,
// refused the second time; results only as aggregates with small groups withheld; free text
// shown only after the manager releases an anonymised version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let maria: Login;
let nils: Login;
let closureLink: string;

const get = (who: Login | null, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? as(who) : {} });
const post = (who: Login | null, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who ? as(who) : {}, payload });
const token = (link: string) => link.replace('/enkat/', '');
const answers = (overall: number, text: string | null = null) => ({
  answers: [
    { questionId: 'overall', score: overall },
    { questionId: 'respect', score: 9 },
    { questionId: 'closer', score: 5 },
    ...(text ? [{ questionId: 'improve', text }] : []),
  ],
});

beforeAll(async () => {
  t = await buildTestApp();
  [erik, maria, nils] = await Promise.all([
    login(t.app, 'erik'),
    login(t.app, 'maria'),
    login(t.app, 'nils'),
  ]);
  const [household] = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 1);
  const personId = household?.applicantId ?? '';
  await post(erik, `/persons/${personId}/closures`, { closedOn: '2026-11-01', reason: 'work' });
  const sms = await t.db.db
    .selectFrom('notifications')
    .select('text')
    .where('personId', '=', personId)
    .where('channel', '=', 'sms')
    .execute();
  closureLink = /\/enkat\/\S+/.exec(sms.map((n) => n.text).join(' '))?.[0] ?? '';
});
afterAll(() => t.close());

describe('enkät', () => {
  it('is sent at closure as a one-time link that needs no login, and the answer is kept without the person', async () => {
    expect(closureLink).toMatch(/^\/enkat\/alvstad\./);
    const form = await get(null, `/surveys/${token(closureLink)}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ occasion: 'closure', scale: { min: 1, max: 10 } });
    expect(form.json().questions.map((q: { id: string }) => q.id)).toEqual([
      'overall',
      'respect',
      'closer',
      'improve',
    ]);
    const answered = await post(
      null,
      `/surveys/${token(closureLink)}`,
      answers(8, 'Min coach Sara var jättebra'),
    );
    expect(answered.statusCode).toBe(204);
    const stored = await t.db.db.selectFrom('surveyResponses').selectAll().execute();
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual([
      'id',
      'month',
      'municipalityId',
      'occasion',
      'scores',
      'unitId',
    ]);
  });

  it('refuses a second answer with the same link, an unknown link and a score off the scale', async () => {
    const again = await post(null, `/surveys/${token(closureLink)}`, answers(2));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('redan besvarad');
    expect((await get(null, `/surveys/${token(closureLink)}`)).statusCode).toBe(409);
    expect((await get(null, '/surveys/alvstad.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await get(null, '/surveys/not-a-token')).statusCode).toBe(422);
    const link = (await post(erik, '/survey-invitations', { occasion: 'insatsEnd' })).json().link;
    const off = await post(null, `/surveys/${token(link)}`, {
      answers: [{ questionId: 'overall', score: 11 }],
    });
    expect(off.statusCode).toBe(422);
    expect(off.json().errors[0].pointer).toBe('/answers/0/score');
    const textForScale = await post(null, `/surveys/${token(link)}`, {
      answers: [{ questionId: 'overall', text: 'bra' }],
    });
    expect(textForScale.json().errors[0].pointer).toBe('/answers/0/text');
  });

  it('shows only aggregates, withheld until enough have answered', async () => {
    const early = (await get(maria, '/survey-results')).json();
    expect(early).toMatchObject({ suppressionThreshold: 5, responses: null, comments: [] });
    expect(early.questions[0]).toMatchObject({ id: 'overall', answers: null, mean: null, index: null });
    for (const score of [6, 7, 9, 10]) {
      const link = (await post(erik, '/survey-invitations', { occasion: 'closure' })).json().link;
      expect((await post(null, `/surveys/${token(link)}`, answers(score))).statusCode).toBe(204);
    }
    const results = (await get(maria, '/survey-results?occasion=closure')).json();
    expect(results.responses).toBe(5);
    // (8 + 6 + 7 + 9 + 10) / 5 = 8; index (8 − 1) / 9 × 100 = 78.
    expect(results.questions[0]).toMatchObject({ answers: 5, mean: 8, index: 78 });
    expect(results.questions.map((q: { id: string }) => q.id)).not.toContain('improve');
    expect((await get(nils, '/survey-results')).json().responses).toBe(5);
    expect((await get(erik, '/survey-results')).statusCode).toBe(403);
  });

  it('shows free text only after the manager releases an anonymised version', async () => {
    expect((await get(maria, '/survey-results')).json().comments).toEqual([]);
    const pending = (await get(maria, '/survey-comments')).json().items;
    expect(pending).toEqual([
      expect.objectContaining({ questionId: 'improve', text: 'Min coach Sara var jättebra' }),
    ]);
    const missing = await post(maria, `/survey-comments/${pending[0].id}`, { decision: 'release' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].pointer).toBe('/text');
    const released = await post(maria, `/survey-comments/${pending[0].id}`, {
      decision: 'release',
      text: 'Min coach var jättebra',
    });
    expect(released.statusCode).toBe(204);
    expect((await get(maria, '/survey-results')).json().comments).toEqual([
      { questionId: 'improve', text: 'Min coach var jättebra' },
    ]);
    expect((await get(maria, '/survey-comments')).json().items).toEqual([]);
    const stored = await t.db.db.selectFrom('surveyComments').select('text').execute();
    expect(stored.map((c) => c.text)).toEqual(['']);
  });
});

describe('enkätens frågor', () => {
  const patch = (who: Login, url: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: as(who), payload });
  type Question = {
    id: string;
    text: string;
    kind: string;
    position: number;
    active: boolean;
    answers: number;
  };

  it('lists the questions with their answers, for the unit manager only', async () => {
    const list = await get(maria, '/survey-questions');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Question[];
    expect(items.map((q) => q.id)).toEqual(['overall', 'respect', 'closer', 'improve']);
    expect(items.find((q) => q.id === 'overall')?.answers).toBeGreaterThan(0);
    expect((await get(erik, '/survey-questions')).statusCode).toBe(403);
    expect((await get(nils, '/survey-questions')).statusCode).toBe(403);
  });

  it('refuses rewording an answered question; it can be retired and a new one added, which is asked next time', async () => {
    const reworded = await patch(maria, '/survey-questions/overall', { text: 'Hur nöjd är du med coachen?' });
    expect(reworded.statusCode).toBe(409);
    expect(reworded.json().detail).toMatch(/har \d+ svar och kan inte formuleras om/);
    expect((await patch(maria, '/survey-questions/closer', { kind: 'text' })).statusCode).toBe(409);

    const retired = await patch(maria, '/survey-questions/closer', { active: false });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ id: 'closer', active: false });

    const added = await post(maria, '/survey-questions', {
      text: 'Hur väl passade insatsen dina mål?',
      kind: 'scale',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ position: 4, active: true, answers: 0 });
    // Not answered yet: it may still be reworded.
    const fixed = await patch(maria, `/survey-questions/${added.json().id}`, {
      text: 'Hur väl passade insatsen dina egna mål?',
    });
    expect(fixed.json().text).toBe('Hur väl passade insatsen dina egna mål?');

    const link = (await post(erik, '/survey-invitations', { occasion: 'afterExit' })).json().link as string;
    const form = (await get(null, `/surveys/${token(link)}`)).json() as {
      questions: { id: string; text: string }[];
    };
    expect(form.questions.map((q) => q.id)).toEqual(['overall', 'respect', 'improve', added.json().id]);
    // The retired question's answers stay in the results, under the words that were asked.
    const results = (await get(maria, '/survey-results')).json() as {
      questions: { id: string; text: string }[];
    };
    expect(results.questions.find((q) => q.id === 'closer')?.text).toBe(
      'Hur mycket har stödet hjälpt dig närmare arbete eller studier?',
    );
  });

  it('refuses a question without words or kind, naming the fields, and an unknown question', async () => {
    const bad = await post(maria, '/survey-questions', { text: ' ', kind: 'multipleChoice' });
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      '/kind',
      '/text',
    ]);
    expect((await patch(maria, '/survey-questions/finns-inte', { active: false })).statusCode).toBe(404);
  });
});
