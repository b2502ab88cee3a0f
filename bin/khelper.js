#!/usr/bin/env node
// The khelper CLI. The engine is TypeScript; tsx compiles it on the fly, so `npx khelper` works
// right after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/headless/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
