// What a distribution's boot does when modules.dep is missing or stale (Debian's kmod service
// runs `depmod -a`): build /lib/modules/<release>/modules.* from the .ko files there, with the
// kmod tools' own depmod computation. A scenario that brings its own modules.dep keeps it.
import { parseKo } from '../lib/ko.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { kList, kReadFile, kStat, kWriteFile } from '../kernel/vfs_api.ts';
import { depmod } from '../userland/kmod/depmod-core.ts';
import type { DepmodModule } from '../userland/kmod/depmod-core.ts';

export function depmodAtBoot(k: Kernel): void {
  const base = `/lib/modules/${k.config.release}`;
  if (typeof kStat(k, `${base}/modules.dep`) !== 'number') return;
  const mods: DepmodModule[] = [];
  const stack = [base];
  while (stack.length) {
    const dir = stack.pop()!;
    const entries = kList(k, dir);
    if (typeof entries === 'number') continue;
    for (const e of entries.sort((a, b) => (a.name < b.name ? 1 : -1))) {
      if ((e.mode & 0o170000) === 0o040000) stack.push(e.path);
      else if (e.name.endsWith('.ko')) {
        const data = kReadFile(k, e.path);
        const parsed = typeof data === 'string' ? parseKo(data) : null;
        const dot = e.name.indexOf('.');
        mods.push({
          path: e.path, relpath: e.path.slice(base.length + 1), name: e.name.slice(0, dot).replace(/-/g, '_'),
          info: parsed && parsed.ok ? parsed.image.info : null,
        });
      }
    }
  }
  if (!mods.length) return;
  const order = kReadFile(k, `${base}/modules.order`);
  const builtin = kReadFile(k, `${base}/modules.builtin.modinfo`);
  const r = depmod(mods, typeof order === 'string' ? order : null, typeof builtin === 'string' ? builtin : null, { verbose: false, printUnknown: false });
  if (!r.ok) return;
  for (const f of r.files) kWriteFile(k, `${base}/${f.name}`, f.content);
}
