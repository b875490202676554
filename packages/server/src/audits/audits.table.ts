import type { Generated, JSONColumnType } from 'kysely';

export type AuditCriteria = {
  from: string;
  to: string;
  unitId: string | null;
  householdType: string | null;
  longTermOnly: boolean;
};

export type Finding = {
  objective: string;
  result: 'met' | 'notMet' | 'notApplicable';
  /** What the system found in the file (the basis of the proposed result). */
  basis: string;
  comment: string;
  /** The revisor confirmed or changed the proposed result. */
  reviewed: boolean;
};

/** Granskning — one random draw of case files. */
export type AuditSampleTable = {
  municipalityId: string;
  id: string;
  name: string;
  seed: number;
  criteria: JSONColumnType<AuditCriteria>;
  size: number;
  previousSampleId: string | null;
  drawnBy: string;
  drawnAt: Generated<Date>;
};

/** A drawn file: the household, its place in the draw (the report's pseudonym "Akt n") and the findings. */
export type AuditSampleItemTable = {
  municipalityId: string;
  sampleId: string;
  itemNo: number;
  householdId: string;
  findings: JSONColumnType<Finding[]>;
  updatedBy: string | null;
  updatedAt: Generated<Date>;
};
