// Utbetalning: the ledger (one row per payout, never twice), the monthly payment batch run in
// chunks so progress is visible and a crash can resume, and the bank files (ISO 20022
// pain.001.001.03, or CSV for banks without it).
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { transitionErrand } from '../errands/errands.service.ts';
import { AppError } from '../http/problem.ts';
import { renderCsv, renderPain001, type Transfer } from './bank-file.ts';
import { paymentDate } from './payment-date.ts';
import {
  addBatchProgress,
  batchPaymentCounts,
  countPayableErrands,
  fillMissingAccounts,
  findApplicants,
  findBatch,
  findBatches,
  findBatchTransfers,
  findErrandForPayment,
  findMunicipality,
  findPaymentsOfErrand,
  findRunningBatch,
  logBatchRead,
  payErrands,
} from './payments.queries.ts';
import type { BatchStatus, PaymentStatus } from './payments.table.ts';

/** Errands per chunk: each chunk is one transaction, small enough to show progress, large enough to be fast. */
export const CHUNK_SIZE = 2000;

export type Payment = {
  id: string;
  idempotencyKey: string;
  errandId: string;
  decisionId: string;
  month: string;
  item: string;
  amount: number;
  payeeAccount: string | null;
  batchId: string | null;
  status: PaymentStatus;
  legalBasis: string;
  createdAt: string;
};

export type PaymentBatch = {
  id: string;
  month: string;
  paymentDate: string;
  status: BatchStatus;
  planned: number;
  processed: number;
  totalAmount: number;
  payments: number;
  withoutAccount: number;
  startedAt: string;
  completedAt: string | null;
};

function mayWorkWith(viewer: SessionUser, unitId: string): boolean {
  return (viewer.role === 'caseworker' || viewer.role === 'unitManager') && viewer.unit?.id === unitId;
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

function toPayment(row: Awaited<ReturnType<typeof findPaymentsOfErrand>>[number]): Payment {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

export async function listErrandPayments(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
): Promise<Payment[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const errand = await findErrandForPayment(trx, errandId);
    if (!errand || !mayWorkWith(viewer, errand.unitId)) throw new AppError('not_found', 'Ärendet finns inte');
    const applicants = await findApplicants(trx, errand.householdId);
    await logAccess(
      trx,
      request,
      'read',
      applicants.map((a) => a.personId),
    );
    return (await findPaymentsOfErrand(trx, errandId)).map(toPayment);
  });
}

/**
 * Pays one decided errand now (outside the monthly batch, e.g. an urgent payment). A payment
 * needs a decision granting money; a payout already made is reported, never made again.
 */
export async function payErrand(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
): Promise<{ created: Payment[]; alreadyPaid: Payment[] }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const errand = await findErrandForPayment(trx, errandId);
    if (!errand || !mayWorkWith(viewer, errand.unitId)) throw new AppError('not_found', 'Ärendet finns inte');
    if (errand.grantedTotal === null) {
      throw new AppError(
        'conflict',
        'Ärendet har inget beslut. Bistånd kan betalas ut först när det finns ett beslut som beviljar det (FL 2017:900 31 §, SoL 2025:400 12 kap. 1 §).',
      );
    }
    if (errand.grantedTotal <= 0) {
      throw new AppError('conflict', 'Beslutet beviljar inget belopp, så det finns inget att betala ut.');
    }
    if (errand.state !== 'decided' && errand.state !== 'paid') {
      throw new AppError('conflict', 'Ärendet är inte i status beslutat och kan inte betalas ut.');
    }
    const result = await payErrands(
      trx,
      { kind: 'errand', errandId },
      {
        municipalityId: viewer.municipality.id,
        batchId: null,
        userId: viewer.id,
        route: routeOf(request),
        requestId: request.id,
        note: 'Utbetalt',
        moveErrands: false,
      },
    );
    if (errand.state === 'decided') {
      // Moves the errand and logs the change for its members (errands feature).
      await transitionErrand(trx, request, errandId, 'paid', 'Utbetalt');
    } else {
      const applicants = await findApplicants(trx, errand.householdId);
      await logAccess(
        trx,
        request,
        'read',
        applicants.map((a) => a.personId),
      );
    }
    const inserted = new Set(result.insertedIds);
    const payments = (await findPaymentsOfErrand(trx, errandId)).map(toPayment);
    return {
      created: payments.filter((p) => inserted.has(p.id)),
      alreadyPaid: payments.filter((p) => !inserted.has(p.id)),
    };
  });
}

async function toBatchView(
  trx: Kysely<Database>,
  row: NonNullable<Awaited<ReturnType<typeof findBatch>>>,
): Promise<PaymentBatch> {
  const counts = await batchPaymentCounts(trx, row.id);
  return {
    id: row.id,
    month: row.month,
    paymentDate: row.paymentDate,
    status: row.status,
    planned: row.planned,
    processed: row.processed,
    totalAmount: Number(row.totalAmount),
    ...counts,
    startedAt: new Date(row.startedAt).toISOString(),
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
  };
}

export async function getBatch(
  db: Kysely<Database>,
  viewer: SessionUser,
  batchId: string,
): Promise<PaymentBatch> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await findBatch(trx, batchId);
    if (!row) throw new AppError('not_found', 'Utbetalningsomgången finns inte');
    return toBatchView(trx, row);
  });
}

export async function listBatches(db: Kysely<Database>, viewer: SessionUser): Promise<PaymentBatch[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await findBatches(trx);
    return Promise.all(rows.map((row) => toBatchView(trx, row)));
  });
}

