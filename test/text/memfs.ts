// A read-only in-memory file tree for replaying recorded tool runs: "d/sub/y.txt" keys imply
// directories "d" and "d/sub".
import { EISDIR, ENOENT, ENOTDIR } from '../../src/uapi/errno.ts';

export class MemFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['.']);

  constructor(files: Record<string, string>) {
    for (const [name, text] of Object.entries(files)) {
      if (name.endsWith('/')) { this.addDir(name.slice(0, -1)); continue; }
      this.files.set(name, text);
      const parts = name.split('/');
      for (let i = 1; i < parts.length; i++) this.addDir(parts.slice(0, i).join('/'));
    }
  }
  private addDir(d: string): void { this.dirs.add(d); }
  private norm(p: string): string { return p.replace(/^\.\//, '').replace(/\/+$/, '') || '.'; }
  isDir(p: string): boolean { return this.dirs.has(this.norm(p)); }
  /** Contents, or -errno. */
  read(p: string): string | number {
    const n = this.norm(p);
    if (this.dirs.has(n)) return -EISDIR;
    const f = this.files.get(n);
    if (f !== undefined) return f;
    const parent = n.split('/').slice(0, -1).join('/');
    if (parent && this.files.has(parent)) return -ENOTDIR;
    return -ENOENT;
  }
  /** Write a file; -ENOENT when its directory does not exist. */
  write(p: string, text: string): number {
    const n = this.norm(p);
    const parent = n.split('/').slice(0, -1).join('/');
    if (parent && !this.dirs.has(parent)) return -ENOENT;
    this.files.set(n, text);
    return 0;
  }
  /** Entry names of a directory, sorted. */
  list(p: string): string[] {
    const n = this.norm(p);
    const pre = n === '.' ? '' : n + '/';
    const out = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k !== '.' && k.startsWith(pre) && k !== n) out.add(k.slice(pre.length).split('/')[0]);
    }
    return [...out].sort();
  }
}

export interface Run { stdout: string; stderr: string; status: number }

export interface GoldenCase {
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  outputs?: string[];
  stdout: string;
  stderr: string;
  status: number;
  outputFiles?: Record<string, string | null>;
}
export interface Golden { files: Record<string, string>; cases: GoldenCase[] }
