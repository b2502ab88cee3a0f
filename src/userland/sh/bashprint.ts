// bash's print_cmd.c: a function printed back as `declare -f` and `type` show it, from the
// syntax tree, with each word as it was written (Word.raw), four-space indentation, `;` after
// every command of a list, and here-document bodies after the command line that uses them.
import type { CondExpr, Node, Redir, Word } from './ast.ts';
import { wordText } from './cmdtext.ts';

const AMOUNT = 4;

function raw(w: Word): string {
  return w.raw ?? wordText(w);
}

class Printer {
  out = '';
  indentation = 0;
  skip = 0;
  insideFunc = 0;
  connection = 0;
  deferred: Redir[] = [];
  wasHeredoc = false;

  indent(n: number): void {
    this.out += ' '.repeat(n);
  }

  newline(s: string): void {
    this.out += '\n';
    this.indent(this.indentation);
    this.out += s;
  }

  semicolon(): void {
    const last = this.out[this.out.length - 1];
    if (this.out.length > 0 && (last === '&' || last === '\n')) return;
    this.out += ';';
  }

  heredocBodies(list: Redir[]): void {
    for (const r of list) this.out += `\n${r.hereText ?? ''}${stripQuotes(r.hereDelim ?? '')}\n`;
  }

  printDeferred(cstring: string): void {
    const extra = cstring !== '' && (cstring[0] !== ';' || cstring.length > 1);
    if (extra) this.out += cstring;
    if (this.deferred.length) {
      this.heredocBodies(this.deferred);
      if (extra) this.out += ' ';
    }
    this.deferred = [];
  }

  flushDeferred(s: string): void {
    if (this.deferred.length) this.printDeferred(s);
  }

  redirect(r: Redir): string {
    const fdIf = (dfl: number): string => (r.fd === dfl ? '' : String(r.fd));
    const t = raw(r.target);
    switch (r.kind) {
      case '>': return `${fdIf(1)}> ${t}`;
      case '>>': return `${fdIf(1)}>> ${t}`;
      case '>|': return `${fdIf(1)}>| ${t}`;
      case '<': return `${fdIf(0)}< ${t}`;
      case '<>': return `${fdIf(0)}<> ${t}`;
      case '&>': return `&> ${t}`;
      case '&>>': return `&>> ${t}`;
      case '<<<': return `${fdIf(0)}<<< ${t}`;
      case '<&': case '>&':
        if (r.dupfd === -1) return `${r.fd}>&-`;
        if (r.dupfd !== null) return `${r.fd}${r.kind}${r.dupfd}`;
        return r.kind === '>&' && r.fd === 1 ? `>&${t}` : `${r.fd}${r.kind}${t}`;
      case '<<': return `${fdIf(0)}<<${r.hereStrip ? '-' : ''}${r.hereDelim ?? ''}`;
    }
  }

  redirList(list: Redir[]): void {
    const here: Redir[] = [];
    this.out += list.map((r) => {
      if (r.kind === '<<') here.push(r);
      return this.redirect(r);
    }).join(' ');
    if (here.length && this.connection) this.deferred.push(...here);
    else if (here.length) {
      this.heredocBodies(here);
      this.wasHeredoc = true;
    }
  }

  /** make_command_string_internal(). */
  command(n: Node | null): void {
    if (!n) return;
    if (this.skip) this.skip--;
    else this.indent(this.indentation);
    this.body(n);
  }

