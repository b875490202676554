// Keeps one section of docs/benchmarks.md per benchmark, between <!-- bench:NAME:start/end -->
// markers, appending a row to its table (the last six rows are kept) and leaving the rest alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(new URL('../../../../', import.meta.url).pathname, 'docs', 'benchmarks.md');

export function writeBenchmarkSection(name: string, intro: string, tableHeader: string, row: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const existing = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const headerLines = new Set(tableHeader.split('\n'));
  const oldRows =
    from >= 0 && to > from
      ? existing
          .slice(from, to)
          .split('\n')
          .filter((line) => line.startsWith('| ') && !headerLines.has(line))
      : [];
  const section = `${start}\n${intro}\n\n${tableHeader}\n${[...oldRows, row].slice(-6).join('\n')}\n${end}`;
  writeFileSync(
    FILE,
    from >= 0 && to > from
      ? existing.slice(0, from) + section + existing.slice(to + end.length)
      : `${existing.trimEnd()}\n\n${section}\n`,
  );
}
