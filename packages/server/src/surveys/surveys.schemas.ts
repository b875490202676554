// Participant survey (zod only).
import { z } from 'zod';

export const SURVEY_OCCASIONS = ['insatsEnd', 'closure', 'afterExit'] as const;
export type SurveyOccasion = (typeof SURVEY_OCCASIONS)[number];
/** Satisfaction-index style scale: 1 (not at all) to 10 (completely). */
export const SCALE = { min: 1, max: 10 } as const;

export const tokenParams = z.strictObject({
  token: z.string().regex(/^[a-z0-9-]{1,40}\.[A-Za-z0-9_-]{20,60}$/, 'Länken är inte giltig'),
});

export const surveyForm = z.object({
  occasion: z.enum(SURVEY_OCCASIONS),
  scale: z.object({ min: z.number(), max: z.number() }),
  questions: z.array(z.object({ id: z.string(), text: z.string(), kind: z.enum(['scale', 'text']) })),
});

export const surveyAnswer = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionId: z.string().min(1).max(40),
        score: z
          .number()
          .int('Svara med ett helt tal')
          .min(SCALE.min, `Svara mellan ${SCALE.min} och ${SCALE.max}`)
          .max(SCALE.max, `Svara mellan ${SCALE.min} och ${SCALE.max}`)
          .nullable()
          .default(null),
        text: z.string().trim().max(2000).nullable().default(null),
      }),
    )
    .max(30),
});

export const invitationInput = z.strictObject({
  occasion: z.enum(SURVEY_OCCASIONS, 'Välj tillfälle: insatsEnd, closure eller afterExit'),
});
export const invitationSchema = z.object({ occasion: z.enum(SURVEY_OCCASIONS), link: z.string() });

export const resultsQuery = z.strictObject({
  occasion: z.enum(SURVEY_OCCASIONS, 'Okänt tillfälle').optional(),
});
export const resultsSchema = z.object({
  suppressionThreshold: z.number(),
  responses: z.number().nullable().describe('null när färre än gränsen har svarat'),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      answers: z.number().nullable(),
      mean: z.number().nullable(),
      /** The mean rescaled to 0–100 (satisfaction-index style). */
      index: z.number().nullable(),
    }),
  ),
  comments: z.array(z.object({ questionId: z.string(), text: z.string() })),
});

export const pendingComment = z.object({
  id: z.uuid(),
  questionId: z.string(),
  occasion: z.string(),
  text: z.string(),
});
export const pendingComments = z.object({ items: z.array(pendingComment) });
export const reviewInput = z.strictObject({
  decision: z.enum(['release', 'reject'], 'Välj publicera eller avvisa'),
  text: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .describe('Den avidentifierade texten som publiceras'),
});

// Configuring the questions. A question that has answers keeps its words and kind: it can be
// retired (no longer asked) and moved, and a new question added, but not reworded — answers
// already given keep the question they answered.
const questionText = z.string('Skriv frågan').trim().min(1, 'Skriv frågan').max(300, 'Högst 300 tecken');
const questionKind = z.enum(['scale', 'text'], 'Välj skala eller fritext');
export const questionInput = z.strictObject({ text: questionText, kind: questionKind });
export const questionPatch = z
  .strictObject({
    text: questionText,
    kind: questionKind,
    active: z.boolean('Ange om frågan ställs'),
    position: z.number('Ange plats i ordningen').int().min(0).max(100),
  })
  .partial();
export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['scale', 'text']),
  position: z.number(),
  active: z.boolean(),
  /** Scale answers and free-text comments given to this question. */
  answers: z.number(),
});
export const questionList = z.object({ items: z.array(questionSchema) });
