// kmod's logging (tools/log.c and libkmod's default log_filep()). Tools print
// `<prog>: <LEVEL>: <text>` on stderr when the priority is within the threshold; a printed
// FATAL (LOG_CRIT) line exits at once with status 1. Before the tool hands libkmod its log
// function, libkmod prints its own errors as `libkmod: <LEVEL>: <function>: <text>` at threshold
// LOG_ERR, which -q cannot silence (config-parse errors happen then). With -s, or when stderr is
// closed, lines go to syslog instead; see KmodHost.console for where that lands.
import type { UserGen } from '../../uapi/syscalls.ts';
import type { KmodHost } from './host.ts';

export const LOG_EMERG = 0, LOG_ALERT = 1, LOG_CRIT = 2, LOG_ERR = 3, LOG_WARNING = 4, LOG_NOTICE = 5,
  LOG_INFO = 6, LOG_DEBUG = 7;

/** Thrown to leave a tool at once (exit() in C); the program's main catches it. */
export class KmodExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function toolPrio(prio: number): string {
  switch (prio) {
    case LOG_CRIT: return 'FATAL';
    case LOG_ERR: return 'ERROR';
    case LOG_WARNING: return 'WARNING';
    case LOG_NOTICE: return 'NOTICE';
    case LOG_INFO: return 'INFO';
    case LOG_DEBUG: return 'DEBUG';
    default: return `LOG-${String(prio).padStart(3, '0')}`;
  }
}

function libkmodPrio(prio: number): string {
  const names = ['EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFO', 'DEBUG'];
  return names[prio] ?? `L:${prio}`;
}

export class Logger {
  /** tools/log.c's threshold: LOG_WARNING until log_setup_kmod_log(). */
  private threshold = LOG_WARNING;
  /** ctx->log_priority: LOG_ERR until the tool sets it. */
  private kmodPriority = LOG_ERR;
  private kmodHooked = false;
  private syslog = false;

  constructor(private readonly host: KmodHost, readonly prog: string) {}

  /** log_open(): choose syslog for the tool's own lines and for libkmod's once hooked. */
  open(useSyslog: boolean): void {
    this.syslog = useSyslog;
  }

  /** KMOD_LOG in the environment overrides libkmod's priority when the context is created. */
  setKmodPriority(priority: number): void {
    this.kmodPriority = priority;
  }

  /** log_setup_kmod_log(ctx, priority). */
  setup(priority: number): void {
    this.threshold = priority;
    this.kmodPriority = priority;
    this.kmodHooked = true;
  }

  private *emit(prio: number, text: string): UserGen<void> {
    const name = toolPrio(prio);
    if (this.syslog) yield* this.host.console(`${this.prog}: ${name}: ${text}`);
    else yield* this.host.write(2, `${this.prog}: ${name}: ${text}`);
  }

  /** log_printf(): the tool's ERR()/WRN()/LOG(). A printed LOG_CRIT line exits with 1. */
  *printf(prio: number, text: string): UserGen<void> {
    if (prio > this.threshold) return;
    yield* this.emit(prio, text);
    if (prio <= LOG_CRIT) throw new KmodExit(1);
  }

  /** libkmod's ERR()/INFO() from function `fn`. */
  *kmod(prio: number, fn: string, text: string): UserGen<void> {
    if (prio > this.kmodPriority) return;
    if (this.kmodHooked) yield* this.emit(prio, text);
    else yield* this.host.write(2, `libkmod: ${libkmodPrio(prio)}: ${fn}: ${text}`);
  }

  *err(text: string): UserGen<void> {
    yield* this.printf(LOG_ERR, text);
  }

  *warn(text: string): UserGen<void> {
    yield* this.printf(LOG_WARNING, text);
  }
}
