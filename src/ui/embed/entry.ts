// khelper-embed.js: the <khelper-playground> element for other sites, built as one classic script
// (scripts/sw-precache.js). It sits at the root of the site, beside index.html, so the playground
// it embeds is "./" from the script's own address.
import { defineKhelperPlayground } from './element.ts';

const me = document.currentScript as HTMLScriptElement | null;
defineKhelperPlayground(new URL('./', me?.src || location.href).href);
