import type { Generated } from 'kysely';

export const AGENCIES = [
  'socialInsuranceAgency',
  'unemploymentFund',
  'pensionsAgency',
  'studentFinanceBoard',
] as const;
/** Försäkringskassan, a-kassa, Pensionsmyndigheten, CSN. */
export type Agency = (typeof AGENCIES)[number];

export const BENEFIT_STATUSES = ['pending', 'granted', 'rejected'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

/** Sökt förmån — a benefit the person has applied for and waits for while assistance is paid. */
export type BenefitApplicationTable = {
  municipalityId: string;
  id: string;
  personId: string;
  agency: Agency;
  benefit: string;
  appliedOn: string;
  status: Generated<BenefitStatus>;
  decidedOn: string | null;
  /** Öre paid retroactively for `retroactiveMonths`. */
  retroactiveAmount: number | null;
  retroactiveMonths: string[] | null;
  createdAt: Generated<Date>;
};

/** Återsökning — the municipality's claim on the retroactive benefit for months it already paid. */
export type ReimbursementClaimTable = {
  municipalityId: string;
  id: string;
  benefitApplicationId: string;
  months: string[];
  /** Öre. */
  amount: number;
  status: Generated<'draft' | 'sent' | 'paid'>;
  createdAt: Generated<Date>;
};
