// A small bounded map for parse results keyed by file content. Programs are re-run many times in
// one machine (the kernel starts modprobe for every request_module), and module-level state
// outlives each run, so an unchanged file is parsed once. The key is the content string the
// kernel returned: a changed file is a different key. Eviction is first-in first-out.
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (!this.map.has(key) && this.map.size >= this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }
}
