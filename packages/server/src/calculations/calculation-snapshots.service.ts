// Calculation snapshots: builds the contract input (contracts/norm-calculation.md) from an
// errand's household, member facts and investigation items, runs the rules with the
// municipality's adopted guideline set, applies the decided reductions that cover the month
// (aktivitetskrav, SoL 2025:400 12 kap. 5 §) after it, and keeps input, result and parameters
// immutably. The snapshot's `assistance` is what is left to decide: after the reductions.
import { randomUUID } from 'node:crypto';
import {
  applyReductions,
  type CalculationError,
  type CalculationInput,
  type CalculationResult,
  calculate,
  isCalculationError,
  type Member,
  type ReducedCalculationResult,
} from '@stegvis/rules';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import { reductionsFor } from '../aktivitetskrav/aktivitetskrav.service.ts';
import type { Database } from '../db/schema.ts';
import { guidelineSetFor } from '../guidelines/guidelines.service.ts';
import { AppError, type FieldError } from '../http/problem.ts';

/** A member as the calculation sees them, with the facts recorded on the errand. */
export type BasisMember = {
  personId: string;
  role: 'applicant' | 'partner' | 'child';
  name: string;
  birthDate: string;
  facts: {
    jobStimulus: boolean;
    weekdayLunchesProvided: boolean;
    inSchool: boolean;
    daysInHousehold: number | null;
    earningsEarlierThisYear: number | null;
  };
};

export type BasisItem = {
  id: string;
  kind: 'income' | 'cost' | 'normAdjustment';
  type: string;
  subtype: string | null;
  personId: string | null;
  amount: number;
  note: string | null;
};

/** Everything a calculation of the errand's month is built from. */
export type CalculationBasis = {
  errandId: string;
  month: string;
  sharedHouseholdSize: number | null;
  members: readonly BasisMember[];
  items: readonly BasisItem[];
};

export type CalculationSnapshot = {
  id: string;
  errandId: string;
  createdAt: string;
  createdBy: string | null;
  parameterSet: string;
  guidelineSetId: string | null;
  /** What is left to decide: the assistance after decided reductions. */
  assistance: number;
  /** Snapshots made before reductions were applied lack the two reduction fields. */
  result: CalculationResult &
    Partial<Pick<ReducedCalculationResult, 'reductions' | 'assistanceAfterReductions'>>;
};

function toMember(m: BasisMember): Member {
  const { facts } = m;
  if (m.role === 'child') {
    return {
      id: m.personId,
      role: 'child',
      birthDate: m.birthDate,
      ...(facts.weekdayLunchesProvided ? { weekdayLunchesProvided: true } : {}),
      ...(facts.inSchool ? { inSchool: true } : {}),
      ...(facts.daysInHousehold !== null ? { daysInHousehold: facts.daysInHousehold } : {}),
      ...(facts.earningsEarlierThisYear !== null
        ? { earningsEarlierThisYear: facts.earningsEarlierThisYear }
        : {}),
    };
  }
  return {
    id: m.personId,
    role: m.role,
    birthDate: m.birthDate,
    ...(facts.jobStimulus ? { jobStimulus: true } : {}),
  };
}

/** The contract input; item order is kept so that an issue's index points back at its item. */
export function buildInput(basis: CalculationBasis): {
  input: CalculationInput;
  sources: Record<'costs' | 'incomes' | 'normAdjustments', BasisItem[]>;
} {
  const sources = {
    costs: basis.items.filter((i) => i.kind === 'cost'),
    incomes: basis.items.filter((i) => i.kind === 'income'),
    normAdjustments: basis.items.filter((i) => i.kind === 'normAdjustment'),
  };
  const memberId = (i: BasisItem) => (i.personId ? { memberId: i.personId } : {});
  const input = {
    month: basis.month,
    household: {
      members: basis.members.map(toMember),
      ...(basis.sharedHouseholdSize !== null ? { sharedHouseholdSize: basis.sharedHouseholdSize } : {}),
    },
    normAdjustments: sources.normAdjustments.map((i) => ({
      ...memberId(i),
      amount: i.amount,
      reason: i.note ?? '',
    })),
    costs: sources.costs.map((i) => ({
      type: i.type,
      ...(i.subtype ? { subtype: i.subtype } : {}),
      ...memberId(i),
      amount: i.amount,
    })),
    incomes: sources.incomes.map((i) => ({ type: i.type, ...memberId(i), amount: i.amount })),
  } as CalculationInput;
  return { input, sources };
}

const FIELD_DETAIL: Record<string, string> = {
  inSchool:
    'Personen är 18–20 år: ange om hen går i gymnasieskola eller motsvarande, annars räknas hen inte som barn i hushållet (SoF 2025:468 12 kap. 2 §)',
  birthDate: 'Födelsedatum saknas eller ligger efter månaden',
  role: 'Hushållet behöver exakt en sökande och högst en make, maka eller sambo under månaden',
  members: 'Hushållet behöver exakt en sökande och högst en make, maka eller sambo under månaden',
  memberId: 'Personen bor inte i hushållet under månaden',
  amount: 'Beloppet kan inte användas i beräkningen',
  subtype: 'Ange vilken sorts levnadskostnad det är',
  daysInHousehold: 'Antal dagar i hushållet ska vara 1–30',
  sharedHouseholdSize:
    'Antalet personer i det delade boendet är mindre än hushållets medlemmar (SoF 2025:468 12 kap. 3 § andra stycket)',
  month: 'Månaden ligger utanför regeltabellernas period',
};

