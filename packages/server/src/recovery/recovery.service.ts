// Återkrav (SoL 2025:400 33 kap.): a claim to get back assistance paid wrongly (1 §), given as an
// advance or to someone temporarily without access to their means (2 §), or granted on a
// repayment condition (3 §); repayment, waiver (6 §) and court action within three years (5 §).
// Assistance granted before 2025-07-01 is recovered under the old law (SoL 2001:453 9 kap.),
// övergångsbestämmelse p. 5 a — which is why the ledger keeps the legal basis per payment.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import {
  type ClaimRow,
  findClaim,
  findClaimsOfPerson,
  findDecisionForClaim,
  findPersonUnit,
} from './recovery.queries.ts';
import type { RecoveryStatus } from './recovery.table.ts';

/** The new law's grounds (in force from 2025-07-01) and the old law's for earlier grants. */
export const NEW_LAW_BASES = [
  'SoL 2025:400 33 kap. 1 §',
  'SoL 2025:400 33 kap. 2 §',
  'SoL 2025:400 33 kap. 3 §',
] as const;
export const OLD_LAW_BASES = ['SoL 2001:453 9 kap. 1 §', 'SoL 2001:453 9 kap. 2 §'] as const;
export const RECOVERY_BASES = [...NEW_LAW_BASES, ...OLD_LAW_BASES] as const;
export type RecoveryBasis = (typeof RECOVERY_BASES)[number];

const NEW_LAW_FROM = '2025-07-01';

/** Which status may follow which; paid and waived are final. */
const NEXT: Record<RecoveryStatus, readonly RecoveryStatus[]> = {
  open: ['repaying', 'paid', 'waived', 'courtAction'],
  repaying: ['paid', 'waived', 'courtAction'],
  courtAction: ['repaying', 'paid', 'waived'],
  paid: [],
  waived: [],
};

const STATUS_WORDS: Record<RecoveryStatus, string> = {
  open: 'öppet',
  repaying: 'avbetalas',
  paid: 'återbetalt',
  waived: 'eftergivet',
  courtAction: 'talan väckt',
};

export type RecoveryClaim = {
  id: string;
  personId: string;
  decisionId: string | null;
  amount: number;
  legalBasis: string;
  reason: string;
  status: RecoveryStatus;
  costMonth: string | null;
  /** The last day to bring the claim to the förvaltningsrätt (33 kap. 5 §), or null without a cost month. */
  courtActionDeadline: string | null;
  deadlinePassed: boolean;
  deadlineRule: string;
  waivedAmount: number | null;
  statusNote: string | null;
  createdAt: string;
  statusChangedAt: string | null;
};

export type RecoveryClaimInput = {
  decisionId?: string | undefined;
  costMonth?: string | undefined;
  amount: number;
  reason: string;
  legalBasis: RecoveryBasis;
};

function isOldLaw(basis: string): boolean {
  return basis.startsWith('SoL 2001:453');
}

/**
 * Talan ska väckas inom tre år från det att kostnaden uppkom (33 kap. 5 §; old law 9 kap. 3 §).
 * The cost arises when the money is paid; counted from the first day of the payment month, the
 * deadline is never later than the law's, so it cannot be missed by a day.
 */
export function courtActionDeadline(costMonth: string): string {
  return `${Number(costMonth.slice(0, 4)) + 3}-${costMonth.slice(5, 7)}-01`;
}

function toClaim(row: ClaimRow, today: string): RecoveryClaim {
  const deadline = row.costMonth ? courtActionDeadline(row.costMonth) : null;
  return {
    ...row,
    courtActionDeadline: deadline,
    deadlinePassed: deadline !== null && today > deadline,
    deadlineRule: isOldLaw(row.legalBasis)
      ? 'Talan ska väckas inom tre år från det att kostnaden uppkom (SoL 2001:453 9 kap. 3 §, övergångsbestämmelse p. 5 a till SoL 2025:400).'
      : 'Talan ska väckas inom tre år från det att kostnaden uppkom (SoL 2025:400 33 kap. 5 §).',
    createdAt: new Date(row.createdAt).toISOString(),
    statusChangedAt: row.statusChangedAt ? new Date(row.statusChangedAt).toISOString() : null,
  };
}

async function requirePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string): Promise<void> {
  const person = await findPersonUnit(trx, personId);
  // Another unit's person answers exactly like a missing one.
  if (!person || viewer.unit?.id !== person.unitId) throw new AppError('not_found', 'Personen finns inte');
}

export async function listRecoveryClaims(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  today: string,
): Promise<RecoveryClaim[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const rows = await findClaimsOfPerson(trx, personId);
    await logAccess(trx, request, 'read', [personId]);
    return rows.map((row) => toClaim(row, today));
  });
}

function monthOf(date: Date | string): string {
  return (typeof date === 'string' ? date : date.toISOString()).slice(0, 7);
}

