// The insats catalogue (the municipality's own offerings and its region's shared ones), the
// wait list per insats and the register of workplaces offering placements.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { daysBetween } from '../referrals/clock.ts';
import type {
  insatsInput,
  insatsPatch,
  insatsSchema,
  workplaceInput,
  workplacePatch,
  workplaceSchema,
} from './insatser.schemas.ts';
import type { InsatsTable } from './insatser.table.ts';

type Insats = z.infer<typeof insatsSchema>;
type Workplace = z.infer<typeof workplaceSchema>;
const collator = new Intl.Collator('sv');

async function regionOf(trx: Kysely<Database>, municipalityId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('municipalities')
    .select('regionId')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return row?.regionId ?? null;
}

/** The catalogue rows the municipality may use: its own and its region's. */
async function catalogueRows(trx: Kysely<Database>, municipalityId: string, id?: string) {
  const regionId = await regionOf(trx, municipalityId);
  let query = trx
    .selectFrom('insatser as i')
    .leftJoin('municipalities as m', 'm.id', 'i.ownerMunicipalityId')
    .leftJoin('regions as r', 'r.id', 'i.ownerRegionId')
    .selectAll('i')
    .select(['m.name as municipalityName', 'r.name as regionName'])
    .where((eb) =>
      eb.or([
        eb('i.ownerMunicipalityId', '=', municipalityId),
        ...(regionId ? [eb('i.ownerRegionId', '=', regionId)] : []),
      ]),
    );
  if (id) query = query.where('i.id', '=', id);
  return query.execute();
}

type CatalogueRow = Awaited<ReturnType<typeof catalogueRows>>[number];

async function toInsatser(trx: Kysely<Database>, rows: CatalogueRow[]): Promise<Insats[]> {
  if (rows.length === 0) return [];
  const counts = await trx
    .selectFrom('insatsParticipations')
    .select(['insatsId', 'status', sql<number>`count(*)::int`.as('n')])
    .where(
      'insatsId',
      'in',
      rows.map((r) => r.id),
    )
    .where('status', 'in', ['waiting', 'active'])
    .groupBy(['insatsId', 'status'])
    .execute();
  const count = (id: string, status: string) =>
    counts.find((c) => c.insatsId === id && c.status === status)?.n ?? 0;
  return rows
    .map((row) => {
      const occupied = count(row.id, 'active');
      return {
        id: row.id,
        owner: row.ownerMunicipalityId
          ? { kind: 'municipality' as const, id: row.ownerMunicipalityId, name: row.municipalityName ?? '' }
          : { kind: 'region' as const, id: row.ownerRegionId ?? '', name: row.regionName ?? '' },
        name: row.name,
        kind: row.kind,
        provider: row.provider,
        targetGroup: row.targetGroup,
        eligibility: row.eligibility,
        capacity: row.capacity,
        durationWeeks: row.durationWeeks,
        costPerParticipantOre: row.costPerParticipantOre,
        fundingSource: row.fundingSource,
        active: row.active,
        occupied,
        free: Math.max(0, row.capacity - occupied),
        waiting: count(row.id, 'waiting'),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function listInsatser(
  db: Kysely<Database>,
  viewer: SessionUser,
  query: { activeOnly: boolean },
): Promise<Insats[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await catalogueRows(trx, viewer.municipality.id);
    return toInsatser(
      trx,
      rows.filter((row) => row.active || !query.activeOnly),
    );
  });
}

/** One catalogue entry the municipality may use, or 404. */
export async function findInsats(trx: Kysely<Database>, municipalityId: string, id: string) {
  const [row] = await catalogueRows(trx, municipalityId, id);
  if (!row) throw new AppError('not_found', 'Insatsen finns inte i katalogen');
  const [insats] = await toInsatser(trx, [row]);
  if (!insats) throw new AppError('internal');
  return insats;
}

export async function getInsats(db: Kysely<Database>, viewer: SessionUser, id: string): Promise<Insats> {
  return inTenant(db, viewer.municipality.id, (trx) => findInsats(trx, viewer.municipality.id, id));
}

export async function createInsats(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: z.infer<typeof insatsInput>,
): Promise<Insats> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto('insatser')
      .values({ id, ownerMunicipalityId: viewer.municipality.id, ownerRegionId: null, ...input })
      .execute();
    return findInsats(trx, viewer.municipality.id, id);
  });
}

