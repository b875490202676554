import type { Generated } from 'kysely';
import type { ErrandState, ErrandType } from './errands.schemas.ts';

export type { ErrandState, ErrandType } from './errands.schemas.ts';

/** Ärende — one application from a household for one month. */
export type ErrandTable = {
  municipalityId: string;
  id: string;
  householdId: string;
  unitId: string;
  type: ErrandType;
  /** YYYY-MM. */
  month: string;
  state: Generated<ErrandState>;
  source: Generated<'staff' | 'eService'>;
  requestedNote: string | null;
  receivedAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
};

/** Every change of an errand's state, append-only. */
export type ErrandTransitionTable = {
  municipalityId: string;
  id: Generated<number>;
  errandId: string;
  fromState: ErrandState | null;
  toState: ErrandState;
  userId: string | null;
  note: string | null;
  at: Generated<Date>;
};

/** A household member's facts for the errand's month, as the calculation needs them. */
export type ErrandMemberFactsTable = {
  municipalityId: string;
  errandId: string;
  personId: string;
  jobStimulus: Generated<boolean>;
  weekdayLunchesProvided: Generated<boolean>;
  inSchool: Generated<boolean>;
  daysInHousehold: number | null;
  earningsEarlierThisYear: number | null;
  updatedBy: string | null;
  updatedAt: Generated<Date>;
};
