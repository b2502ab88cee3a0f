import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { engineStart } from './scripts/engine-start.js';
import { lazyPrograms } from './scripts/lazy-programs.js';
import { swPrecache } from './scripts/sw-precache.js';

// Relative base: the build works from any static host and any sub-path, with no special headers
// (no COOP/COEP: the engine needs no SharedArrayBuffer, kernel and user land share one worker).
export default defineConfig({
  base: './',
  // lazy-programs.js: the worker compiles what the first boot runs first, the other programs after.
  worker: { format: 'es', plugins: () => [lazyPrograms()] },
  // After the build: khelper-embed.js (the <khelper-playground> element for other sites, a classic
  // script at a stable address) and the service worker's list of built files (docs/design/offline.md).
  // engine-start.js: a script in <head> that starts the engine's worker before the page is laid out.
  plugins: [engineStart(), swPrecache()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        docs: resolve(import.meta.dirname, 'docs.html'),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
