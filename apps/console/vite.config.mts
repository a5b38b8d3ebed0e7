import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const project = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The web console (docs/console.md): built into dist/console and served by
 * the API at /app. No inline scripts or styles, so helmet's CSP
 * (`default-src 'self'`) admits everything it loads.
 */
export default defineConfig({
  root,
  base: '/app/',
  resolve: { alias: { '@careloop/domain': `${project}libs/domain/src/index.ts` } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${project}dist/console`,
    emptyOutDir: true,
    // A module script and a stylesheet, nothing inlined (the CSP forbids inline scripts).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: { proxy: { '^/(auth|cases|supervisor|health|members|member-duplicates|providers|discharges|utilization-reviews|complaints|reports)': 'http://localhost:3000' } },
});
