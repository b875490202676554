// Builds packages/web/dist once before the browser tests when it is missing or older than
// any source file, so the server under test serves exactly the code in the working tree.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export default function setup() {
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) =>
    newestMtime(join(webDir, name)),
  );
  const built = newestMtime(join(webDir, 'dist', 'index.html'));
  if (built > Math.max(...sources)) return;
  // A separate process: inside Vitest, NODE_ENV is "test" and Vite would build React's dev bundle.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
