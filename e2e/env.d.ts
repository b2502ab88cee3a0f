// The page's test hook (src/ui/testhook.ts), as the end-to-end tests see it.
export {};
declare global {
  interface Window {
    __khelper: {
      readScreen(): string;
      size(): { cols: number; rows: number };
      editorText(): string;
      editorPath(): string | null;
      saves(): number;
      saveNow(): Promise<void>;
      timings: { firstOutput: number; firstPrompt: number; engineEarly: boolean };
      settings(): { kernel: { profile: string; modprobePath: string }; speed: number | 'max'; state: string };
      api: {
        examples(): Promise<{ id: string; name: string; steps: number }[]>;
        read(path: string): Promise<{ kind: string; bytes?: string } | { error: string }>;
        ping(n: number): Promise<number>;
        pause(): Promise<void>;
        reset(): Promise<unknown>;
      };
      [k: string]: unknown;
    };
  }
}
