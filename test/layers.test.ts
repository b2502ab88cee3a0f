// The layers are held by the tools: these tests prove that a violation fails lint or typecheck.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function lintAs(file: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return res.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint import zones (one per row of the layer table)', () => {
  it('kernel may not import userland', async () => {
    const msgs = await lintAs('src/kernel/x.ts', "import { a } from '../userland/sh/main.ts';\nexport const b = a;\n");
    expect(msgs.join('\n')).toMatch(/no-restricted-imports.*may not import src\/userland/);
  });
  it('userland may not import kernel', async () => {
    const msgs = await lintAs('src/userland/x.ts', "import { a } from '../kernel/sched.ts';\nexport const b = a;\n");
    expect(msgs.join('\n')).toMatch(/may not import src\/kernel/);
  });
  it('ui may not import init', async () => {
    const msgs = await lintAs('src/ui/x.ts', "import { Machine } from '../init/machine.ts';\nexport const m = Machine;\n");
    expect(msgs.join('\n')).toMatch(/may not import src\/init/);
  });
  it('uapi imports nothing of ours', async () => {
    const msgs = await lintAs('src/uapi/x.ts', "import { a } from '../lib/bytes.ts';\nexport const b = a;\n");
    expect(msgs.join('\n')).toMatch(/may not import src\/lib/);
  });
  it('init may import kernel and userland', async () => {
    const msgs = await lintAs('src/init/x.ts', "import { a } from '../kernel/sched.ts';\nimport { b } from '../userland/sh/main.ts';\nexport const c = [a, b];\n");
    expect(msgs.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });
});

describe('determinism bans in kernel/ and userland/', () => {
  it.each([
    ['Date.now()', /Date/],
    ['Math.random()', /deterministic/],
    ['setTimeout(() => 0, 1)', /No real timers/],
    ['new Promise(() => 0)', /No promises/],
  ])('%s is rejected', async (expr, re) => {
    const msgs = await lintAs('src/kernel/x.ts', `export const v = ${expr};\n`);
    expect(msgs.join('\n')).toMatch(re);
    const msgs2 = await lintAs('src/userland/x.ts', `export const v = ${expr};\n`);
    expect(msgs2.join('\n')).toMatch(re);
  });
});

describe('the engine compiles without DOM, Node or timer globals', () => {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.engine.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  function diagnose(code: string): string[] {
    const file = resolve(root, 'src/kernel/__probe__.ts');
    const host = ts.createCompilerHost(parsed.options);
    const orig = host.getSourceFile;
    host.getSourceFile = (name, lang, ...rest) =>
      name === file ? ts.createSourceFile(name, code, lang) : orig.call(host, name, lang, ...rest);
    const program = ts.createProgram([file], parsed.options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  it.each(['document.title', 'setTimeout(() => 0)', 'process.exit(1)', 'window.location'])('%s fails the engine typecheck', (expr) => {
    expect(diagnose(`export const v = ${expr};\n`).join('\n')).toMatch(/Cannot find name/);
  });
  it('plain ES2022 passes', () => {
    expect(diagnose('export const v = [1, 2].at(-1) ?? new Map<string, number>().size;\n')).toEqual([]);
  });
});
