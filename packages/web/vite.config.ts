// Vite build for the staff web app. The server serves dist/ at `/` with an SPA fallback;
// in development the API is proxied so the app stays same-origin, exactly as in production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
