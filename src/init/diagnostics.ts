// The editor's underlines: the lines kmod itself would reject in a modprobe.d file (its own
// kmod_config_parse() messages, from the same parser modprobe uses), and the first error the
// kernel's .ko loader (lib/ko.ts) would report. Shell scripts get none here.
import { parseKo } from '../lib/ko.ts';
import { parseConfigFile } from '../userland/kmod/config.ts';
import { wrappedLines } from '../userland/kmod/lines.ts';
import { DEFAULT_CONFIG_PATHS, isConfName } from '../userland/kmod/confdirs.ts';

export interface LineDiagnostic {
  /** 1-based physical line. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A file directly inside one of the directories libkmod reads configuration from. */
export function inModprobeDir(path: string): boolean {
  const slash = path.lastIndexOf('/');
  return DEFAULT_CONFIG_PATHS.includes(path.slice(0, slash));
}

export function diagnose(path: string, bytes: string): LineDiagnostic[] {
  if (path.endsWith('.ko')) {
    const r = parseKo(bytes);
    return r.ok ? [] : [{ line: Math.max(1, r.line), message: r.message, severity: 'error' }];
  }
  if (!inModprobeDir(path)) return [];
  if (!isConfName(path.slice(path.lastIndexOf('/') + 1))) {
    // conf_files_filter_out(): modprobe skips the whole file, silently.
    return [{ line: 1, message: 'modprobe ignores this file: only names ending in ".conf" are read', severity: 'warning' }];
  }
  return diagnoseConf(path, bytes);
}

function diagnoseConf(path: string, bytes: string): LineDiagnostic[] {
  const part = parseConfigFile(bytes, path);
  if (!part.errors.length) return [];
  // Messages without a line number (deprecated commands) are matched to the lines, in order,
  // whose first word is that command.
  const lines = wrappedLines(bytes);
  const used = new Set<number>();
  const out: LineDiagnostic[] = [];
  for (const e of part.errors) {
    const m = / line (\d+): /.exec(e.text);
    let line = m ? Number(m[1]) : 0;
    const dep = /command (\S+) is deprecated/.exec(e.text);
    if (!line && dep) {
      const hit = lines.find((l) => !used.has(l.line) && l.text.trim().split(/[ \t]+/)[0] === dep[1]);
      if (hit) line = hit.line;
    }
    if (!line) line = 1;
    used.add(line);
    out.push({ line, message: `${e.fn}: ${e.text}`, severity: dep ? 'warning' : 'error' });
  }
  return out;
}
