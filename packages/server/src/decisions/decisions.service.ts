// Beslut: the decision on an errand that is ready for decision, per item with outcome, amounts,
// reasons and legal basis (FL 2017:900 31–32 §§), checked against the delegationsordning, with
// the letter generated and archived in the same transaction. Decisions are never changed.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import { reductionsFor } from '../aktivitetskrav/aktivitetskrav.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { transitionErrand } from '../errands/errands.service.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { appendJournalEntry } from '../journal/journal.service.ts';
import { formatKronor, type LetterData, renderDecisionLetter } from '../letters/decision-letter.ts';
import { lineLabel } from '../letters/line-labels.ts';
import {
  findCommittee,
  findDecision,
  findDecisionItems,
  findDecisionsOfErrand,
  findDelegationRules,
  findErrand,
  findLatestCalculation,
  findLetter,
  findLetterhead,
  findMembersInPeriod,
  findReasonTemplates,
} from './decisions.queries.ts';
import type { Outcome } from './decisions.table.ts';

export type DecisionItemInput = {
  description: string;
  requested: number;
  granted: number;
  outcome: Outcome;
  reasonTemplateIds: string[];
  reasons: string;
  legalBasis: string;
};

export type DecisionInput = {
  items: DecisionItemInput[];
  childBestInterest: string;
  reasoning: string;
};

export type DecisionItem = Omit<DecisionItemInput, 'reasonTemplateIds'>;

export type Decision = {
  id: string;
  errandId: string;
  calculationId: string | null;
  decidedBy: { id: string; name: string };
  decidedAt: string;
  childBestInterest: string | null;
  reasoning: string;
  grantedTotal: number;
  items: DecisionItem[];
  letter: { sha256: string; url: string } | null;
};

export type ReasonTemplate = Awaited<ReturnType<typeof findReasonTemplates>>[number];

const GRANTING: ReadonlySet<Outcome> = new Set(['granted', 'partiallyGranted']);

const OUTCOME_WORDS: Record<Outcome, string> = {
  granted: 'bifall',
  partiallyGranted: 'delavslag',
  rejected: 'avslag',
  dismissed: 'avvisning',
};

const ROLE_TITLES: Record<string, string> = {
  caseworker: 'socialsekreterare',
  unitManager: 'enhetschef',
};

