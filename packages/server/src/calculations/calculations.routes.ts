// POST /api/v1/calculations — the calculation contract over HTTP (contracts/norm-calculation.md):
// the same `calculate` as the library and the CLI, so all three give identical results.
import { calculateJson, exampleGuidelineSet, isCalculationError } from '@stegvis/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { problem, problemSchema } from '../http/problem.ts';

const GUIDELINE_SETS = new Map([[exampleGuidelineSet.id, exampleGuidelineSet]]);

const amount = z.number().int();
/** The contract's output (extra fields allowed, these keep their names and meanings). */
const calculationResult = z.looseObject({
  month: z.string(),
  parameters: z.string(),
  norm: amount,
  reasonableCosts: amount,
  otherLivingCosts: amount,
  need: amount,
  income: amount,
  disregardedIncome: amount,
  countedIncome: amount,
  assistance: amount,
  surplus: amount,
  warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  lines: z.array(
    z.looseObject({ code: z.string(), memberIds: z.array(z.string()), amount, basis: z.string() }),
  ),
});

const calculationProblem = problemSchema.extend({ error: z.record(z.string(), z.unknown()) });

export const calculationRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The body is parsed by the rules package itself (calculateJson), exactly as the CLI does,
    // so text that is not JSON gives the same invalid_input error object in both.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    app.post(
      '/calculations',
      {
        config: { access: { roles: ['caseworker', 'unitManager', 'coach', 'committee', 'auditor'] } },
        schema: {
          tags: ['calculations'],
          summary:
            'Beräkna ekonomiskt bistånd för ett hushåll och en månad (riksnorm, skäliga kostnader, inkomster)',
          description:
            'Indata och utdata enligt beräkningskontraktet v1. Belopp i hela ören. 422 med samma felobjekt som CLI:t vid ogiltig indata eller saknad parameter.',
          querystring: z.strictObject({
            explain: z.enum(['true', 'false']).optional(),
            guidelineSet: z.string().max(100).optional(),
          }),
          // Validated by the rules package (every problem by JSON path), not by zod.
          body: z
            .any()
            .describe(
              'Beräkningsindata enligt beräkningskontraktet v1 (hushåll, kostnader, inkomster i ören)',
            ),
          response: { 200: calculationResult, 422: calculationProblem },
        },
      },
      async (request, reply) => {
        const guidelineId = request.query.guidelineSet;
        const guidelines = guidelineId ? GUIDELINE_SETS.get(guidelineId) : undefined;
        if (guidelineId && !guidelines) {
          return reply
            .status(422)
            .type('application/problem+json')
            .send({
              ...problem('invalid_input', undefined, [
                { pointer: '/query/guidelineSet', detail: 'Okänd riktlinje' },
              ]),
              error: {
                code: 'invalid_input',
                issues: [{ path: 'guidelineSet', message: 'unknown guideline set' }],
              },
            });
        }
        const output = calculateJson(request.body as string, {
          explain: request.query.explain === 'true',
          ...(guidelines ? { guidelines } : {}),
        });
        if (isCalculationError(output)) {
          const issues = output.error.code === 'invalid_input' ? output.error.issues : [];
          return reply
            .status(422)
            .type('application/problem+json')
            .send({
              ...problem(
                'invalid_input',
                output.error.code === 'parameter_unavailable'
                  ? `Parametern ${output.error.parameter} saknas för ${output.error.month}`
                  : undefined,
                issues.map((i) => ({ pointer: `/${i.path.split('.').join('/')}`, detail: i.message })),
              ),
              error: output.error,
            });
        }
        // The rules' result types are closed; the schema is open (loose) so explain fields pass through.
        return output as unknown as z.input<typeof calculationResult>;
      },
    );
  };
