import { defineConfig } from 'vite';

// The UI is served by the Accord server under /ui/ and talks to its REST API at the root path.
// `npm run dev` proxies the API to a server on localhost:8080 (override with ACCORD_URL).
const api = process.env.ACCORD_URL ?? 'http://localhost:8080';
const apiPaths = ['/subjects', '/schemas', '/config', '/mode', '/compatibility', '/v1', '/contexts'];

export default defineConfig({
  base: '/ui/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2020',
    // Everything is bundled: the UI must work with no internet access.
    assetsInlineLimit: 8192,
    reportCompressedSize: true,
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: api, changeOrigin: true }])),
  },
});