  /** A command after its indentation. */
  body(n: Node): void {
    switch (n.type) {
      case 'cmd': {
        const words = [...n.assigns, ...n.args].map(raw).join(' ');
        this.out += words;
        if (n.redirs.length) {
          if (words) this.out += ' ';
          this.redirList(n.redirs);
        }
        return;
      }
      case 'not':
        this.out += '! ';
        this.body(n.body);
        return;
      case 'coproc':
        this.out += `coproc ${n.name} `;
        this.body(n.body);
        return;
      case 'time':
        this.out += n.posix ? 'time -p ' : 'time ';
        if (n.body) this.body(n.body);
        return;
      case 'pipe':
        this.connection++;
        n.cmds.forEach((c, i) => {
          if (i > 0) this.out += ' | ';
          this.body(c);
        });
        this.flushDeferred('');
        this.connection--;
        return;
      case 'and': case 'or':
        this.connection++;
        this.body(n.left);
        this.out += n.type === 'and' ? ' && ' : ' || ';
        this.body(n.right);
        this.flushDeferred('');
        this.connection--;
        return;
      case 'semi': {
        // dash's lists lean left, bash's right: print the flattened list the way bash does.
        const items: Node[] = [];
        const flat = (x: Node): void => {
          if (x.type === 'semi') { flat(x.left); flat(x.right); } else items.push(x);
        };
        flat(n);
        this.connection++;
        items.forEach((it, i) => {
          const bg = it.type === 'bg';
          const cmd = it.type === 'bg' ? it.body : it;
          if (i === 0) this.body(cmd);
          else this.command(cmd);
          if (i === items.length - 1) {
            if (bg) this.out += ' &';
            return;
          }
          if (bg) {
            this.out += ' & ';
            this.skip++;
            return;
          }
          if (!this.deferred.length) {
            if (!this.wasHeredoc) this.out += ';';
            else this.wasHeredoc = false;
          } else this.printDeferred(this.insideFunc ? '' : ';');
          if (this.insideFunc) this.out += '\n';
          else {
            this.out += ' ';
            this.skip++;
          }
        });
        this.flushDeferred('');
        this.connection--;
        return;
      }
      case 'bg':
        this.body(n.body);
        this.out += ' &';
        return;
      case 'redir':
        if (n.body.type === 'group') {
          this.group(n.body.body, n.redirs);
          return;
        }
        this.body(n.body);
        this.out += ' ';
        this.redirList(n.redirs);
        return;
      case 'subshell':
        this.out += '( ';
        this.skip++;
        this.command(n.body);
        this.flushDeferred('');
        this.out += ' )';
        if (n.redirs.length) {
          this.out += ' ';
          this.redirList(n.redirs);
        }
        return;
      case 'if':
        this.out += 'if ';
        this.skip++;
        this.command(n.cond);
        this.semicolon();
        this.out += ' then\n';
        this.indentation += AMOUNT;
        this.command(n.then);
        this.flushDeferred('');
        this.indentation -= AMOUNT;
        if (n.else) {
          this.semicolon();
          this.newline('else\n');
          this.indentation += AMOUNT;
          this.command(n.else);
          this.flushDeferred('');
          this.indentation -= AMOUNT;
        }
        this.semicolon();
        this.newline('fi');
        return;
      case 'while': case 'until':
        this.out += `${n.type} `;
        this.skip++;
        this.command(n.cond);
        this.flushDeferred('');
        this.semicolon();
        this.out += ' do\n';
        this.indentation += AMOUNT;
        this.command(n.body);
        this.flushDeferred('');
        this.indentation -= AMOUNT;
        this.semicolon();
        this.newline('done');
        return;
      case 'for':
        this.out += `${n.select ? 'select' : 'for'} ${n.name} in ${n.words ? n.words.map(raw).join(' ') : '"$@"'};`;
        this.newline('do\n');
        this.loopBody(n.body);
        return;
      case 'arithfor': {
        const part = (w: Word): string => (raw(w).trim() === '' ? '1' : raw(w).trimStart());
        this.out += `for ((${part(n.init)}; ${part(n.test)}; ${part(n.step)}))`;
        this.newline('do\n');
        this.loopBody(n.body);
        return;
      }
      case 'case':
        this.out += `case ${raw(n.word)} in `;
        this.indentation += AMOUNT;
        for (const item of n.items) {
          this.newline('');
          this.out += `${item.patterns.map(raw).join(' | ')})\n`;
          this.indentation += AMOUNT;
          this.command(item.body);
          this.indentation -= AMOUNT;
          this.flushDeferred('');
          this.newline(item.term);
        }
        this.indentation -= AMOUNT;
        this.newline('esac');
        return;
      case 'func':
        this.out += `function ${n.name} () \n`;
        this.indent(this.indentation);
        this.out += '{ \n';
        this.insideFunc++;
        this.indentation += AMOUNT;
        {
          const { inner, redirs } = splitGroup(n.body);
          this.command(inner);
          this.flushDeferred('');
          this.indentation -= AMOUNT;
          this.insideFunc--;
          if (redirs.length) {
            this.newline('} ');
            this.redirList(redirs);
          } else this.newline('}');
        }
        return;
      case 'cond':
        this.out += `[[ ${condText(n.expr)} ]]`;
        return;
      case 'arithcmd':
        this.out += `((${raw(n.expr)}))`;
        return;
      case 'group':
        this.group(n.body, []);
        return;
    }
  }

