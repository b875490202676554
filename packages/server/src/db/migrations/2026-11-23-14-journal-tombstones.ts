// The journal's hash chain survives lawful disposal (gallring, SoL 2025:400 16 kap.): when
// an entry is deleted with the retention setting on, its id and hashes stay behind as a
// tombstone, so the chain can still be walked. A deletion without the setting (the
// append-only trigger switched off by hand) leaves no tombstone and breaks the chain.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    -- No personal data: the removed entry's id and the two hashes of its chain link.
    create table journal_tombstones (
      municipality_id text not null references municipalities (id),
      id bigint not null,
      previous_hash text not null,
      hash text not null,
      removed_at timestamptz not null default now(),
      primary key (municipality_id, id)
    );
    create trigger journal_tombstones_append_only before update or delete on journal_tombstones
      for each row execute function refuse_change();

    create function journal_entry_tombstone() returns trigger language plpgsql as $$
    begin
      if current_setting('stegvis.retention', true) = 'on' then
        insert into journal_tombstones (municipality_id, id, previous_hash, hash)
          values (old.municipality_id, old.id, old.previous_hash, old.hash);
      end if;
      return old;
    end $$;
    create trigger journal_entries_tombstone after delete on journal_entries
      for each row execute function journal_entry_tombstone();
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger journal_entries_tombstone on journal_entries;
    drop function journal_entry_tombstone;
    drop table journal_tombstones;
  `,
  );
}
