// The shell's syntax tree. The node kinds mirror dash's nodetypes (NCMD, NPIPE, NAND, NOR, NSEMI,
// NREDIR, NBACKGND, NSUBSHELL, NIF, NWHILE, NUNTIL, NFOR, NCASE, NDEFUN, NNOT) plus bash's
// [[ ]] and (( )). Words are structured instead of dash's CTL-escaped strings, but keep the same
// information: which characters were quoted and where each expansion sits.

/** One piece of a word. `q` says the piece stood inside quotes (no field splitting or globbing). */
export type Part =
  | { k: 'lit'; s: string; q: boolean }
  | ParamPart
  | { k: 'cmd'; body: Node | null; q: boolean; bq: boolean }
  | { k: 'arith'; parts: Part[]; q: boolean }
  /** bash `name=(a b)`: only in assignments; each element is a full word. ($'...' needs no
   * kind of its own: it is a quoted literal, decoded by the lexer.) */
  | { k: 'array'; words: Word[] }
  /** bash <(list) and >(list): a pipe to a background list, named /dev/fd/N. */
  | { k: 'procsub'; dir: '<' | '>'; body: Node | null };

/** ${name op arg}: op is '' for a plain $name / ${name}. */
export type ParamOp = '' | '-' | '=' | '?' | '+' | '#' | '##' | '%' | '%%' | 'len'
  /** dash: an unknown operator, reported as "Bad substitution" when expanded. */
  | 'bad'
  /** bash: ${x:off:len}, ${x/pat/rep}, ${x//pat/rep}, ${x^^}, ${x,,}, ${!x} */
  | 'sub' | '/' | '//' | '/#' | '/%' | '^^' | ',,' | '^' | ',' | 'ind'
  /** bash ${!prefix@} ${!prefix*}; ${x@Q} and the other transformations (arg: the letter). */
  | 'names@' | 'names*' | '@';

export interface ParamPart {
  k: 'param';
  name: string;
  /** bash arrays: ${name[index]}; the index word (arithmetic or @ / *). */
  index: Word | null;
  op: ParamOp;
  colon: boolean;
  arg: Word | null;
  /** bash ${x/pat/rep} and ${x:off:len}: the second operand. */
  arg2: Word | null;
  q: boolean;
  /** bash ${!name-word} and the like: the operator applies to the variable name names. */
  indirect?: boolean;
}

/** `raw`: the word as written (bash mode), for BASH_COMMAND and printing functions. */
export type Word = Part[] & { raw?: string };

export type RedirKind = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<<' | '&>' | '&>>';

export interface Redir {
  kind: RedirKind;
  fd: number;
  /** File name, or for <& / >& a word expanded at run time (dash's vname). */
  target: Word;
  /** <& and >&: the fd number (or -1 for '-') when the word was a digit or '-' at parse time. */
  dupfd: number | null;
  /** << : the body (literal when the delimiter was quoted). */
  here: Word | null;
  /** << : the delimiter as written, <<- and the body text (bash prints functions with them). */
  hereDelim?: string;
  /** bash {name}>file: the descriptor is allocated (>= 10) and stored in the variable. */
  varname?: string;
  hereStrip?: boolean;
  hereText?: string;
}

interface Base {
  line: number;
}

export interface CmdNode extends Base {
  type: 'cmd';
  assigns: Word[];
  args: Word[];
  redirs: Redir[];
}
export interface PipeNode extends Base {
  type: 'pipe';
  cmds: Node[];
  bg: boolean;
}
export interface BinNode extends Base {
  type: 'and' | 'or' | 'semi';
  left: Node;
  right: Node;
}
export interface NotNode extends Base {
  type: 'not';
  body: Node;
}
/** bash `{ list; }` (dash keeps only the list; bash prints the braces back). */
export interface GroupNode extends Base {
  type: 'group';
  body: Node | null;
}
/** bash `coproc [NAME] command`: the command runs asynchronously with pipes to the shell. */
export interface CoprocNode extends Base {
  type: 'coproc';
  name: string;
  body: Node;
}
/** bash `time [-p] pipeline` (body null: time nothing). */
export interface TimeNode extends Base {
  type: 'time';
  body: Node | null;
  posix: boolean;
}
/** dash's NREDIR (a compound command with redirections) and NBACKGND (`cmd &`). */
export interface RedirNode extends Base {
  type: 'redir' | 'bg';
  body: Node;
  redirs: Redir[];
}
export interface SubshellNode extends Base {
  type: 'subshell';
  body: Node | null;
  redirs: Redir[];
}
export interface IfNode extends Base {
  type: 'if';
  cond: Node | null;
  then: Node | null;
  else: Node | null;
}
export interface LoopNode extends Base {
  type: 'while' | 'until';
  cond: Node | null;
  body: Node | null;
}
export interface ForNode extends Base {
  type: 'for';
  name: string;
  /** null: `for x; do` / `for x do` iterates "$@". */
  words: Word[] | null;
  body: Node | null;
  /** bash `select name in words`: the same shape, a menu loop. */
  select?: boolean;
}
/** bash `for (( init; test; step ))`: three arithmetic words (empty test means true). */
export interface ArithForNode extends Base {
  type: 'arithfor';
  init: Word;
  test: Word;
  step: Word;
  body: Node | null;
}
export interface CaseItem {
  patterns: Word[];
  body: Node | null;
  /** bash ;& (fall through) and ;;& (test next); dash only has ;; */
  term: ';;' | ';&' | ';;&';
}
export interface CaseNode extends Base {
  type: 'case';
  word: Word;
  items: CaseItem[];
}
export interface FuncNode extends Base {
  type: 'func';
  name: string;
  body: Node;
}
/** bash [[ expr ]] */
export interface CondNode extends Base {
  type: 'cond';
  expr: CondExpr;
}
/** bash (( expr )) */
export interface ArithCmdNode extends Base {
  type: 'arithcmd';
  expr: Word;
}

export type CondExpr =
  | { t: 'and' | 'or'; l: CondExpr; r: CondExpr }
  | { t: 'not' | 'paren'; e: CondExpr }
  | { t: 'unary'; op: string; a: Word }
  | { t: 'binary'; op: string; a: Word; b: Word }
  | { t: 'word'; a: Word };

export type Node =
  | CmdNode | PipeNode | BinNode | NotNode | RedirNode | SubshellNode | IfNode | LoopNode | ForNode
  | CaseNode | FuncNode | CondNode | ArithCmdNode | ArithForNode | TimeNode | GroupNode | CoprocNode;
