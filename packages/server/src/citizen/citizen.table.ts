import type { Generated } from 'kysely';

/** A citizen's e-service session (OIDC login with personnummer); `id` is a keyed hash of the token. */
export type CitizenSessionTable = {
  id: string;
  municipalityId: string;
  personId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
};

/** Ansökan i e-tjänsten — a draft until submitted, then linked to the errand it created. */
export type CitizenApplicationTable = {
  municipalityId: string;
  id: string;
  householdId: string;
  personId: string;
  type: 'newApplication' | 'renewalApplication';
  month: string;
  answers: unknown;
  status: Generated<'draft' | 'submitted'>;
  errandId: string | null;
  partnerId: string | null;
  partnerConfirmedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  submittedAt: Date | null;
};

/** A photo or PDF attached to a draft; moved to the errand's attachments on submission. */
export type CitizenApplicationFileTable = {
  municipalityId: string;
  id: string;
  applicationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
  uploadedAt: Generated<Date>;
};

/** Begäran om komplettering — the documents a caseworker asks the household for. */
export type CompletionRequestTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  documents: string;
  dueOn: string | null;
  requestedBy: string;
  requestedAt: Generated<Date>;
  answeredAt: Date | null;
};

/** Säkert meddelande — one household thread; written by a member or by staff, never edited. */
export type CitizenMessageTable = {
  municipalityId: string;
  id: string;
  householdId: string;
  personId: string | null;
  staffUserId: string | null;
  body: string;
  createdAt: Generated<Date>;
};
