// Runs a multi-statement SQL script one statement at a time: PGlite's extended protocol
// takes a single statement per query. Semicolons inside $$-quoted bodies are kept.
import { type Kysely, sql } from 'kysely';

export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (let i = 0; i < script.length; i++) {
    if (script.startsWith('$$', i)) {
      inDollarQuote = !inDollarQuote;
      current += '$$';
      i++;
      continue;
    }
    const char = script[i];
    if (char === ';' && !inDollarQuote) {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else if (char === '-' && script[i + 1] === '-' && !inDollarQuote) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      current += '\n';
    } else {
      current += char;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

// biome-ignore lint/suspicious/noExplicitAny: runs on any schema (migrations)
export async function runScript(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
