import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../../src/init/scenario/parse.ts';
import { ScenarioError } from '../../src/init/scenario/errors.ts';

function err(text: string): string {
  try {
    parseScenario(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('scenario format: rejections name the field and say what was expected', () => {
  it('accepts the contract example shape', () => {
    const s = validateScenario({
      version: 1, name: 'Runaway', description: 'md',
      kernel: { profile: '2.6.20', arch: 'x86_64', release: '2.6.20-khelper', threadsMax: 2048, modprobePath: '/sbin/modprobe', seed: 1 },
      files: { '/etc/modprobe.d/local.conf': 'alias foo bar\n', '/usr/local/sbin/w': { content: '#!/bin/sh\n', mode: '0755' } },
      loaded: ['dummy'],
      steps: [{ sh: 'modprobe -v foo' }, { requestModule: 'net-pf-%d', args: [10] }, { requestModule: 'foo', threads: 60 },
        { callUsermodehelper: { path: '/sbin/hotplug', argv: ['/sbin/hotplug', 'usb'], envp: ['HOME=/'], wait: 1 } },
        { sysctl: { 'kernel.modprobe': '/usr/local/sbin/w', 'kernel.threads-max': '20' } }, { advance: '5s' }],
    });
    expect(s.steps).toHaveLength(6);
  });
  it('bad JSON', () => expect(err('{"version": 1,')).toMatch(/^not valid JSON: /));
  it('not an object', () => expect(err('[1]')).toBe('expected a JSON object (a scenario), got an array'));
  it('missing version', () => expect(err('{}')).toBe('version: missing; expected 1 (the scenario format version)'));
  it('future version', () => expect(err('{"version": 7}')).toBe('version: this scenario uses format version 7, made by a newer khelper; this one reads versions up to 1'));
  it('unknown top-level field', () => expect(err('{"version": 1, "stepz": []}')).toBe('stepz: unknown field "stepz"'));
  it('wrong type', () => expect(err('{"version": 1, "kernel": {"threadsMax": "20"}}')).toBe('kernel.threadsMax: expected number, got "20"'));
  it('bad profile', () => expect(err('{"version": 1, "kernel": {"profile": "5.4"}}')).toMatch(/^kernel\.profile: expected one of "2\.6\.20", "2\.6\.21", "6\.6"/));
  it('unknown step kind', () => expect(err('{"version": 1, "steps": [{"sh": "x"}, {"reboot": true}]}')).toBe('steps[1]: unknown step kind "reboot"; expected exactly one of sh, requestModule, callUsermodehelper, callUsermodehelperPipe, sysctl, advance'));
  it('wrong type inside a step', () => expect(err('{"version": 1, "steps": [{"requestModule": 5}]}')).toBe('steps[0].requestModule: expected string, got 5'));
  it('unknown field inside a step', () => expect(err('{"version": 1, "steps": [{"requestModule": "x", "thread": 2}]}')).toBe('steps[0].thread: unknown field "thread"'));
  it('too many threads', () => expect(err('{"version": 1, "steps": [{"requestModule": "x", "threads": 100001}]}')).toBe('steps[0].threads: expected threads <= 100000, got 100001'));
  it('relative file path', () => expect(err('{"version": 1, "files": {"etc/x": "y"}}')).toMatch(/^files\.etc\/x: expected an absolute path/));
  it('a path with ..', () => expect(err('{"version": 1, "files": {"/etc/../x": "y"}}')).toMatch(/without "\." or "\.\." components/));
  it('a path with NUL', () => expect(err('{"version": 1, "files": {"/etc/x\\u0000y": "y"}}')).toMatch(/without NUL bytes/));
  it('bad duration', () => expect(err('{"version": 1, "steps": [{"advance": "5 parsecs"}]}')).toMatch(/^steps\[0\]\.advance: expected a duration/));
  it('too large', () => expect(err(`{"version": 1, "description": "${'x'.repeat(3 * 1024 * 1024)}"}`)).toMatch(/^the scenario is \d+ bytes; the limit is 2097152$/));
  it('file too large', () => expect(err(`{"version": 1, "files": {"/x": "${'x'.repeat(600 * 1024)}"}}`)).toMatch(/^files\.\/x: expected at most 524288 characters/));
});
