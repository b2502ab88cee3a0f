// Vite plugin for the engine's worker bundle: put src/init/programs_lazy.ts where the engine
// imports src/init/programs_table.ts. The worker then compiles, before its first prompt, only
// init and the shells; the other programs come in a chunk of their own right after it
// (src/worker/programs_loader.ts, docs/design/playground.md). Node (the CLI, the tests) and the
// dev server keep the whole table.
export function lazyPrograms() {
  return {
    name: 'khelper-lazy-programs',
    // Before Vite's own resolver, which would answer first.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('programs_table.ts')) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!r || !r.id.replace(/\\/g, '/').endsWith('/src/init/programs_table.ts')) return null;
      return { ...r, id: r.id.replace(/programs_table\.ts$/, 'programs_lazy.ts') };
    },
  };
}
