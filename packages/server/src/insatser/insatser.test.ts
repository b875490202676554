import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let sara: Login;
let erik: Login;
let kim: Login;

beforeAll(async () => {
  t = await buildTestApp();
  [sara, erik, kim] = await Promise.all([login(t.app, 'sara'), login(t.app, 'erik'), login(t.app, 'kim')]);
});
afterAll(() => t.close());

const get = (who: Login, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
const send = (who: Login, method: 'POST' | 'PATCH', url: string, payload: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: as(who), payload });

const newInsats = {
  name: 'Cykelverkstan',
  kind: 'workTraining',
  provider: 'Arbetsmarknadsenheten, Älvstad',
  targetGroup: 'Unga vuxna 18–24 år',
  eligibility: 'Remiss från ekonomiskt bistånd',
  capacity: 6,
  durationWeeks: 10,
  costPerParticipantOre: 1_850_050,
  fundingSource: 'municipality',
};

describe('insatskatalog', () => {
  it("lists the municipality's own offerings and the region's shared ones, never another municipality's", async () => {
    const alvstad = (await get(erik, '/insatser')).json().items as {
      name: string;
      owner: { kind: string };
    }[];
    expect(alvstad.map((i) => i.name)).toContain('Arbetsträning på Återbruket');
    expect(alvstad.map((i) => i.name)).toContain('Sfi med språkpraktik');
    expect(alvstad.find((i) => i.name === 'Sfi med språkpraktik')?.owner.kind).toBe('region');
    const sjoby = (await get(kim, '/insatser')).json().items as { name: string }[];
    expect(sjoby.map((i) => i.name)).toContain('Sfi med språkpraktik');
    expect(sjoby.map((i) => i.name)).not.toContain('Arbetsträning på Återbruket');
  });

  it('is kept by the labour-market unit: cost in öre, capacity, funding; the region’s entries are read-only', async () => {
    const created = await send(sara, 'POST', '/insatser', newInsats);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ costPerParticipantOre: 1_850_050, free: 6, waiting: 0 });
    const changed = await send(sara, 'PATCH', `/insatser/${created.json().id}`, { capacity: 8 });
    expect(changed.json().capacity).toBe(8);
    const region = (
      (await get(sara, '/insatser')).json().items as { id: string; owner: { kind: string } }[]
    ).find((i) => i.owner.kind === 'region');
    const refused = await send(sara, 'PATCH', `/insatser/${region?.id}`, { capacity: 99 });
    expect(refused.statusCode).toBe(403);
    const hidden = await get(kim, `/insatser/${created.json().id}`);
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses a negative cost, a cost in kronor with decimals and an unknown funding source, naming the field', async () => {
    const bad = await send(sara, 'POST', '/insatser', {
      ...newInsats,
      costPerParticipantOre: 12.5,
      fundingSource: 'lottery',
    });
    expect(bad.statusCode).toBe(422);
    const pointers = (bad.json().errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/costPerParticipantOre', '/fundingSource']));
  });
});

describe('arbetsplatser', () => {
  it('registers a workplace with its organisation number and placement kinds', async () => {
    const created = await send(sara, 'POST', '/workplaces', {
      name: 'Älvstads Cykel & Sport',
      organisationNumber: '5599000404',
      industry: 'Handel',
      placementKinds: ['workPractice'],
      places: 1,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().organisationNumber).toBe('559900-0404');
    const list = (await get(erik, '/workplaces')).json().items as { name: string }[];
    expect(list.map((w) => w.name)).toContain('Älvstads Cykel & Sport');
    expect((await get(kim, '/workplaces')).json().items.map((w: { name: string }) => w.name)).not.toContain(
      'Älvstads Cykel & Sport',
    );
    const bad = await send(sara, 'POST', '/workplaces', {
      name: 'X',
      organisationNumber: '12',
      industry: 'Handel',
      placementKinds: [],
      places: 1,
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/organisationNumber', '/placementKinds']),
    );
  });

  it('changes a workplace in the register: the labour-market unit keeps it, caseworkers only read it', async () => {
    const created = (
      await send(sara, 'POST', '/workplaces', {
        name: 'Bageriet vid torget',
        industry: 'Livsmedel',
        placementKinds: ['workPractice'],
        places: 1,
      })
    ).json();
    const changed = await send(sara, 'PATCH', `/workplaces/${created.id}`, {
      organisationNumber: '5566778899',
      contactName: 'Ulla Deg',
      contactEmail: 'ulla@bageriet.example',
      placementKinds: ['workPractice', 'workTraining'],
      places: 3,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Bageriet vid torget',
      organisationNumber: '556677-8899',
      contactName: 'Ulla Deg',
      placementKinds: ['workPractice', 'workTraining'],
      places: 3,
      active: true,
    });
    const inactive = await send(sara, 'PATCH', `/workplaces/${created.id}`, { active: false });
    expect(inactive.json().active).toBe(false);
    expect((await send(erik, 'PATCH', `/workplaces/${created.id}`, { places: 9 })).statusCode).toBe(403);
    const bad = await send(sara, 'PATCH', `/workplaces/${created.id}`, {
      name: ' ',
      placementKinds: [],
      contactEmail: 'inte-en-adress',
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/name', '/placementKinds', '/contactEmail']),
    );
    const list = (await get(erik, '/workplaces')).json().items as { id: string; places: number }[];
    expect(list.find((w) => w.id === created.id)?.places).toBe(3);
  });
});
