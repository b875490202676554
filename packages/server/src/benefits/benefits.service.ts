// Sökta förmåner och återsökning: while a person waits for a benefit (sickness benefit,
// unemployment benefit, …) the municipality pays assistance; when the benefit is granted
// retroactively, the municipality claims from the agency the part that covered the same months
// — the lesser of the retroactive benefit and the assistance actually paid for those months
// (socialförsäkringsbalken 2010:110 107 kap. 5 §; the assistance is an advance, SoL 2025:400 33 kap. 2 §).
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import {
  type ApplicationRow,
  assistancePaidPerMonth,
  findApplication,
  findApplicationsOfPerson,
  findClaimsOfApplications,
  findPersonUnit,
} from './benefits.queries.ts';
import type { Agency, BenefitStatus } from './benefits.table.ts';

export const REIMBURSEMENT_BASIS =
  'Socialförsäkringsbalken (2010:110) 107 kap. 5 §: den retroaktiva ersättningen betalas till kommunen med det belopp som motsvarar biståndet för samma tid.';

export type ReimbursementClaim = {
  id: string;
  benefitApplicationId: string;
  months: string[];
  amount: number;
  status: 'draft' | 'sent' | 'paid';
  createdAt: string;
};

export type BenefitApplication = {
  id: string;
  personId: string;
  agency: Agency;
  benefit: string;
  appliedOn: string;
  status: BenefitStatus;
  decidedOn: string | null;
  retroactiveAmount: number | null;
  retroactiveMonths: string[] | null;
  reimbursementClaim: ReimbursementClaim | null;
};

export type ReimbursementCalculation = ReimbursementClaim & {
  retroactiveAmount: number;
  assistancePaid: number;
  perMonth: { month: string; assistancePaid: number }[];
  legalBasis: string;
};

type ClaimRow = Awaited<ReturnType<typeof findClaimsOfApplications>>[number];

function toClaim(row: ClaimRow): ReimbursementClaim {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

function toApplication(row: ApplicationRow, claim: ClaimRow | undefined): BenefitApplication {
  return {
    id: row.id,
    personId: row.personId,
    agency: row.agency,
    benefit: row.benefit,
    appliedOn: row.appliedOn,
    status: row.status,
    decidedOn: row.decidedOn,
    retroactiveAmount: row.retroactiveAmount,
    retroactiveMonths: row.retroactiveMonths,
    reimbursementClaim: claim ? toClaim(claim) : null,
  };
}

async function requirePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string): Promise<void> {
  const person = await findPersonUnit(trx, personId);
  if (!person || viewer.unit?.id !== person.unitId) throw new AppError('not_found', 'Personen finns inte');
}

async function requireApplication(trx: Kysely<Database>, viewer: SessionUser, id: string, lock = false) {
  const row = await findApplication(trx, id, { lock });
  const person = row ? await findPersonUnit(trx, row.personId) : undefined;
  if (!row || !person || viewer.unit?.id !== person.unitId) {
    throw new AppError('not_found', 'Förmånsansökan finns inte');
  }
  return row;
}

async function withClaim(trx: Kysely<Database>, row: ApplicationRow): Promise<BenefitApplication> {
  const [claim] = await findClaimsOfApplications(trx, [row.id]);
  return toApplication(row, claim);
}

export async function listBenefitApplications(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<BenefitApplication[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const rows = await findApplicationsOfPerson(trx, personId);
    const claims = await findClaimsOfApplications(
      trx,
      rows.map((r) => r.id),
    );
    await logAccess(trx, request, 'read', [personId]);
    return rows.map((row) =>
      toApplication(
        row,
        claims.find((c) => c.benefitApplicationId === row.id),
      ),
    );
  });
}

export async function createBenefitApplication(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: { agency: Agency; benefit: string; appliedOn: string },
): Promise<BenefitApplication> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const id = randomUUID();
    await trx
      .insertInto('benefitApplications')
      .values({ municipalityId: viewer.municipality.id, id, personId, ...input })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return withClaim(trx, await requireApplication(trx, viewer, id));
  });
}

export type BenefitDecision =
  | { status: 'granted'; decidedOn: string; retroactiveAmount: number; retroactiveMonths: string[] }
  | { status: 'rejected'; decidedOn: string };

export async function recordBenefitDecision(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  decision: BenefitDecision,
): Promise<BenefitApplication> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await requireApplication(trx, viewer, id, true);
    if (row.status !== 'pending') {
      throw new AppError('conflict', 'Myndighetens beslut är redan registrerat för ansökan.');
    }
    if (decision.decidedOn < row.appliedOn) {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/decidedOn', detail: 'Beslutsdagen kan inte vara före ansökningsdagen' },
      ]);
    }
    await trx
      .updateTable('benefitApplications')
      .set(
        decision.status === 'granted'
          ? {
              status: 'granted',
              decidedOn: decision.decidedOn,
              retroactiveAmount: decision.retroactiveAmount,
              retroactiveMonths: [...new Set(decision.retroactiveMonths)].sort(),
            }
          : { status: 'rejected', decidedOn: decision.decidedOn },
      )
      .where('id', '=', id)
      .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    return withClaim(trx, await requireApplication(trx, viewer, id));
  });
}

/**
 * Återsökning: the claim to the agency for the months of the retroactive benefit during which
 * assistance was paid — the lesser of the retroactive amount and the assistance paid.
 */
export async function createReimbursementClaim(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
): Promise<ReimbursementCalculation> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await requireApplication(trx, viewer, id, true);
    if (row.status !== 'granted' || row.retroactiveAmount === null || !row.retroactiveMonths?.length) {
      throw new AppError(
        'conflict',
        'Återsökning kan göras först när förmånen har beviljats retroaktivt med belopp och månader.',
      );
    }
    const [existing] = await findClaimsOfApplications(trx, [id]);
    if (existing) throw new AppError('conflict', 'Återsökning är redan gjord för den här förmånen.');
    const paid = await assistancePaidPerMonth(trx, row.personId, row.retroactiveMonths);
    const perMonth = row.retroactiveMonths.map((month) => ({ month, assistancePaid: paid.get(month) ?? 0 }));
    const months = perMonth.filter((m) => m.assistancePaid > 0).map((m) => m.month);
    const assistancePaid = perMonth.reduce((sum, m) => sum + m.assistancePaid, 0);
    if (assistancePaid === 0) {
      throw new AppError(
        'conflict',
        'Inget ekonomiskt bistånd betalades ut för månaderna som förmånen avser, så det finns inget att återsöka.',
      );
    }
    const amount = Math.min(row.retroactiveAmount, assistancePaid);
    const claimId = randomUUID();
    await trx
      .insertInto('reimbursementClaims')
      .values({
        municipalityId: viewer.municipality.id,
        id: claimId,
        benefitApplicationId: id,
        months,
        amount,
      })
      .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    const [claim] = await findClaimsOfApplications(trx, [id]);
    if (!claim) throw new AppError('internal');
    return {
      ...toClaim(claim),
      retroactiveAmount: row.retroactiveAmount,
      assistancePaid,
      perMonth,
      legalBasis: REIMBURSEMENT_BASIS,
    };
  });
}