/** Turns the rules' issues into Swedish field errors pointing at the member or item concerned. */
function fieldErrors(
  basis: CalculationBasis,
  sources: ReturnType<typeof buildInput>['sources'],
  error: CalculationError['error'],
): FieldError[] {
  if (error.code !== 'invalid_input') return [];
  return error.issues.map((issue) => {
    const parts = issue.path.split('.');
    const field = parts.at(-1) ?? '';
    const detail =
      FIELD_DETAIL[field] ?? FIELD_DETAIL[parts[1] ?? ''] ?? 'Uppgiften kan inte användas i beräkningen';
    if (parts[0] === 'household' && parts[1] === 'members' && parts[2] !== undefined) {
      const member = basis.members[Number(parts[2])];
      if (member)
        return {
          pointer: `/members/${member.personId}${parts[3] ? `/${parts[3]}` : ''}`,
          detail: `${member.name}: ${detail}`,
        };
    }
    if (parts[0] === 'costs' || parts[0] === 'incomes' || parts[0] === 'normAdjustments') {
      const item = sources[parts[0]][Number(parts[1])];
      if (item) return { pointer: `/items/${item.id}`, detail };
    }
    if (parts[0] === 'household') return { pointer: `/household/${parts.slice(1).join('/')}`, detail };
    return { pointer: `/${parts.join('/')}`, detail };
  });
}

/** Runs the rules for the errand's month and stores the snapshot; a refusal stores nothing. */
export async function createSnapshot(
  trx: Kysely<Database>,
  request: FastifyRequest,
  basis: CalculationBasis,
  user: { id: string; municipalityId: string },
): Promise<CalculationSnapshot> {
  const applicants = basis.members.filter((m) => m.role === 'applicant');
  if (applicants.length !== 1) {
    throw new AppError('invalid_input', 'Hushållet behöver exakt en sökande under ärendets månad', [
      { pointer: '/household/members', detail: 'Hushållet behöver exakt en sökande under ärendets månad' },
    ]);
  }
  const { input, sources } = buildInput(basis);
  // The municipality's guideline set in force for the month (kommunala riktlinjer), if it has one.
  const guidelines = await guidelineSetFor(trx, user.municipalityId, basis.month);
  const output = calculate(input, guidelines ? { guidelines } : {});
  if (isCalculationError(output)) {
    const error = output.error;
    const detail =
      error.code === 'parameter_unavailable'
        ? `Beloppet ${error.parameter} är inte känt för ${error.month}. Beräkningen kan inte göras förrän det finns i regeltabellerna.`
        : 'Beräkningen saknar uppgifter eller kan inte använda dem. Rätta uppgifterna som pekas ut.';
    throw new AppError('invalid_input', detail, fieldErrors(basis, sources, error));
  }
  const decided = await reductionsFor(
    trx,
    basis.members.map((m) => m.personId),
    basis.month,
  );
  const reduced = applyReductions(
    output,
    decided.map((r) => ({
      decisionId: r.id,
      kind: 'aktivitetskrav' as const,
      memberId: r.personId,
      month: r.month,
      amount: r.amount,
      reason: r.reason,
    })),
  );
  if (isCalculationError(reduced)) {
    const issues = reduced.error.code === 'invalid_input' ? reduced.error.issues : [];
    throw new AppError(
      'invalid_input',
      'Ett beslut om nedsättning kan inte tillämpas på månadens beräkning.',
      issues.map((issue) => ({ pointer: `/${issue.path.split('.').join('/')}`, detail: issue.message })),
    );
  }
  const id = randomUUID();
  await trx
    .insertInto('calculations')
    .values({
      municipalityId: user.municipalityId,
      id,
      errandId: basis.errandId,
      input: JSON.stringify(input),
      result: JSON.stringify(reduced),
      parameterSet: output.parameters,
      guidelineSetId: guidelines?.id ?? null,
      assistance: reduced.assistanceAfterReductions,
      createdBy: user.id,
    })
    .execute();
  await logAccess(
    trx,
    request,
    'update',
    basis.members.map((m) => m.personId),
  );
  const snapshot = await latestCalculation(trx, basis.errandId);
  if (!snapshot) throw new AppError('internal');
  return snapshot;
}

export async function latestCalculation(
  trx: Kysely<Database>,
  errandId: string,
): Promise<CalculationSnapshot | null> {
  const row = await trx
    .selectFrom('calculations')
    .select([
      'id',
      'errandId',
      'createdAt',
      'createdBy',
      'parameterSet',
      'guidelineSetId',
      'assistance',
      'result',
    ])
    .where('errandId', '=', errandId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        ...row,
        createdAt: new Date(row.createdAt).toISOString(),
        result: row.result as CalculationSnapshot['result'],
      }
    : null;
}