  loopBody(body: Node | null): void {
    this.indentation += AMOUNT;
    this.command(body);
    this.flushDeferred('');
    this.semicolon();
    this.indentation -= AMOUNT;
    this.newline('done');
  }

  /** A `{ list; }` group (our parser keeps it as the list itself, marked 'group'). */
  group(n: Node | null, redirs: Redir[]): void {
    this.out += '{ ';
    if (!this.insideFunc) this.skip++;
    else {
      this.out += '\n';
      this.indentation += AMOUNT;
    }
    this.command(n);
    this.flushDeferred('');
    if (this.insideFunc) {
      this.out += '\n';
      this.indentation -= AMOUNT;
      this.indent(this.indentation);
    } else {
      this.semicolon();
      this.out += ' ';
    }
    this.out += '}';
    if (redirs.length) {
      this.out += ' ';
      this.redirList(redirs);
    }
  }
}

/** A heredoc delimiter as the body ends with it: quotes removed. */
function stripQuotes(s: string): string {
  return s.replace(/\\(.)|['"]/g, (_m, c: string | undefined) => c ?? '');
}

/** A function body: the commands inside its braces, and the braces' redirections. */
function splitGroup(body: Node): { inner: Node | null; redirs: Redir[] } {
  if (body.type === 'group') return { inner: body.body, redirs: [] };
  if (body.type === 'redir' && body.body.type === 'group') return { inner: body.body.body, redirs: body.redirs };
  return { inner: body, redirs: [] };
}

function condText(e: CondExpr): string {
  switch (e.t) {
    case 'and': return `${condText(e.l)} && ${condText(e.r)}`;
    case 'or': return `${condText(e.l)} || ${condText(e.r)}`;
    case 'not': return `! ${condText(e.e)}`;
    case 'paren': return `( ${condText(e.e)} )`;
    case 'unary': return `${e.op} ${raw(e.a)}`;
    case 'binary': return `${raw(e.a)} ${e.op} ${raw(e.b)}`;
    case 'word': return raw(e.a);
  }
}

/** make_command_string(): one command on a line, as BASH_COMMAND holds it. */
export function commandString(n: Node): string {
  const p = new Printer();
  p.command(n);
  return p.out;
}

/** named_function_string() with FUNC_MULTILINE: what `declare -f name` prints (no final newline). */
export function functionText(name: string, body: Node): string {
  const p = new Printer();
  p.out = `${name} () \n`;
  p.indentation = AMOUNT;
  p.insideFunc++;
  p.out += '{ \n';
  const { inner, redirs } = splitGroup(body);
  p.command(inner);
  p.flushDeferred('');
  p.indentation = 0;
  p.insideFunc--;
  if (redirs.length) {
    p.newline('} ');
    p.redirList(redirs);
  } else p.newline('}');
  return p.out;
}
