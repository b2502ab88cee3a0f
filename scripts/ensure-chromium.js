#!/usr/bin/env node
// End-to-end tests drive the system Chromium; nothing downloads a browser. If it is missing and
// we are root with apt-get, install Debian's package; otherwise stop with one line saying how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, chromiumPresent } from './chromium-path.js';

if (chromiumPresent()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium not found: installing Debian\'s chromium package (apt-get install -y chromium)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    console.error('khelper: could not install chromium with apt-get; install it (apt-get install chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  if (chromiumPresent()) process.exit(0);
}
console.error(`khelper: end-to-end tests need Chromium at ${chromiumPath()}: run "sudo apt-get install chromium" or set CHROMIUM_PATH to a Chromium binary.`);
process.exit(1);
