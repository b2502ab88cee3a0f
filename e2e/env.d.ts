// The page's test hook (src/ui/testhook.ts), as the end-to-end tests see it.
export {};
declare global {
  interface Window {
    __khelper: {
      readScreen(): string;
      editorText(): string;
      editorPath(): string | null;
      saves(): number;
      timings: { firstOutput: number; firstPrompt: number };
      settings(): { kernel: { profile: string; modprobePath: string }; speed: number | 'max'; state: string };
      api: {
        examples(): Promise<{ id: string; name: string; steps: number }[]>;
        read(path: string): Promise<{ kind: string; bytes?: string } | { error: string }>;
      };
      [k: string]: unknown;
    };
  }
}
