// The demo citizen of `npm start`: Amina Yusuf and her son in Älvstad (unit Norr, caseworker
// Erik Lund), with last month's application decided, a genomförandeplan, a meeting booked and a
// message from Erik. Made through the real API as Erik would, so everything (calculation,
// decision letter, journal, access log) is as real as the rest of the demo. She logs in through
// the local identity provider with personnummer 19880412-9263 (listed first there).
import type { FastifyInstance } from 'fastify';
import { DEMO_CITIZEN_PERSONNUMMER } from '../citizen/citizen.service.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { identityNumber } from './synthetic.ts';

function monthsBefore(today: string, n: number): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export async function seedDemoCitizen(app: FastifyInstance, today: string): Promise<void> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'erik', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'stegvis_session');
  if (login.statusCode !== 200 || !cookie) throw new Error(`demo citizen: login ${login.statusCode}`);
  const headers = { cookie: `stegvis_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken };
  const call = async (method: 'POST' | 'GET', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });
    if (response.statusCode >= 300)
      throw new Error(`demo citizen: ${method} ${url} → ${response.statusCode} ${response.body}`);
    return response.json();
  };

  const lastMonth = monthsBefore(today, 1);
  const since = `${monthsBefore(today, 2)}-01`;
  const address = { street: 'Åkervägen 12', postalCode: '791 31', city: 'Älvstad' };
  const amina = await call('POST', '/persons', {
    personalIdentityNumber: DEMO_CITIZEN_PERSONNUMMER,
    firstName: 'Amina',
    lastName: 'Yusuf',
    address,
  });
  const liam = await call('POST', '/persons', {
    personalIdentityNumber: identityNumber('2016-09-03', 'male', 95),
    firstName: 'Liam',
    lastName: 'Yusuf',
    address,
  });
  const household = await call('POST', '/households', { applicantPersonId: amina.id, validFrom: since });
  await call('POST', `/households/${household.id}/members`, {
    personId: liam.id,
    role: 'child',
    validFrom: since,
  });

  const errand = await call('POST', '/errands', {
    householdId: household.id,
    type: 'newApplication',
    month: lastMonth,
    requestedNote: 'Ansökan via e-tjänsten.',
  });
  await call('POST', `/errands/${errand.id}/transitions`, { to: 'underInvestigation' });
  for (const item of [
    { kind: 'cost', type: 'housing', amount: 645_000, note: 'Hyresavi' },
    { kind: 'cost', type: 'householdElectricity', amount: 35_000 },
    { kind: 'income', type: 'childAllowance', amount: 125_000, personId: liam.id },
  ]) {
    await call('POST', `/errands/${errand.id}/items`, item);
  }
  await call('POST', `/errands/${errand.id}/transitions`, { to: 'readyForDecision' });
  const calculation = await call('POST', `/errands/${errand.id}/calculations`);
  await call('POST', `/errands/${errand.id}/decisions`, {
    items: [
      {
        description: 'Försörjningsstöd',
        requested: calculation.assistance,
        granted: calculation.assistance,
        outcome: 'granted',
        reasonTemplateIds: [],
        reasons: 'Dina inkomster räcker inte till riksnormen och skäliga boendekostnader.',
        legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)',
      },
    ],
    reasoning: 'Beslutet grundar sig på 12 kap. 1 och 7 §§ socialtjänstlagen. Hyran 6 450 kr är skälig.',
    childBestInterest: 'Liams behov av mat, kläder och boende tillgodoses genom beslutet.',
  });

  await call('POST', `/persons/${amina.id}/plans`, {
    longTermGoal: 'Egen försörjning genom arbete inom barnomsorg',
    subGoals: [
      {
        id: 'g1',
        outcome: 'Har läst klart svenska som andraspråk, grundläggande nivå',
        targetDate: `${monthsBefore(today, -4)}-28`,
      },
      { id: 'g2', outcome: 'Har praktikplats på en förskola', targetDate: `${monthsBefore(today, -6)}-28` },
    ],
    activities: [
      {
        description: 'Studier i svenska på Komvux',
        responsible: { party: 'person' },
        subGoalIds: ['g1'],
        hoursPerWeek: 15,
      },
      {
        description: 'Praktik och handledning',
        responsible: { party: 'labourMarketUnit', name: 'Sara Holm' },
        subGoalIds: ['g2'],
        hoursPerWeek: 10,
      },
    ],
    clientWords: 'Jag vill jobba med barn och kunna försörja Liam och mig.',
    agreement: { agreedOn: today, method: 'digital' },
  });
  await call('POST', `/persons/${amina.id}/meetings`, {
    // A week from today, 10:00 Swedish winter time.
    startsAt: new Date(Date.parse(`${today}T09:00:00Z`) + 7 * 86_400_000).toISOString(),
    place: 'Stadshuset, Storgatan 1, rum 3',
    purpose: 'followUp',
  });
  await call('POST', `/errands/${errand.id}/messages`, {
    body: 'Hej Amina! Beslutet för förra månaden finns nu här i e-tjänsten. Hör av dig om du har frågor. /Erik',
  });
}
