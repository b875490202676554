import type { Generated } from 'kysely';
import type { VERIFICATION_KINDS, VERIFICATION_OUTCOMES } from './investigation.schemas.ts';

/** Utredningspost — an income, a cost or a norm adjustment for the errand's month, in öre. */
export type ErrandItemTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  kind: 'income' | 'cost' | 'normAdjustment';
  type: string;
  subtype: string | null;
  personId: string | null;
  amount: number;
  note: string | null;
  attachmentId: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
};

/** Kontroll — what was checked, where, when and with what outcome. */
export type VerificationTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  kind: (typeof VERIFICATION_KINDS)[number];
  source: string;
  checkedOn: string;
  outcome: (typeof VERIFICATION_OUTCOMES)[number];
  note: string | null;
  userId: string | null;
  at: Generated<Date>;
};

/** Bilaga — an uploaded document (pdf, jpeg, png) kept in the database with its sha256. */
export type AttachmentTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
  uploadedBy: string | null;
  uploadedAt: Generated<Date>;
  /** The citizen who uploaded it through the e-service (null: staff). */
  uploadedByPerson: Generated<string | null>;
  /** The request for completion it answers, if any. */
  completionRequestId: Generated<string | null>;
};
