// Lint holds the layers of docs/design/layers.md: one import zone per row of the table, and no
// wall-clock time or randomness inside the deterministic engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import patterns that each layer may NOT reach. */
const layer = (name, forbidden) => ({
  name: `layers/${name}`,
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/*`, `**/${f}`, `../${f}/*`, `./${f}/*`],
          message: `src/${name} may not import src/${f} (docs/design/layers.md).`,
        })),
      },
    ],
  },
});

const engineBans = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'The engine has one clock: virtual time (kernel/sched.ts).' },
    { object: 'Math', property: 'random', message: 'The engine is deterministic: use the seeded PRNG in lib/prng.ts.' },
    { object: 'performance', property: 'now', message: 'The engine has one clock: virtual time.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'No real timers in the engine: use kernel timers in virtual time.' },
    { name: 'setInterval', message: 'No real timers in the engine: use kernel timers in virtual time.' },
    { name: 'queueMicrotask', message: 'The engine is driven by its scheduler only.' },
    { name: 'Date', message: 'The engine has one clock: virtual time.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: 'NewExpression[callee.name="Promise"]', message: 'No promises in the engine: tasks are generators.' },
    { selector: 'FunctionDeclaration[async=true]', message: 'No async code in the engine: tasks are generators.' },
    { selector: 'ArrowFunctionExpression[async=true]', message: 'No async code in the engine: tasks are generators.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      // Kernel and syscall interfaces are generators even where one implementation never sleeps.
      'require-yield': 'off',
    },
  },
  layer('uapi', ['lib', 'kernel', 'userland', 'init', 'worker', 'headless', 'ui']),
  layer('lib', ['uapi', 'kernel', 'userland', 'init', 'worker', 'headless', 'ui']),
  layer('kernel', ['userland', 'init', 'worker', 'headless', 'ui']),
  layer('userland', ['kernel', 'init', 'worker', 'headless', 'ui']),
  layer('init', ['worker', 'headless', 'ui']),
  layer('worker', ['kernel', 'userland', 'headless', 'ui']),
  layer('headless', ['kernel', 'userland', 'worker', 'ui']),
  {
    name: 'layers/ui',
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['kernel', 'userland', 'init', 'headless'].map((f) => ({
              group: [`**/${f}/*`, `**/${f}`],
              message: `src/ui may not import src/${f}: it sees only the worker API (docs/design/layers.md).`,
            })),
            {
              group: ['**/worker/*', '!**/worker/api', '!**/worker/api.ts', '!**/worker/machine.worker?worker', '!**/worker/machine.worker.ts?worker'],
              message: 'src/ui may import only the worker API types (worker/api.ts) and the worker entry.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'engine/determinism',
    files: ['src/kernel/**/*.ts', 'src/userland/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: engineBans,
  },
);
