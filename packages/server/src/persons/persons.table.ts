import type { Generated } from 'kysely';

/** Person — a client of the social services, identified by personnummer or samordningsnummer. */
export type PersonTable = {
  municipalityId: string;
  id: string;
  personalIdentityNumber: string;
  birthDate: string;
  gender: 'female' | 'male';
  firstName: string;
  lastName: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  unitId: string;
  responsibleUserId: string | null;
  /** Sekretessmarkering (OSL 22 kap. 1 §). */
  confidentialityMarking: Generated<boolean>;
  /** Skyddad folkbokföring (FBL 16 §). */
  protectedRegistration: Generated<boolean>;
  /** Fingerade personuppgifter (lag 1991:483). */
  fictitiousIdentity: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
};
