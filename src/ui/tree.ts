// The file tree of the machine's filesystem (ARIA tree with a roving tabindex): open, create,
// rename, delete, toggle executable. Directories load when expanded and reload when the machine
// changes something inside them.
import type { Remote } from 'comlink';
import type { FileEntry, MachineApi } from '../worker/api.ts';

export interface TreeDeps {
  api: Remote<MachineApi>;
  open(path: string): void;
  status(msg: string): void;
  /** The expanded set changed, or a file operation was made (save the state). */
  changed(): void;
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const join = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

export class FileTree {
  readonly expanded: Set<string>;
  private readonly dirs = new Map<string, FileEntry[]>();
  private selected = '/';
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Set<string>();
  private readonly ul = document.getElementById('tree') as HTMLUListElement;

  constructor(private readonly d: TreeDeps, expanded: string[]) {
    this.expanded = new Set(['/', ...expanded]);
    this.ul.addEventListener('keydown', (e) => this.key(e));
    const on = (id: string, f: () => void): void => document.getElementById(id)!.addEventListener('click', f);
    on('tree-new', () => void this.create(false));
    on('tree-mkdir', () => void this.create(true));
    on('tree-rename', () => void this.rename());
    on('tree-delete', () => void this.remove());
    on('tree-exec', () => void this.toggleExec());
    on('tree-refresh', () => void this.reloadAll());
  }

  async reloadAll(): Promise<void> {
    this.dirs.clear();
    await Promise.all([...this.expanded].map((p) => this.load(p)));
    this.render();
  }

  private async load(dir: string): Promise<void> {
    const r = await this.d.api.list(dir);
    if ('error' in r) {
      this.dirs.delete(dir);
      this.expanded.delete(dir);
    } else {
      this.dirs.set(dir, r);
    }
  }

  /** Paths the machine changed: reload the expanded directories that hold them (batched). */
  machineChanged(paths: string[]): void {
    for (const p of paths) {
      const dir = parentOf(p);
      if (this.expanded.has(dir)) this.pending.add(dir);
    }
    if (!this.pending.size || this.refreshTimer !== null) return;
    this.refreshTimer = setTimeout(async () => {
      this.refreshTimer = null;
      const dirs = [...this.pending];
      this.pending.clear();
      await Promise.all(dirs.map((p) => this.load(p)));
      this.render();
    }, 120);
  }

  async reveal(path: string): Promise<void> {
    const parts = path.split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length - 1; i++) {
      cur = join(cur, parts[i]);
      if (!this.expanded.has(cur)) {
        this.expanded.add(cur);
        await this.load(cur);
      }
    }
    await this.load(parentOf(path));
    this.selected = path;
    this.render();
  }

  private entry(path: string): FileEntry | undefined {
    return this.dirs.get(parentOf(path))?.find((e) => e.path === path);
  }

  render(): void {
    const hadFocus = this.ul.contains(document.activeElement);
    const rootLi = this.item({ name: '/', path: '/', kind: 'dir', mode: 0o755, size: 0 }, 1);
    this.ul.replaceChildren(rootLi);
    const items = this.items();
    if (!items.some((li) => li.dataset.path === this.selected)) this.selected = '/';
    for (const li of items) {
      const on = li.dataset.path === this.selected;
      li.tabIndex = on ? 0 : -1;
      li.setAttribute('aria-selected', String(on));
      if (on && hadFocus) li.focus();
    }
  }

  private item(e: FileEntry, level: number): HTMLLIElement {
    const li = document.createElement('li');
    li.setAttribute('role', 'treeitem');
    li.setAttribute('aria-level', String(level));
    li.dataset.path = e.path;
    li.dataset.kind = e.kind;
    const row = document.createElement('div');
    row.className = 'row';
    row.style.paddingLeft = `${(level - 1) * 12 + 4}px`;
    const twisty = document.createElement('span');
    twisty.className = 'twisty';
    twisty.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.textContent = e.name;
    row.append(twisty, name);
    const exec = e.kind === 'file' && (e.mode & 0o111) !== 0;
    if (exec) {
      const x = document.createElement('span');
      x.className = 'exec';
      x.textContent = '✱';
      x.title = 'executable';
      row.append(x);
    }
    if (e.kind === 'link') {
      const t = document.createElement('span');
      t.className = 'meta';
      t.textContent = `→ ${e.target ?? ''}`;
      row.append(t);
    }
    li.setAttribute('aria-label', `${e.name}${e.kind === 'dir' ? '' : exec ? ', executable' : ''}${e.kind === 'link' ? `, link to ${e.target}` : ''}`);
    li.append(row);
    row.addEventListener('click', (ev) => {
      ev.stopPropagation();
      this.select(e.path);
      if (e.kind === 'dir') void this.toggle(e.path);
      else this.d.open(e.path);
    });
    if (e.kind === 'dir') {
      const open = this.expanded.has(e.path);
      li.setAttribute('aria-expanded', String(open));
      twisty.textContent = open ? '▾' : '▸';
      const kids = this.dirs.get(e.path);
      if (open && kids) {
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        for (const k of kids) group.append(this.item(k, level + 1));
        li.append(group);
      }
    }
    return li;
  }