export async function createRecoveryClaim(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: RecoveryClaimInput,
  today: string,
): Promise<RecoveryClaim> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const errors: FieldError[] = [];
    let costMonth = input.costMonth ?? null;
    let grantedOn: string | null = null;
    if (input.decisionId) {
      const decision = await findDecisionForClaim(trx, input.decisionId, personId);
      if (!decision?.concernsPerson) {
        errors.push({ pointer: '/decisionId', detail: 'Beslutet finns inte för personens hushåll' });
      } else {
        grantedOn = new Date(decision.decidedAt).toISOString().slice(0, 10);
        const paid = decision.payments.reduce((sum, p) => sum + p.amount, 0);
        if (decision.payments.length === 0) {
          errors.push({
            pointer: '/decisionId',
            detail: 'Inget har betalats ut enligt beslutet, så det finns inget att kräva tillbaka',
          });
        } else if (input.amount > paid) {
          errors.push({
            pointer: '/amount',
            detail: `Återkravet kan inte vara större än det som betalades ut enligt beslutet (${(paid / 100).toLocaleString('sv-SE')} kr)`,
          });
        }
        // The cost arose when the money was paid: the earliest payment of the decision.
        const paidMonths = decision.payments.map((p) =>
          p.paymentDate ? monthOf(p.paymentDate) : monthOf(p.createdAt),
        );
        costMonth ??= paidMonths.sort()[0] ?? decision.month;
      }
    } else if (!costMonth) {
      errors.push({
        pointer: '/costMonth',
        detail: 'Ange månaden då biståndet betalades ut, eller välj beslutet',
      });
    }
    const grantedBeforeNewLaw = grantedOn
      ? grantedOn < NEW_LAW_FROM
      : costMonth !== null && costMonth < NEW_LAW_FROM.slice(0, 7);
    if (errors.length === 0 && grantedBeforeNewLaw !== isOldLaw(input.legalBasis)) {
      errors.push({
        pointer: '/legalBasis',
        detail: grantedBeforeNewLaw
          ? 'Biståndet beviljades före den 1 juli 2025, så återkravet prövas enligt den äldre lagen (SoL 2001:453 9 kap.), övergångsbestämmelse p. 5 a till SoL 2025:400'
          : 'Biståndet beviljades efter den 1 juli 2025, så återkravet prövas enligt SoL 2025:400 33 kap.',
      });
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const id = randomUUID();
    await trx
      .insertInto('recoveryClaims')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        decisionId: input.decisionId ?? null,
        amount: input.amount,
        legalBasis: input.legalBasis,
        reason: input.reason,
        costMonth,
        createdBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    const row = await findClaim(trx, id);
    if (!row) throw new AppError('internal');
    return toClaim(row, today);
  });
}

export type RecoveryStatusChange = {
  status: RecoveryStatus;
  note?: string | undefined;
  waivedAmount?: number | undefined;
};

export async function changeRecoveryStatus(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  claimId: string,
  change: RecoveryStatusChange,
  today: string,
): Promise<RecoveryClaim> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const claim = await findClaim(trx, claimId, { lock: true });
    if (!claim) throw new AppError('not_found', 'Återkravet finns inte');
    await requirePerson(trx, viewer, claim.personId).catch(() => {
      throw new AppError('not_found', 'Återkravet finns inte');
    });
    if (!NEXT[claim.status].includes(change.status)) {
      throw new AppError(
        'conflict',
        `Ett återkrav som är ${STATUS_WORDS[claim.status]} kan inte bli ${STATUS_WORDS[change.status]}.`,
        [
          {
            pointer: '/status',
            detail: `Välj något av: ${NEXT[claim.status].map((s) => STATUS_WORDS[s]).join(', ') || 'inget – återkravet är avslutat'}`,
          },
        ],
      );
    }
    let waivedAmount: number | null = null;
    if (change.status === 'waived') {
      // Eftergift is the nämnd's decision (33 kap. 6 §), here on delegation to the unit manager.
      if (viewer.role !== 'unitManager') {
        throw new AppError(
          'forbidden',
          'Eftergift beslutas av nämnden eller på delegation av enhetschefen (SoL 2025:400 33 kap. 6 §).',
        );
      }
      waivedAmount = change.waivedAmount ?? claim.amount;
      if (waivedAmount > claim.amount) {
        throw new AppError('invalid_input', undefined, [
          { pointer: '/waivedAmount', detail: 'Det eftergivna beloppet kan inte vara större än återkravet' },
        ]);
      }
    } else if (change.waivedAmount !== undefined) {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/waivedAmount', detail: 'Belopp att efterge anges bara vid eftergift' },
      ]);
    }
    if (change.status === 'courtAction') {
      const deadline = claim.costMonth ? courtActionDeadline(claim.costMonth) : null;
      if (deadline && today > deadline) {
        throw new AppError(
          'conflict',
          `Tiden för att väcka talan gick ut ${deadline}: talan ska väckas inom tre år från det att kostnaden uppkom (${isOldLaw(claim.legalBasis) ? 'SoL 2001:453 9 kap. 3 §' : 'SoL 2025:400 33 kap. 5 §'}).`,
        );
      }
    }
    await trx
      .updateTable('recoveryClaims')
      .set({
        status: change.status,
        statusNote: change.note ?? null,
        statusChangedAt: new Date(),
        ...(waivedAmount !== null ? { waivedAmount } : {}),
      })
      .where('id', '=', claimId)
      .execute();
    await logAccess(trx, request, 'update', [claim.personId]);
    const row = await findClaim(trx, claimId);
    if (!row) throw new AppError('internal');
    return toClaim(row, today);
  });
}
