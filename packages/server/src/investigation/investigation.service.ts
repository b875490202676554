// Utredning: the errand's incomes, costs and norm adjustments for its month (in öre, with the
// calculation contract's types), the checks made (kontroller) and the documents received.
// Functions take the errand the caller has already found within the viewer's unit.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { Database } from '../db/schema.ts';
import type { ErrandState } from '../errands/errands.table.ts';
import { AppError } from '../http/problem.ts';
import type { ErrandItemTable, VerificationTable } from './investigation.table.ts';

/** What investigation needs of an errand: its id, state, month and who lives in the household then. */
export type ErrandScope = {
  id: string;
  state: ErrandState;
  month: string;
  memberIds: readonly string[];
};

export type ItemInput =
  | { kind: 'income'; type: string; personId?: string | undefined; amount: number; note?: string | undefined }
  | {
      kind: 'cost';
      type: string;
      subtype?: string | undefined;
      personId?: string | undefined;
      amount: number;
      note?: string | undefined;
    }
  | { kind: 'normAdjustment'; personId?: string | undefined; amount: number; note: string };

export type Item = {
  id: string;
  kind: ErrandItemTable['kind'];
  type: string;
  subtype: string | null;
  personId: string | null;
  amount: number;
  note: string | null;
  attachmentId: string | null;
  createdAt: string;
};

/** Timestamps leave the API as ISO strings. */
const iso = (at: Date | string): string => new Date(at).toISOString();

const STATE_LABELS: Record<ErrandState, string> = {
  received: 'Inkommet',
  underInvestigation: 'Under utredning',
  awaitingCompletion: 'Väntar på komplettering',
  readyForDecision: 'Klart för beslut',
  decided: 'Beslutat',
  paid: 'Utbetalt',
  closed: 'Avslutat',
};

function requireState(errand: ErrandScope, allowed: readonly ErrandState[], what: string): void {
  if (!allowed.includes(errand.state)) {
    throw new AppError(
      'conflict',
      `${what} går bara medan ärendet är ${allowed.map((s) => STATE_LABELS[s]).join(' eller ')}; nu är det ${STATE_LABELS[errand.state]}`,
    );
  }
}

export async function listItems(trx: Kysely<Database>, errandId: string): Promise<Item[]> {
  const rows = await trx
    .selectFrom('errandItems')
    .select(['id', 'kind', 'type', 'subtype', 'personId', 'amount', 'note', 'attachmentId', 'createdAt'])
    .where('errandId', '=', errandId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt) }));
}

export async function addItem(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  input: ItemInput,
  userId: string,
  municipalityId: string,
): Promise<Item> {
  requireState(errand, ['underInvestigation'], 'Att lägga till inkomster och kostnader');
  if (input.personId && !errand.memberIds.includes(input.personId)) {
    throw new AppError('invalid_input', undefined, [
      { pointer: '/personId', detail: 'Personen bor inte i hushållet under ärendets månad' },
    ]);
  }
  const id = randomUUID();
  await trx
    .insertInto('errandItems')
    .values({
      municipalityId,
      id,
      errandId: errand.id,
      kind: input.kind,
      type: input.kind === 'normAdjustment' ? 'normAdjustment' : input.type,
      subtype: input.kind === 'cost' ? (input.subtype ?? null) : null,
      personId: input.personId ?? null,
      amount: input.amount,
      note: input.note ?? null,
      attachmentId: null,
      createdBy: userId,
    })
    .execute();
  await logAccess(trx, request, 'update', errand.memberIds);
  const item = (await listItems(trx, errand.id)).find((i) => i.id === id);
  if (!item) throw new AppError('internal');
  return item;
}

export async function deleteItem(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  itemId: string,
): Promise<void> {
  requireState(errand, ['underInvestigation'], 'Att ta bort inkomster och kostnader');
  const deleted = await trx
    .deleteFrom('errandItems')
    .where('errandId', '=', errand.id)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new AppError('not_found', 'Posten finns inte i ärendet');
  await logAccess(trx, request, 'update', errand.memberIds);
}

/** Renewal pre-fill: last month's items, except those of persons who no longer live in the household. */
export async function copyItems(
  trx: Kysely<Database>,
  from: string,
  to: ErrandScope,
  userId: string,
  municipalityId: string,
): Promise<void> {
  const items = (await listItems(trx, from)).filter((i) => !i.personId || to.memberIds.includes(i.personId));
  if (items.length === 0) return;
  // One statement shares one now(): spread the timestamps so the copies keep last month's order.
  const start = Date.now();
  await trx
    .insertInto('errandItems')
    .values(
      items.map((i, index) => ({
        municipalityId,
        id: randomUUID(),
        errandId: to.id,
        kind: i.kind,
        type: i.type,
        subtype: i.subtype,
        personId: i.personId,
        amount: i.amount,
        note: i.note,
        attachmentId: null,
        createdBy: userId,
        createdAt: new Date(start + index),
      })),
    )
    .execute();
}

