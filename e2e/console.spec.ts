import { test, expect, openPlayground, screen, typeLine, waitScreen, PROMPT_AT_END } from './fixtures.ts';

test('a command typed in the console is answered by the shell', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  expect(await screen(page)).toContain('khelper: a simulated Linux');
  await typeLine(page, 'echo hello khelper');
  await waitScreen(page, /echo hello khelper\nhello khelper\n[^\n]*#$/);
  await typeLine(page, 'uname -r');
  await waitScreen(page, /uname -r\n2\.6\.20-khelper\n/);
  expect(await screen(page)).toMatch(PROMPT_AT_END);
});
