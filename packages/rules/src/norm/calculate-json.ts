// The calculation from JSON text, as the CLI and the HTTP API receive it: text that is not
// JSON is an `invalid_input` error like any other bad input, never an exception.
import { type CalculateOptions, calculate } from './calculate.ts';
import type { CalculationOutput } from './types.ts';

export function calculateJson(text: string, options?: CalculateOptions): CalculationOutput {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { error: { code: 'invalid_input', issues: [{ path: '', message: 'not valid JSON' }] } };
  }
  return calculate(input, options);
}
