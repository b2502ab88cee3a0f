// The built-in examples: scenarios/*.json in the package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExampleInfo {
  name: string;
  title: string;
}

export class ExampleError extends Error {}

export function listExamples(root: string): ExampleInfo[] {
  const dir = join(root, 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    let title: string;
    try {
      title = String(JSON.parse(readFileSync(join(dir, f), 'utf8')).name ?? '');
    } catch {
      title = '(unreadable)';
    }
    return { name: f.slice(0, -5), title };
  });
}

export function readExample(root: string, name: string): string {
  const path = join(root, 'scenarios', `${name}.json`);
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || !existsSync(path)) {
    const known = listExamples(root).map((e) => e.name).join(', ');
    throw new ExampleError(`unknown example "${name}"${known ? `; try one of: ${known}` : ''}`);
  }
  return readFileSync(path, 'utf8');
}
