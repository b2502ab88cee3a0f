// Monarch grammars for the machine's own file formats: modprobe.d(5) configuration, modules.dep
// and the virtual .ko module format (src/lib/ko.ts). Shell scripts use Monaco's own grammar.
import type { languages } from 'monaco-editor/editor';

/** Every sub-state ends at the next line: an empty match at line start pops back to root. */
const popAtLineStart: languages.IMonarchLanguageRule = [/^/, { token: '', next: '@pop' }];

/** modprobe.d: alias, options, install, remove, blacklist, softdep, weakdep (libkmod-config.c). */
export const modprobeConf: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.modprobe',
  tokenizer: {
    root: [
      // Only a '#' in the first column starts a comment (kmod_config_parse checks line[0]).
      [/^#.*$/, 'comment'],
      [/^(\s*)(alias)\b/, ['white', 'keyword'], '@alias'],
      [/^(\s*)(options)\b/, ['white', 'keyword'], '@options'],
      [/^(\s*)(install|remove)\b/, ['white', 'keyword'], '@command'],
      [/^(\s*)(blacklist)\b/, ['white', 'keyword'], '@module'],
      [/^(\s*)(softdep|weakdep)\b/, ['white', 'keyword'], '@softdep'],
      [/^(\s*)(include|config)\b/, ['white', 'invalid.deprecated']],
      [/^\s*\S+/, 'invalid'],
      [/.+/, ''],
    ],
    alias: [popAtLineStart, [/\s+/, 'white'], [/(\S+)(\s+)(\S+)/, ['string', 'white', 'type.identifier']], [/\S+/, 'string']],
    module: [popAtLineStart, [/\s+/, 'white'], [/\S+/, 'type.identifier']],
    options: [
      popAtLineStart,
      [/^\s+/, 'white'],
      [/(\s+)(\S+)/, ['white', 'type.identifier'], '@params'],
    ],
    params: [
      [/^/, { token: '', next: '@popall' }],
      [/\s+/, 'white'],
      [/([\w.-]+)(=)("[^"]*"|\S*)/, ['variable', 'operator', 'number']],
      [/\S+/, 'variable'],
    ],
    command: [
      popAtLineStart,
      [/(\s+)(\S+)(.*)$/, ['white', 'type.identifier', 'string']],
    ],
    softdep: [
      popAtLineStart,
      [/\s+/, 'white'],
      [/(pre|post):/, 'keyword.operator'],
      [/\S+/, 'type.identifier'],
    ],
  },
};

/** modules.dep: "kernel/fs/fat/vfat.ko: kernel/fs/fat/fat.ko" (depmod's output). */
export const modulesDep: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.modulesdep',
  tokenizer: {
    root: [
      [/^#.*$/, 'comment'],
      [/^([^:\s]+)(:)/, ['type.identifier', 'delimiter']],
      [/\S+\.ko(\.\w+)?/, 'string'],
      [/\s+/, 'white'],
    ],
  },
};

/** The .ko stand-in: key=value header, then [init] / [exit] sections of actions. */
export const koModule: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.ko',
  keywords: ['printk', 'request_module', 'request_module_nowait', 'register_filesystem', 'register_chrdev', 'register_netproto',
    'call_usermodehelper', 'msleep', 'ssleep', 'hang', 'return'],
  tokenizer: {
    root: [
      [/^\s*#.*$/, 'comment'],
      [/^\s*\[(init|exit)\]\s*$/, 'tag'],
      [/^\s*\[[^\]]*\]/, 'invalid'],
      [/^(\s*)([A-Za-z_][\w-]*)(=)(.*)$/, ['white', 'attribute.name', 'delimiter', 'attribute.value']],
      [/^(\s*)([a-z_]+)/, ['white', { cases: { '@keywords': 'keyword', '@default': 'invalid' } }], '@action'],
    ],
    action: [
      popAtLineStart,
      [/KERN_[A-Z]+/, 'type'],
      [/-?E[A-Z0-9]+\b/, 'constant'],
      [/-?\d+/, 'number'],
      [/\S+/, 'string'],
      [/\s+/, 'white'],
    ],
  },
};

export const LANGS: [id: string, grammar: languages.IMonarchLanguage, conf: languages.LanguageConfiguration][] = [
  ['modprobe', modprobeConf, { comments: { lineComment: '#' } }],
  ['modules-dep', modulesDep, { comments: { lineComment: '#' } }],
  ['ko', koModule, { comments: { lineComment: '#' } }],
];
