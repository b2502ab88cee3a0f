// One tab saves the playground at a time. The tab that holds the Web Lock "khelper-playground"
// saves; another tab opened meanwhile says so and does not save, until the user asks it to take
// over: it then asks the owner (BroadcastChannel) to save one last time and let go, waits for the
// lock (or takes it after a few seconds if the owner does not answer) and reloads with the
// latest saved state. Without Web Locks (old browsers) every tab saves, as before.

const LOCK = 'khelper-playground';
const CHANNEL = 'khelper-playground';
/** How long a take-over waits for the owner to let go before taking the lock anyway. */
const STEAL_AFTER_MS = 3000;

export interface TabEvents {
  /** This tab saves from now on. */
  owner(): void;
  /** Another tab saves; this one must not. */
  busy(): void;
  /** Another tab took over: stop saving (after `flush`). */
  lost(): void;
  /** Save one last time before letting go. */
  flush(): Promise<void>;
}

export interface TabGuard {
  /** Become the saving tab: the owner saves and lets go, then this page reloads with its state. */
  takeOver(): Promise<void>;
}

export function guardTab(ev: TabEvents, reload: () => void = () => location.reload()): TabGuard {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) {
    ev.owner();
    return { takeOver: async () => undefined };
  }
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : null;
  let release: (() => void) | null = null;

  /** Hold the lock for the page's life (or until released); false when another tab holds it. */
  const hold = (opts: LockOptions): Promise<boolean> => new Promise((resolve) => {
    locks.request(LOCK, opts, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise<void>((done) => {
        release = done;
      });
    }).catch((e: unknown) => {
      // Another tab stole the lock (an owner that did not answer in time).
      if ((e as Error)?.name === 'AbortError') ev.lost();
    });
  });

  channel?.addEventListener('message', (m: MessageEvent<unknown>) => {
    if (m.data !== 'take-over' || !release) return;
    const done = release;
    release = null;
    void ev.flush().finally(() => {
      ev.lost();
      done();
    });
  });

  void hold({ ifAvailable: true }).then((mine) => (mine ? ev.owner() : ev.busy()));

  return {
    async takeOver() {
      channel?.postMessage('take-over');
      const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), STEAL_AFTER_MS));
      const got = await Promise.race([hold({}).then(() => 'got' as const), timer]);
      if (got === 'late') await hold({ steal: true });
      reload();
    },
  };
}
