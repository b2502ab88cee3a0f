// Trace events, named after Linux tracepoints. Each event carries the virtual time t (ns), the
// pid and comm of the task it happened in (as ftrace's "comm-pid" prefix), and, where it mirrors a
// line of the seed (Linux 2.6.20 kernel/kmod.c), src: "kmod.c:NNN".
export type FieldKind = 'int' | 'str' | 'strs';

export interface EventSchema {
  readonly name: string;
  readonly fields: readonly (readonly [string, FieldKind])[];
}

/** Every event the kernel emits, with its fields in ftrace print order. */
export const EVENTS = [
  { name: 'sched_process_fork', fields: [['comm', 'str'], ['parent_pid', 'int'], ['child_comm', 'str'], ['child_pid', 'int'], ['clone_flags', 'int']] },
  { name: 'sched_process_exec', fields: [['filename', 'str'], ['pid', 'int'], ['old_pid', 'int'], ['argv', 'strs'], ['envp', 'strs'], ['ret', 'int']] },
  { name: 'sched_process_exit', fields: [['comm', 'str'], ['pid', 'int'], ['status', 'int']] },
  { name: 'sched_process_wait', fields: [['comm', 'str'], ['pid', 'int'], ['child_pid', 'int'], ['status', 'int']] },
  { name: 'sched_process_free', fields: [['comm', 'str'], ['pid', 'int']] },
  { name: 'sched_switch', fields: [['prev_comm', 'str'], ['prev_pid', 'int'], ['prev_state', 'str'], ['next_comm', 'str'], ['next_pid', 'int']] },
  { name: 'sched_wakeup', fields: [['comm', 'str'], ['pid', 'int']] },
  { name: 'task_rename', fields: [['pid', 'int'], ['oldcomm', 'str'], ['newcomm', 'str']] },
  { name: 'signal_generate', fields: [['sig', 'int'], ['pid', 'int'], ['comm', 'str'], ['result', 'str']] },
  { name: 'signal_deliver', fields: [['sig', 'int'], ['action', 'str']] },
  { name: 'workqueue_queue_work', fields: [['workqueue', 'str'], ['function', 'str'], ['work', 'int']] },
  { name: 'workqueue_execute_start', fields: [['workqueue', 'str'], ['function', 'str'], ['work', 'int']] },
  { name: 'workqueue_execute_end', fields: [['function', 'str'], ['work', 'int']] },
  { name: 'module_request', fields: [['name', 'str'], ['wait', 'int']] },
  { name: 'module_request_ret', fields: [['name', 'str'], ['ret', 'int']] },
  { name: 'module_load', fields: [['name', 'str'], ['params', 'str']] },
  { name: 'module_free', fields: [['name', 'str']] },
  { name: 'module_init_ret', fields: [['name', 'str'], ['ret', 'int']] },
  { name: 'umh_call', fields: [['path', 'str'], ['wait', 'int']] },
  { name: 'umh_ret', fields: [['path', 'str'], ['ret', 'int']] },
  { name: 'completion_complete', fields: [['what', 'str']] },
  { name: 'completion_wait', fields: [['what', 'str']] },
  { name: 'sem_down', fields: [['name', 'str'], ['count', 'int'], ['ret', 'int']] },
  { name: 'sem_up', fields: [['name', 'str'], ['count', 'int']] },
  { name: 'kmod_concurrent', fields: [['count', 'int'], ['max', 'int']] },
  { name: 'sys_enter', fields: [['name', 'str'], ['args', 'str']] },
  { name: 'sys_exit', fields: [['name', 'str'], ['ret', 'int']] },
  { name: 'printk', fields: [['level', 'int'], ['msg', 'str']] },
  { name: 'kmod_line', fields: [['fn', 'str']] },
  { name: 'uevent', fields: [['action', 'str'], ['devpath', 'str'], ['subsystem', 'str']] },
  { name: 'coredump', fields: [['sig', 'int'], ['pattern', 'str'], ['ret', 'int']] },
  { name: 'step', fields: [['index', 'int'], ['kind', 'str']] },
] as const satisfies readonly EventSchema[];

export type EventName = (typeof EVENTS)[number]['name'];

/** A decoded event, as our JSON trace exports it. */
export interface TraceEvent {
  t: number;
  event: string;
  /** The pid of the task the event happened in (ftrace's common_pid); 0 for the idle context. */
  cpid: number;
  comm: string;
  /** The comm of the task the event happened in, when the event has a `comm` field of its own. */
  ccomm?: string;
  src?: string;
  [field: string]: unknown;
}
