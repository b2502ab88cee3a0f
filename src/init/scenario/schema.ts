// The scenario format, version 1 (shared/spec/scenario-format.md is the contract; we add fields,
// never change the meaning of those it fixes). Validated with valibot; every rejection names the
// field and says what was expected.
import * as v from 'valibot';

export const SCENARIO_VERSION = 1;

/** Limits that keep a shared or imported scenario from eating the page. */
export const LIMITS = {
  documentBytes: 2 * 1024 * 1024,
  files: 512,
  fileBytes: 512 * 1024,
  steps: 1000,
  threadsPerStep: 100_000,
  pathLength: 4096,
};

const absPath = v.pipe(
  v.string(),
  v.maxLength(LIMITS.pathLength, `a path of at most ${LIMITS.pathLength} characters`),
  v.regex(/^\//, 'an absolute path (starting with /)'),
  v.check((p) => !p.includes('\0'), 'a path without NUL bytes'),
  v.check((p) => !p.split('/').includes('..') && !p.split('/').includes('.'), 'a path without "." or ".." components'),
  v.check((p) => p !== '/' && !p.endsWith('/'), 'a file path (not ending in /)'),
);

const octalMode = v.pipe(v.string(), v.regex(/^0?[0-7]{3,4}$/, 'an octal mode such as "0755"'));

const fileContent = v.pipe(v.string(), v.maxLength(LIMITS.fileBytes, `at most ${LIMITS.fileBytes} characters`));

export const FileSchema = v.union([
  fileContent,
  v.strictObject({ content: fileContent, mode: v.optional(octalMode) }),
], 'a string, or an object {"content": string, "mode": "0755"}');

const int = (min: number, max: number, what: string) => v.pipe(v.number(), v.integer(`an integer (${what})`), v.minValue(min, `${what} >= ${min}`), v.maxValue(max, `${what} <= ${max}`));

export const KernelSchema = v.strictObject({
  profile: v.optional(v.picklist(['2.6.20', '2.6.21', '6.6'], 'one of "2.6.20", "2.6.21", "6.6"')),
  arch: v.optional(v.picklist(['x86_64', 'i386'], 'one of "x86_64", "i386"')),
  release: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9._+-]{1,64}$/, 'a release such as "2.6.20-khelper"'))),
  threadsMax: v.optional(int(1, 0x3fffffff, 'threadsMax')),
  modprobePath: v.optional(v.pipe(v.string(), v.maxLength(255, 'at most 255 characters (KMOD_PATH_LEN - 1)'))),
  seed: v.optional(int(0, 0xffffffff, 'seed')),
  // Extensions (not in the contract's minimum):
  interleave: v.optional(v.boolean()),
  kmod: v.optional(v.boolean()),
  staticUsermodehelper: v.optional(v.nullable(v.string())),
  hostname: v.optional(v.pipe(v.string(), v.maxLength(64))),
  cmdline: v.optional(v.pipe(v.string(), v.maxLength(4096))),
});

const argVal = v.union([v.string(), v.number()], 'a string or a number');
const strList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(131072))), v.maxLength(4096));
const duration = v.pipe(v.string(), v.regex(/^\s*\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|min)?\s*$/, 'a duration such as "5s", "250ms", "10us" or "100ns"'));

export const STEP_SCHEMAS = {
  sh: v.strictObject({ sh: v.pipe(v.string(), v.maxLength(LIMITS.fileBytes)) }),
  requestModule: v.strictObject({
    requestModule: v.pipe(v.string(), v.maxLength(1024)),
    args: v.optional(v.pipe(v.array(argVal), v.maxLength(16))),
    threads: v.optional(int(1, LIMITS.threadsPerStep, 'threads')),
    wait: v.optional(v.boolean()),
  }),
  callUsermodehelper: v.strictObject({
    callUsermodehelper: v.strictObject({ path: v.string(), argv: v.optional(strList), envp: v.optional(strList), wait: v.optional(int(-1, 15, 'wait')) }),
  }),
  callUsermodehelperPipe: v.strictObject({
    callUsermodehelperPipe: v.strictObject({ path: v.string(), argv: v.optional(strList), envp: v.optional(strList), input: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.fileBytes))) }),
  }),
  sysctl: v.strictObject({ sysctl: v.record(v.pipe(v.string(), v.regex(/^[a-z0-9_.-]+(\.[a-z0-9_-]+)+$/, 'a key such as "kernel.modprobe"')), v.string()) }),
  advance: v.strictObject({ advance: duration }),
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

export const ScenarioSchema = v.strictObject({
  version: v.literal(SCENARIO_VERSION, `1 (the scenario format version)`),
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  description: v.optional(v.pipe(v.string(), v.maxLength(65536))),
  kernel: v.optional(KernelSchema),
  rootfs: v.optional(v.picklist(['default', 'minimal'], 'one of "default", "minimal"')),
  files: v.optional(v.pipe(v.record(absPath, FileSchema), v.check((r) => Object.keys(r).length <= LIMITS.files, `at most ${LIMITS.files} files`))),
  loaded: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,55}$/, 'a module name'))), v.maxLength(512))),
  // Steps are checked one by one against their kind (see parse.ts), for messages that say which kind.
  steps: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.steps, `at most ${LIMITS.steps} steps`))),
  // Extensions: the view a share link restores (the UI owns its contents).
  view: v.optional(v.pipe(v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'an object'), v.record(v.string(), v.unknown()))),
});
