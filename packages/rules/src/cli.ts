// Command line: `npm run --silent calc -- FILE|-` and `npm run --silent calc -- --jsonl FILE`
// (flags --explain, --guidelines FILE). The only module in the package that does I/O.

import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type CalculateOptions,
  type CalculationError,
  calculateJson,
  type GuidelineSet,
  isCalculationError,
  validateGuidelineSet,
} from './index.ts';

const USAGE = `Usage: npm run --silent calc -- [--explain] [--guidelines GUIDELINES.json] FILE|-
       npm run --silent calc -- --jsonl [--explain] [--guidelines GUIDELINES.json] FILE|-
Result JSON on stdout (exit 0); an error JSON on stderr (exit 2).
--jsonl: one input per line, one output line per input line; exit 0 only if every line succeeded.`;

/** Exit status for a run: 0 when everything was calculated, 2 on any error (contract). */
const EXIT_OK = 0;
const EXIT_ERROR = 2;

interface Arguments {
  file: string;
  jsonl: boolean;
  options: CalculateOptions;
}

function inputError(message: string): CalculationError {
  return { error: { code: 'invalid_input', issues: [{ path: '', message }] } };
}

function fail(error: CalculationError): never {
  process.stderr.write(`${JSON.stringify(error)}\n`);
  process.exit(EXIT_ERROR);
}

function parseArguments(argv: string[]): Arguments {
  let file: string | undefined;
  let jsonl = false;
  const options: CalculateOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--jsonl') jsonl = true;
    else if (arg === '--explain') options.explain = true;
    else if (arg === '--guidelines') options.guidelines = readGuidelines(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(EXIT_OK);
    } else if (arg.startsWith('--') || file !== undefined) {
      process.stderr.write(`Unknown argument ${arg}\n${USAGE}\n`);
      process.exit(EXIT_ERROR);
    } else file = arg;
  }
  if (file === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(EXIT_ERROR);
  }
  return { file, jsonl, options };
}

function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (cause) {
    return fail(inputError(`cannot read ${file}: ${(cause as Error).message}`));
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function readGuidelines(file: string | undefined): GuidelineSet {
  if (file === undefined) fail(inputError('--guidelines needs a file'));
  const parsed = parseJson(readText(file));
  if (!parsed.ok)
    fail({ error: { code: 'invalid_input', issues: [{ path: 'guidelines', message: 'not valid JSON' }] } });
  const issues = validateGuidelineSet(parsed.value);
  if (issues.length > 0) {
    fail({
      error: {
        code: 'invalid_input',
        issues: issues.map((issue) => ({
          path: issue.path === '' ? 'guidelines' : `guidelines.${issue.path}`,
          message: issue.message,
        })),
      },
    });
  }
  return parsed.value as GuidelineSet;
}

function runSingle(file: string, options: CalculateOptions): void {
  const output = calculateJson(readText(file), options);
  if (isCalculationError(output)) fail(output);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  process.exitCode = EXIT_OK;
}

async function runJsonl(file: string, options: CalculateOptions): Promise<void> {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  stream.on('error', (cause: Error) => fail(inputError(`cannot read ${file}: ${cause.message}`)));
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let allSucceeded = true;
  let buffer = '';
  for await (const line of reader) {
    const output = calculateJson(line, options);
    if (isCalculationError(output)) allSucceeded = false;
    buffer += `${JSON.stringify(output)}\n`;
    if (buffer.length > 1 << 16) {
      if (!process.stdout.write(buffer))
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      buffer = '';
    }
  }
  process.stdout.write(buffer);
  process.exitCode = allSucceeded ? EXIT_OK : EXIT_ERROR;
}

const args = parseArguments(process.argv.slice(2));
if (args.jsonl) await runJsonl(args.file, args.options);
else runSingle(args.file, args.options);
