// Writes `dist/slotwise.js`, the classic script the embed snippet names, after tsup built the ES
// modules into `dist/slotwise/`. The loader is a few hundred bytes: it resolves the entry
// against its own URL (`document.currentScript.src`, so a versioned URL's chunks stay under the
// same versioned folder), adds `<link rel="modulepreload">` for the entry and its static imports
// so the browser fetches them in parallel rather than one after another, then `import()`s the
// entry, and starts each widget's profile request meanwhile (`prefetch`). A classic script may import modules: pages with `<script src=".../slotwise.js" defer>`
// keep working, and no inline script is involved (a strict CSP's `script-src` covers it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const modules = join(dist, 'slotwise');

/** The relative files `text` imports statically (`import…from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
export function staticImports(text) {
  return [...text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

/** The entry module's file name and its whole static graph (entry first). */
export function entryGraph(dir = modules) {
  const entry = readdirSync(dir).find((name) => /^slotwise-[\w]+\.js$/.test(name));
  if (!entry) throw new Error(`No slotwise-<hash>.js in ${dir}: build the widget (tsup) first.`);
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of staticImports(readFileSync(join(dir, name), 'utf8'))) walk(dep);
  };
  walk(entry);
  return [...seen];
}

/**
 * What the loader does for each `<slotwise-booking specialist>` already in the page (a deferred
 * script runs after parsing): starts the profile request the widget will make — the same URL as
 * `profileUrl` in `src/internal/prefetch.ts` builds, unless the widget is already running (the
 * script loaded twice), from the same attributes, the API being the `api` attribute or this
 * script's origin and the zone the one the visitor picked earlier in this tab (`zone-memory.ts`;
 * sessionStorage's first use in a tab waits on the browser process, better here, while the modules
 * are on their way, than in the widget's start), else the `timezone` attribute, each if valid, else
 * the browser's — and leaves the promise of its parsed body (undefined unless a success) in
 * `window.__slotwisePrefetch` for the widget to take: read as soon as it arrives, so when the
 * answer is in before the modules, the widget's first frame already shows it (no loading frame).
 * Then, in a task of its own while the modules and the profile are on their way, it makes the
 * `Intl` formatters the first frame needs, so that their start-up (≈ 20–30 ms: the locale's
 * data) is not paid in the render; the zone comes from `Temporal` where the browser has it (as
 * `detectedTimeZone` reads it), which costs no such start-up. Before that, in a task of its own, it
 * looks up the three faces the first frame sets its text in (`tokens`: bold at 1.5 times the
 * element's font size, normal and bold at that size; in `--slotwise-font` if the page sets it,
 * else `font`) by measuring a word on a canvas that is never attached: the renderer keeps what it
 * found, so the first layout does not wait on those lookups (≈ 5 ms in a fresh page).
 */
const prefetch = (font) => `var p=window.__slotwisePrefetch=window.__slotwisePrefetch||{},o=new URL(b).origin,w=[],E,m,k=z=>{try{new Intl.DateTimeFormat("en-US",{timeZone:z});return 1}catch(x){}};
try{m=sessionStorage.getItem("slotwise:time-zone")}catch(x){}
customElements.get("slotwise-booking")||document.querySelectorAll("slotwise-booking[specialist]").forEach(e=>{var a=n=>e.getAttribute(n),z=[m,a("timezone")].find(x=>x&&k(x)),d=Number(a("duration")),v=a("service"),q;
w.push(e.closest("[lang]")?.getAttribute("lang"));E=E||e;
if(a("booking")&&a("token"))return;
if(!z)try{z=Temporal.Now.timeZoneId()}catch(x){}
z=z||Intl.DateTimeFormat().resolvedOptions().timeZone;
q=(a("api")||o).replace(/\\/+$/,"")+"/v1/specialists/"+encodeURIComponent(a("specialist"))+"?include=slots"+(v?"&service="+encodeURIComponent(v):"")+(d?"&duration="+d:"")+(z?"&timezone="+encodeURIComponent(z):"");
if(!p[q])(p[q]=fetch(q).then(r=>r.ok?r.json():void 0)).catch(()=>{})});
w.length&&setTimeout(()=>{try{var s=getComputedStyle(E),f=s.getPropertyValue("--slotwise-font").trim()||${JSON.stringify(font)},n=parseFloat(s.fontSize)||16,c=document.createElement("canvas").getContext("2d");[[700,n*1.5],[400,n],[700,n]].forEach(([g,y])=>{c.font=g+" "+y+"px "+f;c.measureText("Aa0")})}catch(x){}});
w.length&&setTimeout(()=>{try{var l=(w[0]||"").replace(/_/g,"-")||void 0;new Intl.NumberFormat(l,{style:"currency",currency:"EUR"}).format(1);new Intl.DateTimeFormat(l,{dateStyle:"full"}).format(0)}catch(x){}});`;

/** Writes the loader. Its comment stays short: every visitor downloads it (the entry's name is in the code). */
export async function writeLoader({ font }) {
  const files = entryGraph().map((name) => `slotwise/${name}`);
  const source = `/* Slotwise widget loader */
(()=>{var s=document.currentScript,b=s&&s.src||location.href,u=f=>new URL(f,b).href,h=document.head;
${JSON.stringify(files)}.forEach(f=>{if(!h.querySelector('link[rel=modulepreload][href="'+u(f)+'"]')){var l=document.createElement("link");l.rel="modulepreload";l.href=u(f);h.append(l)}});
${prefetch(font)}
import(u(${JSON.stringify(files[0])})).catch(e=>console.error("Slotwise: could not load "+u(${JSON.stringify(files[0])}),e))})();
`;
  writeFileSync(join(dist, 'slotwise.js'), source);
}
