// Writes `dist/slotwise.js`, the classic script the embed snippet names, after tsup built the ES
// modules into `dist/slotwise/`. First it gives the one chunk of first-load code its stable name,
// `slotwise/core.js` (`nameTheCore`), so that a page can name it in a
// `<link rel="modulepreload">` beside the script tag and the browser fetch it in parallel with
// the loader instead of after it. The loader is a few hundred bytes: it resolves `core.js`
// against its own URL (`document.currentScript.src`, so a versioned URL's chunks stay under the
// same versioned folder), adds that `<link rel="modulepreload">` itself when the page has none,
// then `import()`s it, and starts each widget's profile request meanwhile (`prefetch`). A classic
// script may import modules: pages with `<script src=".../slotwise.js" defer>` keep working, and
// no inline script is involved (a strict CSP's `script-src` covers it).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const modules = join(dist, 'slotwise');

/** The relative files `text` imports statically (`import…from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
export function staticImports(text) {
  return [...text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

/** The stable name of the first-load chunk, under `slotwise/`: what the embed snippet preloads. */
export const CORE = 'core.js';

/**
 * Renames the chunk the entry stub imports (esbuild's `chunk-<hash>.js`: every first-load module,
 * see `tsup.config.ts`) to `core.js`, and every import of it in the folder, its source map's name
 * and comment with it. Each other chunk keeps its hashed name: its bytes change only where it
 * named the core, and two builds whose lazy chunk had one name named the same core, so a hashed
 * name still means the same bytes. `core.js` itself changes with each release under a stable
 * name; the loader carries its hash, so the loader's versioned URL changes with it
 * (`http/middleware/static-files` pins the folder to the loader's version).
 */
export function nameTheCore(dir = modules) {
  const entry = readdirSync(dir).find((name) => /^slotwise-[\w]+\.js$/.test(name));
  if (!entry) throw new Error(`No slotwise-<hash>.js in ${dir}: build the widget (tsup) first.`);
  const imports = staticImports(readFileSync(join(dir, entry), 'utf8'));
  if (imports.length === 1 && imports[0] === CORE) return;
  if (imports.length !== 1) throw new Error(`The entry ${entry} imports ${imports.length} chunks (${imports.join(', ')}); the build must put the first load in one (tsup.config.ts).`);
  const [chunk] = imports;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const renamed = text.replaceAll(`"./${chunk}"`, `"./${CORE}"`).replace(`//# sourceMappingURL=${chunk}.map`, `//# sourceMappingURL=${CORE}.map`);
    if (renamed !== text) writeFileSync(join(dir, name), renamed);
  }
  renameSync(join(dir, chunk), join(dir, CORE));
  const map = JSON.parse(readFileSync(join(dir, `${chunk}.map`), 'utf8'));
  writeFileSync(join(dir, `${CORE}.map`), JSON.stringify({ ...map, file: CORE }));
  rmSync(join(dir, `${chunk}.map`));
}

/** What the loader imports: `core.js` and every chunk it imports statically (core first). */
export function entryGraph(dir = modules) {
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of staticImports(readFileSync(join(dir, name), 'utf8'))) walk(dep);
  };
  walk(CORE);
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

/**
 * Writes the loader: it preloads and imports `slotwise/core.js` (the entry stub only re-imports it;
 * lazy parts import the stub). Its comment stays short, every visitor downloads it; it names the
 * core's hash, so the loader's bytes, and its versioned URL, change whenever the core does.
 */
export async function writeLoader({ font }) {
  nameTheCore();
  const core = `slotwise/${CORE}`;
  const hash = createHash('sha256').update(readFileSync(join(modules, CORE))).digest('hex').slice(0, 12);
  const source = `/* Slotwise widget loader, core ${hash} */
(()=>{var s=document.currentScript,b=s&&s.src||location.href,u=f=>new URL(f,b).href,c=u(${JSON.stringify(core)});
[].some.call(document.querySelectorAll("link[rel=modulepreload]"),l=>l.href==c)||document.head.append(Object.assign(document.createElement("link"),{rel:"modulepreload",href:c}));
${prefetch(font)}
import(c).catch(e=>console.error("Slotwise: could not load "+c,e))})();
`;
  writeFileSync(join(dist, 'slotwise.js'), source);
}
