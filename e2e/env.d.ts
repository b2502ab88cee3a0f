// The page's test hook (src/ui/testhook.ts), as the end-to-end tests see it.
export {};
declare global {
  interface Window {
    __khelper: { readScreen(): string; [k: string]: unknown };
  }
}
