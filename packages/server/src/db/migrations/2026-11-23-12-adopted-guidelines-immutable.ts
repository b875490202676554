// An adopted guideline version is what the nämnd decided: the database refuses to change or
// delete it. A draft may still be changed, and adopting it is the last change it gets.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create function refuse_adopted_guideline_change() returns trigger language plpgsql as $$
    begin
      if old.status = 'adopted' then
        raise exception 'adopted guideline versions are immutable' using errcode = '42501';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end $$;
    create trigger guideline_versions_adopted_immutable before update or delete on guideline_versions
      for each row execute function refuse_adopted_guideline_change();
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger guideline_versions_adopted_immutable on guideline_versions;
    drop function refuse_adopted_guideline_change;
  `,
  );
}
