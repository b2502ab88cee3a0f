// Vite plugin, after a build:
// 1. bundles src/ui/embed/entry.ts into dist/khelper-embed.js as one classic script (an IIFE), so
//    other sites load <khelper-playground> with a plain <script src>, which needs no CORS headers
//    (a cross-origin module script would) and no other file;
// 2. writes the list of built files and a version (a hash of them all) into dist/sw.js (copied
//    from public/sw.js), so the service worker caches exactly one build and a new deploy is a new
//    worker script (docs/design/offline.md).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const MARK = /\/\*__KHELPER_BUILD__\*\/[\s\S]*?\/\*__END__\*\//;

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The build description written into sw.js: the version and the files, relative to the site root. */
export function describeBuild(outDir) {
  const files = walk(outDir)
    .map((p) => relative(outDir, p).split(sep).join('/'))
    .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
    .sort();
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(readFileSync(join(outDir, f))).update('\0');
  return { version: h.digest('hex').slice(0, 16), files };
}

/** The embed script: one self-contained classic script. */
async function buildEmbed(root, outDir) {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({ input: resolve(root, 'src/ui/embed/entry.ts'), logLevel: 'warn' });
  try {
    await bundle.write({ format: 'iife', file: join(outDir, 'khelper-embed.js'), minify: true });
  } finally {
    await bundle.close();
  }
}

export function swPrecache() {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'khelper-sw-precache',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await buildEmbed(root, outDir);
      const sw = join(outDir, 'sw.js');
      const src = readFileSync(sw, 'utf8');
      if (!MARK.test(src)) throw new Error('public/sw.js has no /*__KHELPER_BUILD__*/ ... /*__END__*/ block');
      const build = describeBuild(outDir);
      writeFileSync(sw, src.replace(MARK, `/*__KHELPER_BUILD__*/ ${JSON.stringify(build)} /*__END__*/`));
    },
  };
}
