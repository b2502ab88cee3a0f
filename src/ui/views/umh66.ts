// Linux 6.6's kernel/umh.c and kernel/module/kmod.c, function by function (after
// docs kernel-kmod.md §3.1-3.2), with the seed's 2.6.20 counterpart and a link to each identifier
// in Bootlin's Elixir for v6.6. Links go to the identifier search and the file, not to line
// numbers: those could not be checked against the v6.6 tag here.

export const ELIXIR = 'https://elixir.bootlin.com/linux';

export interface MapEntry {
  fn: string;
  file: 'kernel/umh.c' | 'kernel/module/kmod.c';
  /** What the seed (2.6.20 kernel/kmod.c) had in its place. */
  was: string;
  does: string;
}

export const UMH_66: MapEntry[] = [
  { fn: '__request_module', file: 'kernel/module/kmod.c', was: 'request_module (kmod.c:64)',
    does: 'Empty modprobe_path → -ENOENT (since 5.7); formats the name (-ENAMETOOLONG); asks the LSM hook security_kernel_module_request(); takes a kmod_concurrent_max slot with down_timeout(…, 5 s) — on timeout warns "request_module: modprobe NAME cannot be processed, kmod busy with 50 threads for more than 5 seconds now" (ratelimited) and returns -ETIME; fires trace_module_request; call_modprobe(); up().' },
  { fn: 'call_modprobe', file: 'kernel/module/kmod.c', was: 'the argv/envp of request_module (kmod.c:70-73)',
    does: 'Builds argv {modprobe_path, "-q", "--", name} (name kstrdup\'d) and envp HOME=/, TERM=linux, PATH=/sbin:/usr/sbin:/bin:/usr/bin; call_usermodehelper_setup() with free_modprobe_argv as cleanup; call_usermodehelper_exec(info, wait | UMH_KILLABLE).' },
  { fn: 'free_modprobe_argv', file: 'kernel/module/kmod.c', was: '— (argv lived on the stack)',
    does: 'The cleanup callback: frees argv and the copied module name when the subprocess_info is freed.' },
  { fn: 'kmod_concurrent_max', file: 'kernel/module/kmod.c', was: 'kmod_concurrent + max_modprobes (kmod.c:75, 97-99)',
    does: 'DEFINE_SEMAPHORE(kmod_concurrent_max, 50) since 6.4: the 51st request waits (5 s at most) instead of failing with -ENOMEM and "runaway loop".' },
  { fn: 'call_usermodehelper_setup', file: 'kernel/umh.c', was: 'the sub_info initialiser in call_usermodehelper_keys (kmod.c:268)',
    does: 'kzalloc()s a subprocess_info (NULL → the caller returns -ENOMEM), INIT_WORK with call_usermodehelper_exec_work; the path is CONFIG_STATIC_USERMODEHELPER_PATH when configured.' },
  { fn: 'call_usermodehelper_exec', file: 'kernel/umh.c', was: 'call_usermodehelper_keys (kmod.c:264-288)',
    does: 'NULL path → -EINVAL; helper_lock(); usermodehelper_disabled → -EBUSY; empty path → 0; queue_work(system_unbound_wq); UMH_NO_WAIT returns at once; otherwise waits on the completion (killable with UMH_KILLABLE: a SIGKILL returns -ERESTARTSYS and leaves sub_info to the helper); returns sub_info->retval.' },
  { fn: 'call_usermodehelper_exec_work', file: 'kernel/umh.c', was: '__call_usermodehelper (kmod.c:225), run by khelper',
    does: 'Runs in a kworker of the unbound pool (6.6 has no khelper thread): UMH_WAIT_PROC → call_usermodehelper_exec_sync(); otherwise user_mode_thread(call_usermodehelper_exec_async, CLONE_PARENT | SIGCHLD), so kthreadd reaps it.' },
  { fn: 'call_usermodehelper_exec_sync', file: 'kernel/umh.c', was: 'wait_for_helper (kmod.c:180)',
    does: 'Sets SIGCHLD to SIG_DFL ("If SIGCLD is ignored do_wait won\'t populate the status"), starts the helper with user_mode_thread(…, SIGCHLD), kernel_wait()s for it (a zero status keeps the exec error), restores SIG_IGN, umh_complete().' },
  { fn: 'call_usermodehelper_exec_async', file: 'kernel/umh.c', was: '____call_usermodehelper (kmod.c:131)',
    does: 'The helper itself: flush_signal_handlers, umask 0022, nice 0, prepare_kernel_cred with the usermodehelper bset/inheritable caps, the init callback, commit_creds, wait_for_initramfs, kernel_execve(); completes at once unless UMH_WAIT_PROC; do_exit(0) when exec failed.' },
  { fn: 'umh_complete', file: 'kernel/umh.c', was: 'complete(sub_info->complete) (kmod.c:220, 244, 246)',
    does: 'xchg(&sub_info->complete, NULL): wakes the waiter, or frees sub_info when nobody waits any more (UMH_NO_WAIT, or a killed waiter).' },
  { fn: 'call_usermodehelper_freeinfo', file: 'kernel/umh.c', was: '— (on the caller\'s stack)',
    does: 'Runs the cleanup callback and kfree()s the subprocess_info.' },
  { fn: 'call_usermodehelper', file: 'kernel/umh.c', was: 'call_usermodehelper (inline in kmod.h)',
    does: 'setup + exec in one call (GFP_ATOMIC for UMH_NO_WAIT).' },
  { fn: '__usermodehelper_disable', file: 'kernel/umh.c', was: '— (2.6.23+)',
    does: 'Sets the disable depth, then waits up to 5 s for running helpers to finish; still busy → re-enables and returns -EAGAIN (suspend, hibernation).' },
  { fn: '__usermodehelper_set_disable_depth', file: 'kernel/umh.c', was: '—',
    does: 'Changes usermodehelper_disabled (UMH_ENABLED, UMH_FREEZING, UMH_DISABLED) and wakes the tasks waiting for it; boot starts DISABLED.' },
  { fn: 'usermodehelper_read_trylock', file: 'kernel/umh.c', was: '—',
    does: 'For callers that must not start a helper while frozen: -EAGAIN when disabled, waits while freezing.' },
  { fn: 'usermodehelper_read_lock_wait', file: 'kernel/umh.c', was: '—',
    does: 'Sleeps until helpers are enabled or the timeout ends (the firmware loader uses it).' },
  { fn: 'helper_lock', file: 'kernel/umh.c', was: '—',
    does: 'running_helpers++ (helper_unlock wakes __usermodehelper_disable when it drops to 0).' },
  { fn: 'proc_cap_handler', file: 'kernel/umh.c', was: '— (3.0+)',
    does: '/proc/sys/kernel/usermodehelper/{bset,inheritable}: needs CAP_SETPCAP and CAP_SYS_MODULE; a write can only remove capabilities.' },
];

export const identUrl = (fn: string): string => `${ELIXIR}/v6.6/A/ident/${fn}`;
export const fileUrl = (file: string): string => `${ELIXIR}/v6.6/source/${file}`;
/** The seed is Linux 2.6.20's kernel/kmod.c, so its line numbers are the release's. */
export const seedLineUrl = (n: number): string => `${ELIXIR}/v2.6.20/source/kernel/kmod.c#L${n}`;
