// The survey's questions, configured per municipality by a unit manager. Answers are stored
// against the question's id, so a question that has been answered keeps its words and kind:
// it can be retired and moved, and a new question added in its place, but not reworded
// (the results would otherwise show answers to a question nobody was asked).
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import type { questionInput, questionPatch, questionSchema } from './surveys.schemas.ts';

type Question = z.infer<typeof questionSchema>;

async function loadQuestions(trx: Kysely<Database>, id?: string): Promise<Question[]> {
  let query = trx
    .selectFrom('surveyQuestions as q')
    .select([
      'q.id',
      'q.text',
      'q.kind',
      'q.position',
      'q.active',
      sql<number>`(
        (select count(*) from survey_responses r
          where r.municipality_id = q.municipality_id
            and r.scores @> jsonb_build_array(jsonb_build_object('questionId', q.id)))
        + (select count(*) from survey_comments c
          where c.municipality_id = q.municipality_id and c.question_id = q.id)
      )::int`.as('answers'),
    ])
    .orderBy('q.position')
    .orderBy('q.id');
  if (id) query = query.where('q.id', '=', id);
  return query.execute();
}

export async function listQuestions(db: Kysely<Database>, viewer: SessionUser): Promise<Question[]> {
  return inTenant(db, viewer.municipality.id, (trx) => loadQuestions(trx));
}

export async function addQuestion(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: z.infer<typeof questionInput>,
): Promise<Question> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const last = await trx
      .selectFrom('surveyQuestions')
      .select(sql<number>`coalesce(max(position), -1)::int`.as('max'))
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    await trx
      .insertInto('surveyQuestions')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        text: input.text,
        kind: input.kind,
        position: last.max + 1,
        active: true,
      })
      .execute();
    const [created] = await loadQuestions(trx, id);
    if (!created) throw new AppError('internal');
    return created;
  });
}

export async function changeQuestion(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  changes: z.infer<typeof questionPatch>,
): Promise<Question> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const [question] = await loadQuestions(trx, id);
    if (!question) throw new AppError('not_found', 'Frågan finns inte');
    const reworded =
      (changes.text !== undefined && changes.text !== question.text) ||
      (changes.kind !== undefined && changes.kind !== question.kind);
    if (reworded && question.answers > 0)
      throw new AppError(
        'conflict',
        `Frågan har ${question.answers} svar och kan inte formuleras om: svaren ska höra till frågan som ställdes. Sluta ställa den och lägg till en ny fråga i stället.`,
      );
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length > 0)
      await trx.updateTable('surveyQuestions').set(set).where('id', '=', id).execute();
    const [changed] = await loadQuestions(trx, id);
    if (!changed) throw new AppError('internal');
    return changed;
  });
}
