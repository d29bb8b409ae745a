// The web UI: a React single-page app under src/web, built to dist/web (served by `sgrt-billing serve`
// at `/` with SPA fallback). `npm run dev:web` proxies /api to a running server on port 8080.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = process.env['SGRT_API_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': api, '/openapi.json': api } },
});
