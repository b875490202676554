import type { ColumnType } from 'kysely';
import type { SurveyOccasion } from './surveys.schemas.ts';

type Json<T> = ColumnType<T, string, string>;

export type SurveyQuestionTable = {
  municipalityId: string;
  id: string;
  text: string;
  kind: 'scale' | 'text';
  position: number;
  active: boolean;
};

/** A one-time link; only the token's hash is kept, and nothing ties it to the answers. */
export type SurveyInvitationTable = {
  municipalityId: string;
  tokenHash: string;
  occasion: SurveyOccasion;
  unitId: string;
  createdOn: string;
  answeredAt: Date | null;
};

/** Scores without any link to a person or an invitation. */
export type SurveyResponseTable = {
  municipalityId: string;
  id: string;
  occasion: SurveyOccasion;
  unitId: string;
  month: string;
  scores: Json<{ questionId: string; score: number }[]>;
};

export type SurveyCommentTable = {
  municipalityId: string;
  id: string;
  occasion: SurveyOccasion;
  unitId: string;
  questionId: string;
  text: string;
  status: 'pending' | 'released' | 'rejected';
  releasedText: string | null;
  reviewedBy: string | null;
};