/** Only the caseworkers and the manager of the errand's unit see it; others get 404 (no probing). */
function mayWorkWith(viewer: SessionUser, unitId: string): boolean {
  return (viewer.role === 'caseworker' || viewer.role === 'unitManager') && viewer.unit?.id === unitId;
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** The checks that need no database: every problem at once, each with its field. */
function validateContent(input: DecisionInput): FieldError[] {
  const errors: FieldError[] = [];
  input.items.forEach((item, i) => {
    const at = `/items/${i}`;
    if (item.description === '')
      errors.push({ pointer: `${at}/description`, detail: 'Beskriv vad beslutet gäller' });
    // FL 2017:900 32 §: a decision that affects someone must give its reasons.
    if (item.reasons === '' && item.reasonTemplateIds.length === 0) {
      errors.push({
        pointer: `${at}/reasons`,
        detail: 'Skriv skälen för beslutet eller välj en motiveringsmall (32 § förvaltningslagen)',
      });
    }
    if (item.legalBasis === '' && item.reasonTemplateIds.length === 0) {
      errors.push({
        pointer: `${at}/legalBasis`,
        detail: 'Ange lagrummet, till exempel 12 kap. 1 § socialtjänstlagen (2025:400)',
      });
    }
    if (item.granted > item.requested) {
      errors.push({ pointer: `${at}/granted`, detail: 'Beviljat belopp kan inte vara större än det sökta' });
    } else if (item.outcome === 'granted' && item.granted !== item.requested) {
      errors.push({
        pointer: `${at}/outcome`,
        detail: 'Bifall betyder att hela det sökta beloppet beviljas; välj delavslag om bara en del beviljas',
      });
    } else if (
      item.outcome === 'partiallyGranted' &&
      (item.granted === 0 || item.granted === item.requested)
    ) {
      errors.push({
        pointer: `${at}/outcome`,
        detail: 'Delavslag betyder att en del men inte hela det sökta beloppet beviljas',
      });
    } else if ((item.outcome === 'rejected' || item.outcome === 'dismissed') && item.granted !== 0) {
      errors.push({
        pointer: `${at}/granted`,
        detail: `Vid ${OUTCOME_WORDS[item.outcome]} beviljas inget belopp; välj delavslag om en del beviljas`,
      });
    }
  });
  if (input.reasoning === '') {
    errors.push({
      pointer: '/reasoning',
      detail:
        'Skriv motiveringen: vilka regler du har tillämpat och vilka omständigheter som har varit avgörande (32 § förvaltningslagen)',
    });
  }
  return errors;
}

/**
 * Delegationsordning: the decider's role needs a rule covering each item's outcome, and for
 * granting outcomes a rule whose max amount covers the decision's total granted.
 */
async function checkDelegation(
  trx: Kysely<Database>,
  viewer: SessionUser,
  items: readonly DecisionItemInput[],
  grantedTotal: number,
  today: string,
): Promise<void> {
  const rules = await findDelegationRules(trx, viewer.municipality.id, viewer.role, today);
  for (const outcome of new Set(items.map((item) => item.outcome))) {
    const covering = rules.filter((rule) => rule.outcomes.includes(outcome));
    if (covering.length === 0) {
      throw new AppError(
        'forbidden',
        `Du har inte delegation att fatta beslut om ${OUTCOME_WORDS[outcome]} enligt delegationsordningen` +
          (rules.length > 0 ? `; din delegation: punkt ${rules.map((r) => r.section).join('; ')}` : '') +
          '. Beslutet behöver fattas av någon med delegation.',
      );
    }
    if (!GRANTING.has(outcome)) continue;
    if (covering.some((rule) => rule.maxAmount === null || rule.maxAmount >= grantedTotal)) continue;
    const widest = covering.reduce((a, b) => ((a.maxAmount ?? 0) >= (b.maxAmount ?? 0) ? a : b));
    throw new AppError(
      'forbidden',
      `Beslutet beviljar ${formatKronor(grantedTotal)}, men din delegation omfattar högst ${formatKronor(widest.maxAmount ?? 0)} ` +
        `enligt delegationsordningen, punkt ${widest.section}. Beslutet behöver fattas av någon med högre delegation.`,
    );
  }
}

function isProtected(p: {
  confidentialityMarking: boolean;
  protectedRegistration: boolean;
  fictitiousIdentity: boolean;
}) {
  return p.confidentialityMarking || p.protectedRegistration || p.fictitiousIdentity;
}

type StoredReduction = {
  code?: unknown;
  memberIds?: unknown;
  decisionId?: unknown;
  amount?: unknown;
  decidedAmount?: unknown;
  basis?: unknown;
  reason?: unknown;
  cap?: { message?: unknown } | undefined;
};

/** The decided reductions a stored calculation applied (none for snapshots made before them). */
function reductionsOf(result: unknown): StoredReduction[] {
  const reductions = (result as { reductions?: unknown } | null)?.reductions;
  return Array.isArray(reductions) ? (reductions as StoredReduction[]) : [];
}

function calculationForLetter(
  result: unknown,
  assistance: number,
  memberName: (id: string) => string | undefined,
): LetterData['calculation'] {
  const lines = (result as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return { lines: [], assistance };
  const reductions = reductionsOf(result);
  const before = (result as { assistance?: unknown }).assistance;
  return {
    lines: lines.flatMap((line: { code?: unknown; amount?: unknown; basis?: unknown }) =>
      typeof line.code === 'string' && typeof line.amount === 'number'
        ? [{ label: lineLabel(line.code), amount: line.amount, basis: String(line.basis ?? '') }]
        : [],
    ),
    assistance: reductions.length > 0 && typeof before === 'number' ? before : assistance,
    ...(reductions.length > 0
      ? {
          reductions: reductions.map((r) => {
            const names = Array.isArray(r.memberIds)
              ? r.memberIds.map((id) => memberName(String(id))).filter((n) => n !== undefined)
              : [];
            return {
              label: `${lineLabel(String(r.code))}${names.length > 0 ? ` (${names.join(', ')})` : ''}`,
              amount: Number(r.amount),
              decidedAmount: Number(r.decidedAmount ?? r.amount),
              basis: String(r.basis ?? ''),
              reason: String(r.reason ?? ''),
              cap: typeof r.cap?.message === 'string' ? r.cap.message : null,
            };
          }),
          assistanceAfterReductions: assistance,
        }
      : {}),
  };
}

export async function decide(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  input: DecisionInput,
  now: Date,
): Promise<Decision> {
  const errors = validateContent(input);
  const today = now.toISOString().slice(0, 10);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const errand = await findErrand(trx, errandId);
    if (!errand || !mayWorkWith(viewer, errand.unitId)) throw new AppError('not_found', 'Ärendet finns inte');
    if (errand.state !== 'readyForDecision') {
      throw new AppError(
        'conflict',
        'Ärendet är inte klart för beslut. Gör klart utredningen och beräkningen först.',
      );
    }
    const calculation = await findLatestCalculation(trx, errand.id);
    if (!calculation)
      throw new AppError('conflict', 'Ärendet saknar beräkning. Beräkna biståndet innan du beslutar.');

    const templates = new Map(
      (await findReasonTemplates(trx, viewer.municipality.id)).map((template) => [template.id, template]),
    );
    input.items.forEach((item, i) => {
      item.reasonTemplateIds.forEach((id, j) => {
        if (!templates.has(id)) {
          errors.push({
            pointer: `/items/${i}/reasonTemplateIds/${j}`,
            detail: 'Motiveringsmallen finns inte',
          });
        }
      });
    });
    const members = await findMembersInPeriod(
      trx,
      errand.householdId,
      `${errand.month}-01`,
      lastDayOfMonth(errand.month),
    );
    // SoL 2025:400 3 kap. 1 §: when a decision concerns a child, the child's best interests come first.
    const hasChildren = members.some((m) => m.role === 'child');
    if (hasChildren && input.childBestInterest === '') {
      errors.push({
        pointer: '/childBestInterest',
        detail:
          'Hushållet har barn: beskriv hur barnets bästa har beaktats (3 kap. 1 § socialtjänstlagen 2025:400)',
      });
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);

    const grantedTotal = input.items.reduce((sum, item) => sum + item.granted, 0);
    // A decided reduction (SoL 2025:400 12 kap. 5 §) binds the month: the calculation must have
    // applied every one, and the decision cannot grant more than is left after them.
    const reductions = await reductionsFor(
      trx,
      members.map((m) => m.id),
      errand.month,
    );
    const applied = new Set(reductionsOf(calculation.result).map((r) => String(r.decisionId)));
    if (reductions.some((r) => !applied.has(r.id))) {
      throw new AppError(
        'conflict',
        'Ett beslut om nedsättning för månaden har fattats efter beräkningen. Beräkna om innan du beslutar.',
      );
    }
    if (reductions.length > 0 && grantedTotal > calculation.assistance) {
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/items/0/granted',
          detail: `Beslutet om nedsättning gäller för månaden: högst ${formatKronor(calculation.assistance)} kan beviljas (12 kap. 5 § socialtjänstlagen 2025:400)`,
        },
      ]);
    }
    await checkDelegation(trx, viewer, input.items, grantedTotal, today);

    const items: DecisionItem[] = input.items.map((item) => {
      const chosen = item.reasonTemplateIds.map((id) => templates.get(id)).filter((t) => t !== undefined);
      return {
        description: item.description,
        requested: item.requested,
        granted: item.granted,
        outcome: item.outcome,
        reasons: [...chosen.map((t) => t.text), item.reasons].filter((text) => text !== '').join(' '),
        legalBasis: item.legalBasis || [...new Set(chosen.map((t) => t.legalBasis))].join('; '),
      };
    });

    // The errand's state machine moves it readyForDecision → decided (locks the row: no double decisions).
    await transitionErrand(trx, request, errand.id, 'decided', 'Beslut fattat');

    const applicant = members.find((m) => m.role === 'applicant') ?? members[0];
    if (!applicant) throw new AppError('conflict', 'Hushållet saknar sökande för ärendets månad');
    const municipality = await findLetterhead(trx, viewer.municipality.id);
    const committee = await findCommittee(trx, errand.unitId, today);
    const id = randomUUID();
    const childBestInterest = input.childBestInterest === '' ? null : input.childBestInterest;
    const letter = await renderDecisionLetter({
      letterhead: {
        name: municipality.letterhead.name ?? municipality.name,
        address: municipality.letterhead.address ?? '',
        phone: municipality.letterhead.phone ?? '',
      },
      committeeName: committee?.name ?? 'Socialnämnden',
      decisionId: id,
      date: today,
      month: errand.month,
      recipient: {
        name: `${applicant.firstName} ${applicant.lastName}`,
        // A protected person's address is never printed (OSL 22 kap. 1 §, FBL 16 §).
        address:
          isProtected(applicant) || applicant.street === null
            ? null
            : {
                street: applicant.street,
                postalCode: applicant.postalCode ?? '',
                city: applicant.city ?? '',
              },
      },
      items,
      reasoning: input.reasoning,
      childBestInterest,
      calculation: calculationForLetter(calculation.result, calculation.assistance, (personId) => {
        const member = members.find((m) => m.id === personId);
        return member ? `${member.firstName} ${member.lastName}` : undefined;
      }),
      decidedBy: { name: viewer.name, title: ROLE_TITLES[viewer.role] ?? viewer.role },
    });

    await trx
      .insertInto('decisions')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        errandId: errand.id,
        calculationId: calculation.id,
        decidedBy: viewer.id,
        decidedAt: now,
        childBestInterest,
        reasoning: input.reasoning,
        grantedTotal,
        letterPdf: letter,
        letterSha256: createHash('sha256').update(letter).digest('hex'),
      })
      .execute();
    await trx
      .insertInto('decisionItems')
      .values(
        items.map((item, i) => ({
          municipalityId: viewer.municipality.id,
          decisionId: id,
          itemNo: i + 1,
          ...item,
        })),
      )
      .execute();
    // SoL 2025:400 14 kap. 3 §: the decision is documented in the applicant's journal, in the same transaction.
    await appendJournalEntry(trx, {
      municipalityId: viewer.municipality.id,
      personId: applicant.id,
      errandId: errand.id,
      authorId: viewer.id,
      writtenAt: now,
      text: journalText(items, grantedTotal, viewer),
    });
    await logAccess(
      trx,
      request,
      'create',
      members.map((m) => m.id),
    );
    const decisions = await loadDecisions(trx, [id]);
    return decisions[0] as Decision;
  });
}