export async function updateInsats(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  changes: z.infer<typeof insatsPatch>,
): Promise<Insats> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const insats = await findInsats(trx, viewer.municipality.id, id);
    if (insats.owner.kind === 'region')
      throw new AppError('forbidden', 'Insatsen ägs av regionen och ändras där, inte av kommunen');
    if (changes.capacity !== undefined && changes.capacity < insats.occupied)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/capacity',
          detail: `Insatsen har ${insats.occupied} deltagare; antalet platser kan inte bli färre`,
        },
      ]);
    const set = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Updateable<InsatsTable>;
    if (Object.keys(set).length > 0)
      await trx.updateTable('insatser').set(set).where('id', '=', id).execute();
    return findInsats(trx, viewer.municipality.id, id);
  });
}

/** The wait list of one insats in this municipality, longest wait first. */
export async function insatsWaitList(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await findInsats(trx, viewer.municipality.id, id);
    const rows = await trx
      .selectFrom('insatsParticipations')
      .select(['id', 'personId', 'listedOn', 'referralId'])
      .where('insatsId', '=', id)
      .where('status', '=', 'waiting')
      .orderBy('listedOn')
      .orderBy('createdAt')
      .execute();
    const persons = await describePersons(
      trx,
      viewer,
      rows.map((r) => r.personId),
    );
    const visible = rows.filter((r) => persons.has(r.personId));
    await logAccess(
      trx,
      request,
      'search',
      visible.map((r) => r.personId),
    );
    return {
      insatsId: id,
      items: visible.map((r) => ({
        participationId: r.id,
        personId: r.personId,
        name: persons.get(r.personId)?.name ?? '',
        listedOn: r.listedOn,
        waitingDays: daysBetween(r.listedOn, today),
        referralId: r.referralId,
      })),
    };
  });
}

type WorkplaceRow = Awaited<ReturnType<typeof workplaceRows>>[number];
function workplaceRows(trx: Kysely<Database>) {
  return trx.selectFrom('workplaces').selectAll().execute();
}
function toWorkplace(row: WorkplaceRow): Workplace {
  return {
    id: row.id,
    name: row.name,
    organisationNumber: row.organisationNumber,
    industry: row.industry,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    placementKinds: row.placementKinds,
    places: row.places,
    active: row.active,
  };
}

export async function listWorkplaces(db: Kysely<Database>, viewer: SessionUser): Promise<Workplace[]> {
  return inTenant(db, viewer.municipality.id, async (trx) =>
    (await workplaceRows(trx)).map(toWorkplace).sort((a, b) => collator.compare(a.name, b.name)),
  );
}

const orgNumber = (value: string | null) => (value ? value.replace(/^(\d{6})-?(\d{4})$/, '$1-$2') : null);

/** Changes a workplace in the register; one that no longer takes placements is kept, inactive. */
export async function updateWorkplace(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  changes: z.infer<typeof workplacePatch>,
): Promise<Workplace> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { placementKinds, organisationNumber, ...rest } = changes;
    const set = {
      ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
      ...(placementKinds ? { placementKinds: JSON.stringify(placementKinds) } : {}),
      ...(organisationNumber !== undefined ? { organisationNumber: orgNumber(organisationNumber) } : {}),
    };
    const query =
      Object.keys(set).length > 0
        ? trx.updateTable('workplaces').set(set).where('id', '=', id).returningAll()
        : trx.selectFrom('workplaces').selectAll().where('id', '=', id);
    const row = await query.executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Arbetsplatsen finns inte i registret');
    return toWorkplace(row);
  });
}

export async function createWorkplace(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: z.infer<typeof workplaceInput>,
): Promise<Workplace> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await trx
      .insertInto('workplaces')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        ...input,
        organisationNumber: orgNumber(input.organisationNumber),
        placementKinds: JSON.stringify(input.placementKinds),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWorkplace(row);
  });
}
