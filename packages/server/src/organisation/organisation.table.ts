import type { Generated } from 'kysely';

/** Region — e.g. a group of neighbouring municipalities sharing guidelines, or a samordningsförbund. */
export type RegionTable = { id: string; name: string };

/** Kommun — the tenant. */
export type MunicipalityTable = {
  id: string;
  name: string;
  /** Kommunkod, four digits (SCB). */
  code: string;
  county: string;
  regionId: string | null;
  letterhead: Generated<Record<string, string>>;
  /** Utbetalningsdag, day of the month (1–28); a weekend or bank holiday moves it earlier. */
  paymentDay: Generated<number>;
  /** The municipality's own account (IBAN), the debtor of the bank file. */
  payoutAccount: Generated<string | null>;
};

/** Nämnd — the political committee a unit answers to. */
export type CommitteeTable = { municipalityId: string; id: string; name: string };

/** Enhet — an organisational unit of the municipality. */
export type UnitTable = {
  municipalityId: string;
  id: string;
  name: string;
  kind: 'financialAssistance' | 'labourMarket' | 'administration';
};

/** Which nämnd a unit belongs to, over time. */
export type UnitCommitteeTable = {
  municipalityId: string;
  unitId: string;
  committeeId: string;
  validFrom: string;
  validTo: string | null;
};
