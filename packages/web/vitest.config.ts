// Browser tests start the real server in-process and drive Chromium; they share one built dist/,
// built once by the global setup, and run one file at a time to stay predictable on small machines.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Build dist/ once; then the server's setup migrates and seeds one database snapshot that
    // every startTestServer() copies.
    globalSetup: ['e2e/global-setup.ts', '../server/src/test-global-setup.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
