import fs from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Redoc's self-contained bundle, copied next to the docs page (served offline, no CDN). Its one
 * remote resource, the Redocly logo under the menu, becomes an empty image, which Redoc hides.
 */
/** @returns {import("vite").Plugin} */
function redocBundle() {
  return {
    name: 'redoc-bundle',
    apply: 'build',
    generateBundle() {
      const file = require.resolve('redoc/bundles/redoc.standalone.js');
      this.emitFile({
        type: 'asset',
        fileName: 'docs/redoc.standalone.js',
        source: fs
          .readFileSync(file, 'utf8')
          .replace('https://cdn.redoc.ly/redoc/logo-mini.svg', 'data:,'),
      });
    },
  };
}

// The admin console: built into console/dist by `npm run build`, served by the server at
// /console (index.html gets a CSP nonce per response in place of the placeholder below).
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  publicDir: 'public',
  html: { cspNonce: '__CSP_NONCE__' },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [redocBundle()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components): nothing to keep here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