  private items(): HTMLLIElement[] {
    return [...this.ul.querySelectorAll<HTMLLIElement>('li[role="treeitem"]')];
  }

  private select(path: string, focus = false): void {
    this.selected = path;
    for (const li of this.items()) {
      const on = li.dataset.path === path;
      li.tabIndex = on ? 0 : -1;
      li.setAttribute('aria-selected', String(on));
      if (on && focus) li.focus();
    }
  }

  private async toggle(path: string, open?: boolean): Promise<void> {
    const want = open ?? !this.expanded.has(path);
    if (want) {
      this.expanded.add(path);
      await this.load(path);
    } else if (path !== '/') {
      this.expanded.delete(path);
    }
    this.render();
    this.d.changed();
  }

  private key(e: KeyboardEvent): void {
    const items = this.items();
    const i = items.findIndex((li) => li.dataset.path === this.selected);
    const cur = items[i];
    if (!cur) return;
    const isDir = cur.dataset.kind === 'dir';
    const go = (j: number): void => this.select(items[Math.max(0, Math.min(items.length - 1, j))].dataset.path!, true);
    switch (e.key) {
      case 'ArrowDown': go(i + 1); break;
      case 'ArrowUp': go(i - 1); break;
      case 'Home': go(0); break;
      case 'End': go(items.length - 1); break;
      case 'ArrowRight':
        if (isDir && !this.expanded.has(this.selected)) void this.toggle(this.selected, true);
        else if (isDir) go(i + 1);
        break;
      case 'ArrowLeft':
        if (isDir && this.expanded.has(this.selected) && this.selected !== '/') void this.toggle(this.selected, false);
        else this.select(parentOf(this.selected), true);
        break;
      case 'Enter': case ' ':
        if (isDir) void this.toggle(this.selected);
        else this.d.open(this.selected);
        break;
      case 'F2': void this.rename(); break;
      case 'Delete': void this.remove(); break;
      default: return;
    }
    e.preventDefault();
  }

  /** The directory new files go to: the selection, or the selected file's directory. */
  private targetDir(): string {
    const e = this.entry(this.selected);
    return this.selected === '/' || e?.kind === 'dir' ? this.selected : parentOf(this.selected);
  }

  private async create(dir: boolean): Promise<void> {
    const base = this.targetDir();
    const path = window.prompt(dir ? 'New folder (full path):' : 'New file (full path):', base === '/' ? '/' : `${base}/`);
    if (!path || path.endsWith('/')) return;
    const exists = await this.d.api.read(path);
    if (!('error' in exists) || exists.error !== 'No such file or directory') {
      this.d.status(`${path} already exists`);
      return;
    }
    const r = dir ? await this.d.api.mkdir(path) : await this.d.api.write(path, '', 0o644);
    if (!r.ok) return this.d.status(`Cannot create ${path}: ${r.error}`);
    await this.reveal(path);
    this.d.changed();
    if (!dir) this.d.open(path);
  }

  private async rename(): Promise<void> {
    const from = this.selected;
    if (from === '/') return;
    const to = window.prompt(`Rename ${from} to:`, from);
    if (!to || to === from) return;
    const r = await this.d.api.rename(from, to);
    if (!r.ok) return this.d.status(`Cannot rename ${from}: ${r.error}`);
    await this.load(parentOf(from));
    await this.reveal(to);
    this.d.changed();
  }

  private async remove(): Promise<void> {
    const path = this.selected;
    if (path === '/' || !window.confirm(`Delete ${path}${this.entry(path)?.kind === 'dir' ? ' and everything in it' : ''}?`)) return;
    const r = await this.d.api.remove(path);
    if (!r.ok) return this.d.status(`Cannot delete ${path}: ${r.error}`);
    this.selected = parentOf(path);
    await this.load(parentOf(path));
    this.render();
    this.d.changed();
  }

  private async toggleExec(): Promise<void> {
    const e = this.entry(this.selected);
    if (!e || e.kind !== 'file') return this.d.status('Select a file to make it executable (or not)');
    const mode = e.mode & 0o111 ? e.mode & ~0o111 : e.mode | 0o111;
    const r = await this.d.api.chmod(e.path, mode);
    if (!r.ok) return this.d.status(`Cannot chmod ${e.path}: ${r.error}`);
    await this.load(parentOf(e.path));
    this.render();
    this.d.status(`${e.path} is ${mode & 0o111 ? 'now' : 'no longer'} executable`);
    this.d.changed();
  }
}
