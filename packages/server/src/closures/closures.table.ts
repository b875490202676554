import type { Generated } from 'kysely';
import type { ClosureReason, FOLLOW_UP_SITUATIONS } from './closures.schemas.ts';

/** Avslut: the person's case closes with an avslutsorsak and a date. */
export type CaseClosureTable = {
  municipalityId: string;
  id: string;
  personId: string;
  closedOn: string;
  reason: ClosureReason;
  reasonNote: string | null;
  closedBy: string;
  createdAt: Generated<Date>;
};

/** Efteruppföljning 6 and 12 months after closure. */
export type ClosureFollowUpTable = {
  municipalityId: string;
  id: string;
  closureId: string;
  personId: string;
  months: 6 | 12;
  dueOn: string;
  doneOn: string | null;
  selfSupporting: boolean | null;
  situation: (typeof FOLLOW_UP_SITUATIONS)[number] | null;
  note: string | null;
  recordedBy: string | null;
};
