// Participant survey at the end of an insats, at closure and after exit. The link is one-time:
// only a hash of its token is kept, and the answers carry no link to the invitation or the
// person — only occasion, unit and month. Results are aggregates, withheld under the
// suppression threshold; free text is shown only after a manager releases an anonymised version.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { SUPPRESSION_THRESHOLD, suppress } from '../overview/overview.routes.ts';
import type { resultsSchema, SurveyOccasion, surveyAnswer, surveyForm } from './surveys.schemas.ts';
import { SCALE } from './surveys.schemas.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Splits `kommun.secret`; the municipality part selects the tenant (no lookup across tenants). */
function parseToken(token: string): { municipalityId: string; tokenHash: string } {
  const [municipalityId = ''] = token.split('.');
  return { municipalityId, tokenHash: hash(token) };
}

/**
 * A new invitation in the caller's transaction; returns the link path for the person. The
 * notification with the link is the only place the token and the person meet.
 */
export async function createInvitation(
  trx: Kysely<Database>,
  municipalityId: string,
  unitId: string,
  occasion: SurveyOccasion,
  today: string,
  personId: string | null,
  now: Date,
): Promise<string> {
  const token = `${municipalityId}.${randomBytes(24).toString('base64url')}`;
  await trx
    .insertInto('surveyInvitations')
    .values({ municipalityId, tokenHash: hash(token), occasion, unitId, createdOn: today })
    .execute();
  const link = `/enkat/${token}`;
  if (personId)
    await trx
      .insertInto('notifications')
      .values({
        municipalityId,
        id: randomUUID(),
        channel: 'sms',
        recipient: `person:${personId}`,
        text: `Vi vill gärna veta vad du tyckte. Enkäten är anonym och tar två minuter: ${link}`,
        sendAfter: now,
        sentAt: null,
        personId,
        meetingId: null,
      })
      .execute();
  return link;
}

async function questions(trx: Kysely<Database>) {
  return trx
    .selectFrom('surveyQuestions')
    .select(['id', 'text', 'kind'])
    .where('active', '=', true)
    .orderBy('position')
    .execute();
}

async function openInvitation(trx: Kysely<Database>, tokenHash: string) {
  const invitation = await trx
    .selectFrom('surveyInvitations')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!invitation) throw new AppError('not_found', 'Länken till enkäten finns inte');
  if (invitation.answeredAt)
    throw new AppError('conflict', 'Enkäten är redan besvarad med den här länken. Tack för ditt svar!');
  return invitation;
}

export async function surveyFormFor(
  db: Kysely<Database>,
  token: string,
): Promise<z.infer<typeof surveyForm>> {
  const { municipalityId, tokenHash } = parseToken(token);
  return inTenant(db, municipalityId, async (trx) => {
    const invitation = await openInvitation(trx, tokenHash);
    return { occasion: invitation.occasion, scale: SCALE, questions: await questions(trx) };
  });
}

