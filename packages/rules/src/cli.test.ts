// The command line as a user runs it: a file, stdin, and --jsonl with one bad line.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('./norm/contract-examples/', import.meta.url));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['packages/rules/src/cli.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const singleInput = readFileSync(join(EXAMPLES, 'single-no-income.input.json'), 'utf8');
const singleExpected = JSON.parse(readFileSync(join(EXAMPLES, 'single-no-income.expected.json'), 'utf8'));

describe('cli', () => {
  it('prints the result for a file on stdout and exits 0', () => {
    const { status, stdout, stderr } = run([join(EXAMPLES, 'single-no-income.input.json')]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject(singleExpected);
  });

  it('reads stdin with "-"', () => {
    const { status, stdout } = run(['-'], singleInput);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject(singleExpected);
  });

  it('adds explanations with --explain', () => {
    const { stdout } = run(['--explain', '-'], singleInput);
    expect(JSON.parse(stdout).lines[0].explanation).toMatchObject({ parameter: 'riksnorm.adults.single' });
  });

  it('prints an invalid_input error on stderr and exits 2, without a stack trace', () => {
    const invalid = run(['-'], JSON.stringify({ ...JSON.parse(singleInput), month: '2012-01' }));
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(JSON.parse(invalid.stderr)).toEqual({
      error: {
        code: 'invalid_input',
        issues: [{ path: 'month', message: 'must be between 2013-07 and 2026-12' }],
      },
    });

    const malformed = run(['-'], '{"month": ');
    expect(malformed.status).toBe(2);
    expect(JSON.parse(malformed.stderr)).toEqual({
      error: { code: 'invalid_input', issues: [{ path: '', message: 'not valid JSON' }] },
    });
  });

  it('--jsonl writes one line per input line, in order, goes on after a bad line and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stegvis-cli-'));
    const file = join(dir, 'batch.jsonl');
    const lines = [
      JSON.stringify(JSON.parse(singleInput)),
      'this is not json',
      JSON.stringify(JSON.parse(readFileSync(join(EXAMPLES, 'income-above-need.input.json'), 'utf8'))),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { status, stdout } = run(['--jsonl', file]);
    expect(status).toBe(2);
    const outputs = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(outputs).toHaveLength(3);
    expect(outputs[0]).toMatchObject(singleExpected);
    expect(outputs[1]).toEqual({
      error: { code: 'invalid_input', issues: [{ path: '', message: 'not valid JSON' }] },
    });
    expect(outputs[2]).toMatchObject({ surplus: 945300 });
  });

  it('--jsonl exits 0 when every line succeeds', () => {
    const { status, stdout } = run(['--jsonl', '-'], `${singleInput.replace(/\n/g, '')}\n`);
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('uses a guideline set file with --guidelines and rejects an invalid one', () => {
    const guidelines = fileURLToPath(new URL('./guidelines/example-guideline-set.json', import.meta.url));
    const input = JSON.parse(singleInput);
    input.costs[0].amount = 700000;
    const { status, stdout } = run(['--guidelines', guidelines, '-'], JSON.stringify(input));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).warnings).toMatchObject([{ code: 'guideline_cap_exceeded', section: '4.2' }]);

    const dir = mkdtempSync(join(tmpdir(), 'stegvis-cli-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'x', versions: [] }));
    const bad = run(['--guidelines', join(dir, 'bad.json'), '-'], singleInput);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stderr).error.code).toBe('invalid_input');
  });
});
