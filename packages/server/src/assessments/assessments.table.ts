import type { Generated, JSONColumnType } from 'kysely';

/** The structured sections of a kartläggning; health is recorded as the person describes it. */
export type AssessmentSections = {
  education: string;
  workExperience: string;
  swedishLanguage: string;
  healthAsDescribed: string;
  caringResponsibilities: string;
  housing: string;
  debts: string;
  strengths: string;
  ownGoals: string;
  obstacles: string;
};

/** Arbetsförmågebedömning returned by the labour-market unit. */
export type WorkCapacity = {
  capacity: 'full' | 'partial' | 'none' | 'unclear';
  hoursPerWeek: number | null;
  assessedBy: string;
  assessedOn: string;
};

/** Kartläggning — one immutable row per saved version. */
export type AssessmentTable = {
  municipalityId: string;
  id: string;
  personId: string;
  version: number;
  sections: JSONColumnType<AssessmentSections>;
  supportBarrier: string;
  workCapacity: JSONColumnType<WorkCapacity | null, string | null, string | null>;
  createdBy: string;
  createdAt: Generated<Date>;
};