export type BatchRun = {
  municipalityId: string;
  batchId: string;
  month: string;
  userId: string;
  route: string;
  requestId: string | null;
  chunkSize?: number;
};

/**
 * Processes a batch chunk by chunk until no payable errand of the month is left. Each chunk is
 * its own transaction; the idempotency keys make a rerun or a resumed run after a crash safe.
 */
export async function runBatch(db: Kysely<Database>, run: BatchRun): Promise<void> {
  try {
    // Fresh statistics first: PGlite has no autovacuum, and without them the foreign-key checks
    // keep plans made when the tables were small (a sequential scan per row, quadratic at scale).
    await sql`analyze errands, decisions, decision_items, households, household_members, payments`.execute(
      db,
    );
    for (;;) {
      const done = await inTenant(db, run.municipalityId, async (trx) => {
        const result = await payErrands(
          trx,
          { kind: 'month', month: run.month, limit: run.chunkSize ?? CHUNK_SIZE },
          {
            municipalityId: run.municipalityId,
            batchId: run.batchId,
            userId: run.userId,
            route: run.route,
            requestId: run.requestId,
            note: 'Utbetalt i månadens utbetalningsomgång',
            moveErrands: true,
          },
        );
        if (result.errands === 0) {
          await trx
            .updateTable('paymentBatches')
            .set({ status: 'completed', completedAt: new Date() })
            .where('id', '=', run.batchId)
            .execute();
          return true;
        }
        await addBatchProgress(trx, run.batchId, result.errands, result.amount);
        return false;
      });
      if (done) return;
    }
  } catch (error) {
    await inTenant(db, run.municipalityId, (trx) =>
      trx.updateTable('paymentBatches').set({ status: 'failed' }).where('id', '=', run.batchId).execute(),
    );
    throw error;
  }
}

/**
 * Starts the month's batch, or resumes one left running by a crashed process. Returns the batch
 * and whether the caller should run it (a batch already being run by this process is refused).
 */
export async function startBatch(
  db: Kysely<Database>,
  viewer: SessionUser,
  month: string,
  today: string,
  isRunningHere: (batchId: string) => boolean,
): Promise<PaymentBatch> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const running = await findRunningBatch(trx, month);
    if (running) {
      if (isRunningHere(running.id)) {
        throw new AppError('conflict', `Utbetalningsomgången för ${month} pågår redan.`);
      }
      // Left running by a process that stopped: resume it under the same id.
      return toBatchView(trx, running);
    }
    const planned = await countPayableErrands(trx, viewer.municipality.id, month);
    if (planned === 0) {
      throw new AppError(
        'conflict',
        `Det finns inga beslutade ärenden för ${month} som väntar på utbetalning. Redan utbetalda ärenden betalas aldrig ut igen.`,
      );
    }
    const municipality = await findMunicipality(trx, viewer.municipality.id);
    const row = await trx
      .insertInto('paymentBatches')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        month,
        paymentDate: paymentDate(month, municipality.paymentDay, today),
        status: 'running',
        planned,
        startedBy: viewer.id,
      })
      .returning([
        'id',
        'month',
        'paymentDate',
        'status',
        'planned',
        'processed',
        'totalAmount',
        'startedBy',
        'startedAt',
        'completedAt',
      ])
      .executeTakeFirstOrThrow();
    return toBatchView(trx, row);
  });
}

export type BankFile = { fileName: string; contentType: string; body: string };

/** The batch's bank file. Names and accounts of every payee leave the system: each is access-logged. */
export async function batchBankFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  batchId: string,
  format: 'pain001' | 'csv',
  now: Date,
): Promise<BankFile> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const batch = await findBatch(trx, batchId);
    if (!batch) throw new AppError('not_found', 'Utbetalningsomgången finns inte');
    if (batch.status !== 'completed') {
      throw new AppError(
        'conflict',
        'Utbetalningsomgången är inte klar. Bankfilen kan hämtas när alla ärenden är behandlade.',
      );
    }
    const municipality = await findMunicipality(trx, viewer.municipality.id);
    await fillMissingAccounts(trx, batchId);
    const rows = await findBatchTransfers(trx, batchId);
    const missing = rows.filter((r) => !r.payeeAccount).length;
    if (missing > 0) {
      throw new AppError(
        'conflict',
        `${missing} utbetalningar saknar konto. Lägg in hushållens utbetalningskonto (på ärendets hushåll) och hämta bankfilen igen.`,
      );
    }
    await logBatchRead(
      trx,
      {
        municipalityId: viewer.municipality.id,
        userId: viewer.id,
        route: routeOf(request),
        requestId: request.id,
      },
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    );
    const transfers: Transfer[] = rows.map((r) => ({
      paymentId: r.id,
      amount: Number(r.amount),
      month: r.month,
      account: r.payeeAccount ?? '',
      name: r.firstName ? `${r.firstName} ${r.lastName ?? ''}`.trim() : 'Mottagare saknas',
    }));
    const header = {
      batchId: batch.id,
      createdAt: now,
      paymentDate: batch.paymentDate,
      debtor: { name: municipality.name, account: municipality.payoutAccount },
    };
    if (format === 'pain001') {
      if (!municipality.payoutAccount) {
        throw new AppError('conflict', 'Kommunens eget konto saknas, så bankfilen kan inte skapas.');
      }
      return {
        fileName: `utbetalning-${batch.month}.xml`,
        contentType: 'application/xml; charset=utf-8',
        body: renderPain001(header, transfers),
      };
    }
    return {
      fileName: `utbetalning-${batch.month}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: renderCsv(header, transfers),
    };
  });
}
