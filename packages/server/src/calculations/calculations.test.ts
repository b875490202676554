// The calculation contract has three entry points — the library, the command line and
// POST /api/v1/calculations — and for the same input and options all three give the same answer.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CalculateOptions,
  type CalculationOutput,
  calculate,
  exampleGuidelineSet,
  isCalculationError,
} from '@stegvis/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const CLI = 'packages/rules/src/cli.ts';
const EXAMPLES = join(ROOT, 'packages/rules/src/norm/contract-examples');
const GUIDELINES_FILE = join(ROOT, 'packages/rules/src/guidelines/example-guideline-set.json');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

type Case = { name: string; input: unknown; expected?: Record<string, unknown>; code?: string };

/** Every contract example, with the totals its `.expected.json` promises. */
const examples: Case[] = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.input.json'))
  .sort()
  .map((file) => {
    const name = file.replace('.input.json', '');
    return {
      name,
      input: readJson(join(EXAMPLES, file)),
      expected: readJson(join(EXAMPLES, `${name}.expected.json`)) as Record<string, unknown>,
    };
  });

const single = readJson(join(EXAMPLES, 'single-no-income.input.json')) as Record<string, unknown>;

/** Inputs the contract refuses, each with the error every entry point must give. */
const invalid = 'invalid_input';
const refused: Case[] = [
  { name: 'a list instead of an input object', input: [], code: invalid },
  { name: 'null', input: null, code: invalid },
  { name: 'a bare string', input: '2026-04', code: invalid },
  { name: 'an unknown field', input: { ...single, shoeSize: 44 }, code: invalid },
  { name: 'a month before the first parameters', input: { ...single, month: '2012-01' }, code: invalid },
  { name: 'a month after the last parameters', input: { ...single, month: '2027-01' }, code: invalid },
  {
    name: 'an amount in kronor with öre decimals',
    input: { ...single, costs: [{ type: 'housing', amount: 5850.5 }] },
    code: invalid,
  },
  {
    name: 'a child eating lunch at preschool in 2022 (parameter_unavailable)',
    input: {
      month: '2022-05',
      household: {
        members: [
          { id: 'a', role: 'applicant', birthDate: '1980-01-01' },
          { id: 'b', role: 'child', birthDate: '2019-01-01', weekdayLunchesProvided: true },
        ],
      },
      costs: [],
      incomes: [],
    },
    code: 'parameter_unavailable',
  },
];

const cases = [...examples, ...refused];

type Mode = { name: string; query: string; cli: string[]; options: CalculateOptions };
const modes: Mode[] = [
  { name: 'plain', query: '', cli: [], options: {} },
  { name: 'explain', query: '?explain=true', cli: ['--explain'], options: { explain: true } },
  {
    name: 'guideline set',
    query: `?guidelineSet=${exampleGuidelineSet.id}`,
    cli: ['--guidelines', GUIDELINES_FILE],
    options: { guidelines: exampleGuidelineSet },
  },
  {
    name: 'explain and guideline set',
    query: `?explain=true&guidelineSet=${exampleGuidelineSet.id}`,
    cli: ['--explain', '--guidelines', GUIDELINES_FILE],
    options: { explain: true, guidelines: exampleGuidelineSet },
  },
];

type Run = { status: number | null; stdout: string; stderr: string };

/** `node packages/rules/src/cli.ts …` from the repository root, as the README tells a user to. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let t: TestApp;
let erik: Login;
let dir: string;
const inputFile = (index: number) => join(dir, `case-${index}.json`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stegvis-calculations-'));
  cases.forEach((c, index) => {
    writeFileSync(inputFile(index), JSON.stringify(c.input));
  });
  writeFileSync(join(dir, 'all.jsonl'), `${cases.map((c) => JSON.stringify(c.input)).join('\n')}\n`);
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(query: string, body: string, headers: Record<string, string> = as(erik)) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/calculations${query}`,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: body,
  });
}

/** The HTTP answer must be the library's: the result as 200, an error as 422 problem+json. */
async function expectHttpAgrees(query: string, input: unknown, library: CalculationOutput) {
  const response = await post(query, JSON.stringify(input));
  if (isCalculationError(library)) {
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ status: 422, code: 'invalid_input' });
    expect(body.error).toEqual(library.error);
  } else {
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(library);
  }
}

