// Payments, recovery and återsökning: the municipality's payment day and its own account (the
// debtor of the bank file), the cost month of a recovery claim (the three-year limit of
// SoL 2025:400 33 kap. 5 § runs from it), and the months a retroactive benefit covers.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table municipalities add column payment_day smallint not null default 25
      check (payment_day between 1 and 28);
    alter table municipalities add column payout_account text;

    alter table recovery_claims add column cost_month text
      check (cost_month is null or cost_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
    alter table recovery_claims add column waived_amount integer check (waived_amount is null or waived_amount > 0);
    alter table recovery_claims add column status_note text;
    alter table recovery_claims add column status_changed_at timestamptz;

    alter table benefit_applications add column retroactive_months text[];

    create index payments_batch on payments (municipality_id, batch_id);
    create index payments_errand on payments (municipality_id, errand_id);
    create index errands_month_state_for_payments on errands (municipality_id, month, state);
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop index errands_month_state_for_payments;
    drop index payments_errand;
    drop index payments_batch;
    alter table benefit_applications drop column retroactive_months;
    alter table recovery_claims drop column status_changed_at;
    alter table recovery_claims drop column status_note;
    alter table recovery_claims drop column waived_amount;
    alter table recovery_claims drop column cost_month;
    alter table municipalities drop column payout_account;
    alter table municipalities drop column payment_day;
  `,
  );
}
