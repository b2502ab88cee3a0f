// khelper-embed.js: the <khelper-playground> element for other sites, built as one classic script
// (scripts/sw-precache.js). It sits at the root of the site, beside index.html, so the playground
// it embeds is "./" from the script's own address.
import { defineKhelperPlayground } from './element.ts';

// document.currentScript is set while a classic script runs; loaded as a module it is null, so
// look for the script by name.
const me = (document.currentScript ?? document.querySelector('script[src*="khelper-embed.js"]')) as HTMLScriptElement | null;
defineKhelperPlayground(new URL('./', me?.src || location.href).href);
