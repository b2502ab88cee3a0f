// basename and dirname (GNU coreutils 9.1): pure string functions and their command lines.

/** basename(1) of one name, with an optional suffix removed (never the whole name). */
export function basename(name: string, suffix = ''): string {
  if (name === '') return '';
  let s = name.replace(/\/+$/, '');
  if (s === '') return '/';
  s = s.slice(s.lastIndexOf('/') + 1);
  if (suffix && s !== suffix && s.endsWith(suffix)) s = s.slice(0, -suffix.length);
  return s;
}

/** dirname(1) of one name. */
export function dirname(name: string): string {
  let s = name.replace(/\/+$/, '');
  if (s === '') return name.startsWith('/') ? '/' : '.';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  s = s.slice(0, i).replace(/\/+$/, '');
  return s === '' ? '/' : s;
}

export interface SimpleResult { stdout: string; stderr: string; status: number }

export function basenameMain(argv: readonly string[]): SimpleResult {
  let multiple = false;
  let suffix = '';
  let eol = '\n';
  const ops: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { ops.push(...argv.slice(i + 1)); break; }
    if (a === '-a' || a === '--multiple') multiple = true;
    else if (a === '-z' || a === '--zero') eol = '\0';
    else if (a === '-s' || a.startsWith('--suffix=')) { suffix = a === '-s' ? argv[++i] ?? '' : a.slice(9); multiple = true; }
    else if (/^-s./.test(a)) { suffix = a.slice(2); multiple = true; }
    else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `basename: invalid option -- '${a[1]}'\nTry 'basename --help' for more information.\n`, status: 1 };
    else ops.push(a);
  }
  if (!ops.length) return { stdout: '', stderr: "basename: missing operand\nTry 'basename --help' for more information.\n", status: 1 };
  if (!multiple) {
    if (ops.length > 2) return { stdout: '', stderr: `basename: extra operand '${ops[2]}'\nTry 'basename --help' for more information.\n`, status: 1 };
    return { stdout: basename(ops[0], ops[1] ?? '') + eol, stderr: '', status: 0 };
  }
  return { stdout: ops.map((o) => basename(o, suffix) + eol).join(''), stderr: '', status: 0 };
}

export function dirnameMain(argv: readonly string[]): SimpleResult {
  let eol = '\n';
  const ops: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { ops.push(...argv.slice(i + 1)); break; }
    if (a === '-z' || a === '--zero') eol = '\0';
    else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `dirname: invalid option -- '${a[1]}'\nTry 'dirname --help' for more information.\n`, status: 1 };
    else ops.push(a);
  }
  if (!ops.length) return { stdout: '', stderr: "dirname: missing operand\nTry 'dirname --help' for more information.\n", status: 1 };
  return { stdout: ops.map((o) => dirname(o) + eol).join(''), stderr: '', status: 0 };
}