/** The CLI must print the library's result on stdout (exit 0) or its error on stderr (exit 2). */
function expectCliAgrees(run: Run, library: CalculationOutput) {
  if (isCalculationError(library)) {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual(library);
  } else {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(library);
  }
}

describe('the contract examples give their expected totals', () => {
  it.each(examples)('$name', async ({ input, expected }) => {
    const library = calculate(input);
    expect(isCalculationError(library)).toBe(false);
    expect(library).toMatchObject(expected ?? {});
    const response = await post('', JSON.stringify(input));
    expect(response.json()).toMatchObject(expected ?? {});
  });

  it('the refused inputs are refused with the codes the contract names', () => {
    for (const c of refused) {
      const output = calculate(c.input);
      expect(isCalculationError(output) ? output.error.code : 'calculated', c.name).toBe(c.code);
    }
  });
});

describe.concurrent('library, CLI (one file per run) and HTTP agree', () => {
  it.each(cases.map((c, index) => ({ ...c, index })))('$name', async ({ input, index }) => {
    const library = calculate(input);
    const [run] = await Promise.all([cli([inputFile(index)]), expectHttpAgrees('', input, library)]);
    expectCliAgrees(run, library);
  });
});

describe.each(modes)('library, CLI --jsonl and HTTP agree with the same options ($name)', (mode) => {
  it.each(cases)('$name', async ({ input }) => {
    await expectHttpAgrees(mode.query, input, calculate(input, mode.options));
  });

  it('--jsonl answers every input on its own line, in order, and exits 2 because some are refused', async () => {
    const run = await cli(['--jsonl', ...mode.cli, join(dir, 'all.jsonl')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    const outputs = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(outputs).toEqual(cases.map((c) => calculate(c.input, mode.options)));
  });
});

describe('the HTTP entry point', () => {
  it('?explain=true adds an explanation to every line', async () => {
    const response = await post('?explain=true', JSON.stringify(single));
    const lines = response.json().lines as { explanation?: unknown }[];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.explanation !== undefined)).toBe(true);
  });

  it('?guidelineSet warns about a cost above the set’s cap, without changing any amount', async () => {
    const example = examples.find((c) => c.name === 'alternate-weeks-and-dental-care');
    const body = JSON.stringify(example?.input);
    const plain = (await post('', body)).json();
    const guided = (await post(`?guidelineSet=${exampleGuidelineSet.id}`, body)).json();
    expect(plain.warnings).toEqual([]);
    expect(guided.warnings.map((w: { code: string }) => w.code)).toEqual(['guideline_cap_exceeded']);
    expect({ ...guided, warnings: [] }).toEqual(plain);
  });

  it('refuses an unknown guideline set with 422 naming /query/guidelineSet', async () => {
    const response = await post('?guidelineSet=okand-kommun', JSON.stringify(single));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([{ pointer: '/query/guidelineSet', detail: expect.any(String) }]);
  });

  it('names a refused field with a JSON pointer beside the contract error', async () => {
    const response = await post('', JSON.stringify({ ...single, month: '2012-01' }));
    expect(response.json().errors).toEqual([
      { pointer: '/month', detail: 'must be between 2013-07 and 2026-12' },
    ]);
  });

  it('answers text that is not JSON with the same invalid_input error as the CLI', async () => {
    const notJson = { error: { code: 'invalid_input', issues: [{ path: '', message: 'not valid JSON' }] } };
    const response = await post('', '{"month": ');
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().error).toEqual(notJson.error);
    writeFileSync(join(dir, 'broken.json'), '{"month": ');
    const run = await cli([join(dir, 'broken.json')]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual(notJson);
  });

  it('requires a signed-in user (401) and a CSRF token (403)', async () => {
    const anonymous = await post('', JSON.stringify(single), {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const withoutCsrf = await post('', JSON.stringify(single), { cookie: erik.cookie });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('csrf_failed');
  });
});
