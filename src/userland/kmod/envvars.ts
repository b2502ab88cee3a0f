// The process environment as glibc's getenv/setenv/unsetenv see it: `NAME=value` strings in
// order; setenv replaces an existing entry in place and appends a new one.
export class EnvVars {
  private readonly vars: string[];

  constructor(envp: readonly string[]) {
    this.vars = [...envp];
  }

  private find(name: string): number {
    const prefix = `${name}=`;
    return this.vars.findIndex((v) => v.startsWith(prefix));
  }

  get(name: string): string | null {
    const i = this.find(name);
    return i < 0 ? null : this.vars[i].slice(name.length + 1);
  }

  set(name: string, value: string): void {
    const i = this.find(name);
    if (i < 0) this.vars.push(`${name}=${value}`);
    else this.vars[i] = `${name}=${value}`;
  }

  unset(name: string): void {
    const i = this.find(name);
    if (i >= 0) this.vars.splice(i, 1);
  }

  list(): string[] {
    return [...this.vars];
  }
}
