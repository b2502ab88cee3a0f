/// <reference types="vite/client" />
// The built-in examples: every scenarios/*.json of the repository, bundled into the worker as
// text (they are small) and read with the scenario loader when listed or loaded.
const files = import.meta.glob('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ExampleText {
  /** The file name without .json. */
  id: string;
  text: string;
}

export function exampleTexts(): ExampleText[] {
  return Object.entries(files)
    .map(([path, text]) => ({ id: path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, ''), text }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
