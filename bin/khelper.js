#!/usr/bin/env node
// The khelper CLI. The engine is TypeScript; tsx compiles it on the fly, so `npx khelper` works
// right after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

// A reader that goes away (`khelper run x.json | head`) ends the output, as it ends a Unix tool:
// quietly, not with a stack trace. 141 is the status a shell reports for death by SIGPIPE.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(141);
  throw e;
});

const { main } = await tsImport('../src/headless/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