function journalText(items: readonly DecisionItem[], grantedTotal: number, viewer: SessionUser): string {
  const lines = items.map(
    (item) =>
      `${item.description}: ${OUTCOME_WORDS[item.outcome]}, ${formatKronor(item.granted)} av sökta ${formatKronor(item.requested)} (${item.legalBasis}).`,
  );
  return [
    `Beslut fattat av ${viewer.name}, ${ROLE_TITLES[viewer.role] ?? viewer.role}. Beviljat totalt ${formatKronor(grantedTotal)}.`,
    ...lines,
    'Beslutsbrevet med information om hur man överklagar är arkiverat med beslutet.',
  ].join('\n');
}

async function loadDecisions(trx: Kysely<Database>, ids: readonly string[]): Promise<Decision[]> {
  const rows = await Promise.all(ids.map((id) => findDecision(trx, id)));
  const items = await findDecisionItems(trx, ids);
  return rows.flatMap((row) =>
    row
      ? [
          {
            id: row.id,
            errandId: row.errandId,
            calculationId: row.calculationId,
            decidedBy: { id: row.decidedBy, name: row.decidedByName ?? '' },
            decidedAt: new Date(row.decidedAt).toISOString(),
            childBestInterest: row.childBestInterest,
            reasoning: row.reasoning,
            grantedTotal: row.grantedTotal,
            items: items
              .filter((item) => item.decisionId === row.id)
              .map(({ description, requested, granted, outcome, reasons, legalBasis }) => ({
                description,
                requested,
                granted,
                outcome,
                reasons,
                legalBasis,
              })),
            letter: row.letterSha256
              ? { sha256: row.letterSha256, url: `/api/v1/decisions/${row.id}/letter` }
              : null,
          },
        ]
      : [],
  );
}

