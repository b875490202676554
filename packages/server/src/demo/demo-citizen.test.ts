// The demo citizen of `npm start` can log in through the local identity provider and finds a
// decided application with its letter, a plan, a meeting and a message from the caseworker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, loginCitizen, TEST_TODAY, type TestApp } from '../testing.ts';
import { seedDemoCitizen } from './demo-citizen.ts';

let t: TestApp;
let amina: Login;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoCitizen(t.app, TEST_TODAY);
  // Listed first by the local identity provider.
  amina = await loginCitizen(t.app);
});
afterAll(() => t.close());

describe('the demo citizen', () => {
  it('has a decided application with a letter', async () => {
    const overview = (await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(amina) })).json();
    expect(overview.person.name).toBe('Amina Yusuf');
    expect(overview.contact.name).toBe('Erik Lund');
    expect(overview.errands).toEqual([expect.objectContaining({ month: '2026-10', status: 'decided' })]);
    const errand = (
      await t.app.inject({ url: `/api/v1/citizen/errands/${overview.errands[0].id}`, headers: as(amina) })
    ).json();
    expect(errand.decisions[0].hasLetter).toBe(true);
    expect(errand.decisions[0].grantedTotal).toBeGreaterThan(0);
  });

  it('has a plan, a meeting and a message', async () => {
    const plan = (await t.app.inject({ url: '/api/v1/citizen/plan', headers: as(amina) })).json();
    expect(plan.plan.longTermGoal).toContain('barnomsorg');
    expect(plan.meetings).toHaveLength(1);
    const messages = (await t.app.inject({ url: '/api/v1/citizen/messages', headers: as(amina) })).json();
    expect(messages[0].author).toBe('Erik Lund');
  });
});