export async function answerSurvey(
  db: Kysely<Database>,
  token: string,
  input: z.infer<typeof surveyAnswer>,
  today: string,
  now: Date,
): Promise<void> {
  const { municipalityId, tokenHash } = parseToken(token);
  await inTenant(db, municipalityId, async (trx) => {
    const invitation = await openInvitation(trx, tokenHash);
    const asked = new Map((await questions(trx)).map((q) => [q.id, q]));
    const errors: FieldError[] = [];
    input.answers.forEach((answer, i) => {
      const question = asked.get(answer.questionId);
      if (!question)
        errors.push({ pointer: `/answers/${i}/questionId`, detail: 'Frågan finns inte i enkäten' });
      else if (question.kind === 'scale' && answer.text)
        errors.push({ pointer: `/answers/${i}/text`, detail: 'Frågan besvaras med en siffra' });
      else if (question.kind === 'text' && answer.score !== null)
        errors.push({ pointer: `/answers/${i}/score`, detail: 'Frågan besvaras med text' });
    });
    if (new Set(input.answers.map((a) => a.questionId)).size !== input.answers.length)
      errors.push({ pointer: '/answers', detail: 'Varje fråga besvaras en gång' });
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    // Mark the link used first; a second answer with the same link is refused (and a race
    // between two answers is decided by the row update).
    const used = await trx
      .updateTable('surveyInvitations')
      .set({ answeredAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('answeredAt', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Enkäten är redan besvarad med den här länken. Tack för ditt svar!');
    const base = { municipalityId, occasion: invitation.occasion, unitId: invitation.unitId };
    await trx
      .insertInto('surveyResponses')
      .values({
        ...base,
        id: randomUUID(),
        month: today.slice(0, 7),
        scores: JSON.stringify(
          input.answers.flatMap((a) =>
            a.score !== null ? [{ questionId: a.questionId, score: a.score }] : [],
          ),
        ),
      })
      .execute();
    const comments = input.answers.filter((a) => a.text);
    if (comments.length > 0)
      await trx
        .insertInto('surveyComments')
        .values(
          comments.map((a) => ({
            ...base,
            id: randomUUID(),
            questionId: a.questionId,
            text: a.text ?? '',
            status: 'pending' as const,
          })),
        )
        .execute();
  });
}

/** Invitations made by staff by hand (e.g. at the last meeting), for their own unit. */
export async function inviteByHand(
  db: Kysely<Database>,
  viewer: SessionUser,
  occasion: SurveyOccasion,
  today: string,
  now: Date,
) {
  if (!viewer.unit) throw new AppError('forbidden', 'Du behöver tillhöra en enhet');
  const unitId = viewer.unit.id;
  const link = await inTenant(db, viewer.municipality.id, (trx) =>
    createInvitation(trx, viewer.municipality.id, unitId, occasion, today, null, now),
  );
  return { occasion, link };
}

export async function surveyResults(
  db: Kysely<Database>,
  viewer: SessionUser,
  occasion: SurveyOccasion | undefined,
): Promise<z.infer<typeof resultsSchema>> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    let query = trx.selectFrom('surveyResponses').select('scores');
    if (occasion) query = query.where('occasion', '=', occasion);
    // A unit manager sees the own unit; the nämnd and auditors the whole municipality.
    if (viewer.role === 'unitManager') query = query.where('unitId', '=', viewer.unit?.id ?? '');
    const responses = await query.execute();
    const allQuestions = await trx
      .selectFrom('surveyQuestions')
      .select(['id', 'text', 'kind'])
      .orderBy('position')
      .execute();
    const enough = responses.length >= SUPPRESSION_THRESHOLD;
    let comments = trx
      .selectFrom('surveyComments')
      .select(['questionId', 'releasedText'])
      .where('status', '=', 'released');
    if (occasion) comments = comments.where('occasion', '=', occasion);
    if (viewer.role === 'unitManager') comments = comments.where('unitId', '=', viewer.unit?.id ?? '');
    return {
      suppressionThreshold: SUPPRESSION_THRESHOLD,
      responses: suppress(responses.length),
      questions: allQuestions
        .filter((q) => q.kind === 'scale')
        .map((q) => {
          const scores = responses.flatMap((r) =>
            r.scores.filter((s) => s.questionId === q.id).map((s) => s.score),
          );
          const shown = enough && scores.length >= SUPPRESSION_THRESHOLD;
          const mean = shown ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
          return {
            id: q.id,
            text: q.text,
            answers: suppress(scores.length),
            mean: mean === null ? null : Math.round(mean * 10) / 10,
            index: mean === null ? null : Math.round(((mean - SCALE.min) / (SCALE.max - SCALE.min)) * 100),
          };
        }),
      comments: enough
        ? (await comments.execute()).map((c) => ({ questionId: c.questionId, text: c.releasedText ?? '' }))
        : [],
    };
  });
}

export async function pendingComments(db: Kysely<Database>, viewer: SessionUser) {
  return inTenant(db, viewer.municipality.id, (trx) =>
    trx
      .selectFrom('surveyComments')
      .select(['id', 'questionId', 'occasion', 'text'])
      .where('status', '=', 'pending')
      .where('unitId', '=', viewer.unit?.id ?? '')
      .execute(),
  );
}

export async function reviewComment(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  input: { decision: 'release' | 'reject'; text: string | null },
) {
  if (input.decision === 'release' && !input.text)
    throw new AppError('invalid_input', undefined, [
      {
        pointer: '/text',
        detail:
          'Skriv den avidentifierade texten som ska publiceras (utan namn eller detaljer som pekar ut någon)',
      },
    ]);
  await inTenant(db, viewer.municipality.id, async (trx) => {
    const comment = await trx
      .selectFrom('surveyComments')
      .select(['status', 'unitId'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!comment || comment.unitId !== viewer.unit?.id)
      throw new AppError('not_found', 'Kommentaren finns inte');
    if (comment.status !== 'pending') throw new AppError('conflict', 'Kommentaren är redan granskad');
    await trx
      .updateTable('surveyComments')
      .set({
        status: input.decision === 'release' ? 'released' : 'rejected',
        releasedText: input.decision === 'release' ? input.text : null,
        // The original words are not kept once reviewed.
        text: '',
        reviewedBy: viewer.id,
      })
      .where('id', '=', id)
      .execute();
  });
}

const DEFAULT_QUESTIONS = [
  { id: 'overall', text: 'Hur nöjd är du med stödet du har fått, sammantaget?', kind: 'scale' as const },
  { id: 'respect', text: 'Hur väl har du blivit bemött?', kind: 'scale' as const },
  {
    id: 'closer',
    text: 'Hur mycket har stödet hjälpt dig närmare arbete eller studier?',
    kind: 'scale' as const,
  },
  { id: 'improve', text: 'Vad kan vi göra bättre?', kind: 'text' as const },
];

export async function seedSurveyQuestions(db: Kysely<Database>, municipalityId: string): Promise<void> {
  await inTenant(db, municipalityId, (trx) =>
    trx
      .insertInto('surveyQuestions')
      .values(DEFAULT_QUESTIONS.map((q, position) => ({ municipalityId, ...q, position, active: true })))
      .execute(),
  );
}