/** The errand, if the viewer may see it, and the ids of the persons its decisions concern. */
async function visibleErrand(trx: Kysely<Database>, viewer: SessionUser, errandId: string) {
  const errand = await findErrand(trx, errandId);
  if (!errand || !mayWorkWith(viewer, errand.unitId)) throw new AppError('not_found', 'Ärendet finns inte');
  const members = await findMembersInPeriod(
    trx,
    errand.householdId,
    `${errand.month}-01`,
    lastDayOfMonth(errand.month),
  );
  return { errand, personIds: members.map((m) => m.id) };
}

export async function listDecisions(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
): Promise<Decision[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { personIds } = await visibleErrand(trx, viewer, errandId);
    const rows = await findDecisionsOfErrand(trx, errandId);
    await logAccess(trx, request, 'read', personIds);
    return loadDecisions(
      trx,
      rows.map((row) => row.id),
    );
  });
}

export async function getDecision(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
): Promise<Decision> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await findDecision(trx, id);
    if (!row) throw new AppError('not_found', 'Beslutet finns inte');
    const { personIds } = await visibleErrand(trx, viewer, row.errandId).catch(() => {
      throw new AppError('not_found', 'Beslutet finns inte');
    });
    await logAccess(trx, request, 'read', personIds);
    return (await loadDecisions(trx, [id]))[0] as Decision;
  });
}

export async function getDecisionLetter(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
): Promise<{ pdf: Buffer; sha256: string }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await findLetter(trx, id);
    if (!row?.letterPdf || !row.letterSha256) throw new AppError('not_found', 'Beslutsbrevet finns inte');
    const { personIds } = await visibleErrand(trx, viewer, row.errandId).catch(() => {
      throw new AppError('not_found', 'Beslutsbrevet finns inte');
    });
    await logAccess(trx, request, 'read', personIds);
    return { pdf: Buffer.from(row.letterPdf), sha256: row.letterSha256 };
  });
}

export async function listReasonTemplates(
  db: Kysely<Database>,
  viewer: SessionUser,
): Promise<ReasonTemplate[]> {
  return findReasonTemplates(db, viewer.municipality.id);
}