type ItemKey = { kind: Item['kind']; type: string; subtype: string | null; personId: string | null };
export type ItemChanges = {
  added: (ItemKey & { amount: number })[];
  removed: (ItemKey & { previousAmount: number })[];
  changed: (ItemKey & { amount: number; previousAmount: number })[];
};

function totalsByKey(items: readonly Item[]): Map<string, ItemKey & { amount: number }> {
  const totals = new Map<string, ItemKey & { amount: number }>();
  for (const i of items) {
    const key = [i.kind, i.type, i.subtype ?? '', i.personId ?? ''].join('|');
    const entry = totals.get(key) ?? {
      kind: i.kind,
      type: i.type,
      subtype: i.subtype,
      personId: i.personId,
      amount: 0,
    };
    entry.amount += i.amount;
    totals.set(key, entry);
  }
  return totals;
}

/** This month's items against last month's, summed per kind, type, subtype and person. */
export function compareItems(current: readonly Item[], previous: readonly Item[]): ItemChanges {
  const now = totalsByKey(current);
  const before = totalsByKey(previous);
  const changes: ItemChanges = { added: [], removed: [], changed: [] };
  for (const [key, entry] of now) {
    const old = before.get(key);
    if (!old) changes.added.push(entry);
    else if (old.amount !== entry.amount) changes.changed.push({ ...entry, previousAmount: old.amount });
  }
  for (const [key, { amount, ...rest }] of before) {
    if (!now.has(key)) changes.removed.push({ ...rest, previousAmount: amount });
  }
  return changes;
}

export type Verification = Omit<VerificationTable, 'municipalityId' | 'errandId' | 'at'> & { at: string };

export async function listVerifications(trx: Kysely<Database>, errandId: string): Promise<Verification[]> {
  const rows = await trx
    .selectFrom('verifications')
    .select(['id', 'kind', 'source', 'checkedOn', 'outcome', 'note', 'userId', 'at'])
    .where('errandId', '=', errandId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, at: iso(row.at) }));
}

export async function addVerification(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  input: Pick<VerificationTable, 'kind' | 'source' | 'checkedOn' | 'outcome'> & { note?: string | undefined },
  userId: string,
  municipalityId: string,
): Promise<Verification> {
  requireState(errand, ['received', 'underInvestigation', 'awaitingCompletion'], 'Att registrera kontroller');
  const id = randomUUID();
  await trx
    .insertInto('verifications')
    .values({ municipalityId, id, errandId: errand.id, ...input, note: input.note ?? null, userId })
    .execute();
  await logAccess(trx, request, 'update', errand.memberIds);
  const row = (await listVerifications(trx, errand.id)).find((v) => v.id === id);
  if (!row) throw new AppError('internal');
  return row;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The file's real type from its first bytes (magic numbers), whatever the upload claimed. */
export function sniffType(content: Uint8Array): AttachmentType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

export type AttachmentMeta = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
};

export async function listAttachments(trx: Kysely<Database>, errandId: string): Promise<AttachmentMeta[]> {
  const rows = await trx
    .selectFrom('attachments')
    .select(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'uploadedBy', 'uploadedAt'])
    .where('errandId', '=', errandId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, uploadedAt: iso(row.uploadedAt) }));
}

export async function storeAttachment(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  file: { fileName: string; contentType: AttachmentType; content: Buffer },
  userId: string,
  municipalityId: string,
): Promise<AttachmentMeta> {
  requireState(
    errand,
    ['received', 'underInvestigation', 'awaitingCompletion', 'readyForDecision'],
    'Att lägga till bilagor',
  );
  const id = randomUUID();
  await trx
    .insertInto('attachments')
    .values({
      municipalityId,
      id,
      errandId: errand.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.content.byteLength,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploadedBy: userId,
    })
    .execute();
  await logAccess(trx, request, 'update', errand.memberIds);
  const meta = (await listAttachments(trx, errand.id)).find((a) => a.id === id);
  if (!meta) throw new AppError('internal');
  return meta;
}

export async function readAttachment(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
  const row = await trx
    .selectFrom('attachments')
    .select(['fileName', 'contentType', 'content'])
    .where('errandId', '=', errand.id)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Bilagan finns inte i ärendet');
  await logAccess(trx, request, 'read', errand.memberIds);
  return row;
}
