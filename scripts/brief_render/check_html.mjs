// Loads mizan briefing pages in Debian's Chromium (through playwright-core, no downloaded
// browser) and checks that the Arabic is laid out right to left, that nothing overflows,
// that no script runs and that Arabic glyphs come from a font that has them.
//
//   node check_html.mjs [--out DIR] KIND:NAME:FILE.html ...
//
// KIND is `mizan` (a page from `mizan brief --format html`: Arabic cells are td.ar) or
// `pandoc` (pandoc's HTML of a Markdown briefing wrapped in a minimal page: Arabic sits in
// span[dir=rtl]; pandoc's unstyled tables are not mizan's layout, so overflow there is only
// reported). A full-page screenshot of each page goes to DIR/NAME.png.
// Exit status: 0 when every check passed, 1 when any failed, 2 on a usage or launch error.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

const args = process.argv.slice(2);
let outDir = "target/brief-render";
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--out") { outDir = args[++i]; continue; }
  const m = /^(mizan|pandoc):([\w.-]+):(.+)$/.exec(args[i]);
  if (!m) { console.error(`usage: node check_html.mjs [--out DIR] (mizan|pandoc):NAME:FILE.html ...`); process.exit(2); }
  pages.push({ kind: m[1], name: m[2], file: resolve(m[3]) });
}
if (!pages.length) { console.error("no page given"); process.exit(2); }

// Everything below `check` runs inside the page.
function inPage({ kind }) {
  const failures = [];
  const notes = [];
  const fail = (check, msg) => failures.push(`(${check}) ${msg}`);
  const snip = (el, n = 90) => {
    const t = (el.textContent || "").replace(/\s+/g, " ").trim();
    return JSON.stringify(t.length > n ? t.slice(0, n) + "…" : t);
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let p = e.localName;
      if (e.id) { p += "#" + e.id; parts.unshift(p); break; }
      if (e.className && typeof e.className === "string") p += "." + e.className.trim().split(/\s+/).join(".");
      const sibs = e.parentElement ? [...e.parentElement.children].filter((s) => s.localName === e.localName) : [];
      if (sibs.length > 1) p += `:nth-of-type(${sibs.indexOf(e) + 1})`;
      parts.unshift(p);
    }
    return parts.join(" > ");
  };

  // Arabic containers: mizan's td.ar, or pandoc's span[dir=rtl].
  const arabic = [...document.querySelectorAll(kind === "mizan" ? "td.ar" : 'span[dir="rtl"]')];
  const stats = { arabicCells: arabic.length, arabicWithLetters: 0, checkedOrder: 0, tds: 0 };
  if (!arabic.length) fail("a", `no Arabic cell found (${kind === "mizan" ? "td.ar" : 'span[dir="rtl"]'})`);
  if (kind === "mizan") {
    // Every td that carries dir=rtl must be a td.ar, and the other way round.
    for (const td of document.querySelectorAll('td[dir="rtl"]:not(.ar)')) fail("a", `td[dir=rtl] without class ar at ${path(td)}: ${snip(td)}`);
  }

  // (a) direction
  const htmlDir = getComputedStyle(document.documentElement).direction;
  if (htmlDir !== "ltr") fail("a", `<html> has computed direction ${htmlDir}, expected ltr`);
  for (const el of arabic) {
    const d = getComputedStyle(el).direction;
    if (d !== "rtl") fail("a", `${path(el)} has computed direction ${d}, expected rtl: ${snip(el)}`);
  }

  // (b) the first Arabic letter of a cell sits to the right of its last Arabic letter on the
  // same line, or on a higher line.
  const isArabicLetter = /(?=\p{Script=Arabic})\p{L}/u;
  const letterRange = (el, which) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.data;
      for (let i = 0; i < s.length; i++) {
        if (isArabicLetter.test(s[i])) { hits.push([n, i]); if (which === "first") break; }
      }
      if (which === "first" && hits.length) break;
    }
    if (!hits.length) return null;
    const [node, i] = which === "first" ? hits[0] : hits[hits.length - 1];
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const rect = r.getBoundingClientRect();
    return { rect, ch: node.data[i] };
  };
  for (const el of arabic) {
    const first = letterRange(el, "first");
    if (!first) continue;
    stats.arabicWithLetters++;
    const last = letterRange(el, "last");
    const a = first.rect, b = last.rect;
    if (a.width === 0 && a.height === 0) { fail("b", `first Arabic letter of ${path(el)} has no box: ${snip(el)}`); continue; }
    if (a.left === b.left && a.top === b.top && a.width === b.width) continue; // one letter only
    stats.checkedOrder++;
    const lineH = Math.max(4, Math.min(a.height, b.height));
    const sameLine = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < lineH / 2;
    const ok = sameLine ? (a.left + a.right) / 2 > (b.left + b.right) / 2 : a.bottom <= b.top + lineH / 2;
    if (!ok) {
      fail("b", `Arabic does not run right to left in ${path(el)}: first letter "${first.ch}" at x=${a.left.toFixed(0)},y=${a.top.toFixed(0)}, ` +
        `last letter "${last.ch}" at x=${b.left.toFixed(0)},y=${b.top.toFixed(0)} (${sameLine ? "same line" : "lower line first"}): ${snip(el)}`);
    }
  }

  // (c) overflow
  const overflow = [];
  const docW = document.documentElement.scrollWidth;
  if (docW > window.innerWidth) overflow.push(`page is ${docW}px wide in a ${window.innerWidth}px viewport (documentElement.scrollWidth)`);
  for (const td of document.querySelectorAll("td, th")) {
    stats.tds++;
    if (td.scrollWidth > td.clientWidth + 1) overflow.push(`${path(td)} scrollWidth ${td.scrollWidth} > clientWidth ${td.clientWidth}: ${snip(td)}`);
  }
  if (kind === "mizan") for (const o of overflow) fail("c", o);
  else for (const o of overflow) notes.push(`(c, not checked for pandoc's unstyled tables) ${o}`);

  // (d) no script, no event handler attribute, no link an article could have planted
  if (document.scripts.length !== 0) fail("d", `${document.scripts.length} <script> element(s) in the DOM: ${[...document.scripts].map((s) => s.outerHTML.slice(0, 80)).join(" | ")}`);
  for (const el of document.querySelectorAll("*")) {
    for (const at of el.attributes) if (/^on/i.test(at.name)) fail("d", `event handler attribute ${at.name} on ${path(el)}`);
  }
  if (kind === "mizan") {
    for (const a of document.querySelectorAll("a[href]")) fail("d", `link in a mizan page: ${a.outerHTML.slice(0, 120)}`);
  } else {
    for (const a of document.querySelectorAll("a[href]")) notes.push(`(d) pandoc made a link: ${a.outerHTML.slice(0, 100)}${a.outerHTML.length > 100 ? "…" : ""}`);
  }
  // Bidi embeddings, overrides and isolates must not reach the page (mizan shows them as ⟨U+202E⟩).
  const bidi = /[\u202A-\u202E\u2066-\u2069]/u;
  const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    const m = bidi.exec(n.data);
    if (m) fail("a", `bidi control U+${m[0].codePointAt(0).toString(16).toUpperCase()} in the text of ${path(n.parentElement)}: ${snip(n.parentElement)}`);
  }

  // (f) tables are rectangular: every row has as many cells as the table has columns.
  for (const table of document.querySelectorAll("table")) {
    const cols = table.querySelectorAll(":scope > colgroup > col").length;
    const rows = [...table.rows];
    const width = (tr) => [...tr.cells].reduce((s, c) => s + (c.colSpan || 1), 0);
    const want = cols || (rows.length ? width(rows[0]) : 0);
    for (const tr of rows) if (width(tr) !== want) fail("f", `${path(tr)} has ${width(tr)} cells, the table has ${want} columns: ${snip(tr)}`);
  }

  const text = document.body.innerText;
  return { failures, notes, stats, text, docW, innerW: window.innerWidth };
}

// (e) Arabic glyphs come from a font that has them. For each font-family stack the Arabic
// cells use, a probe of Arabic letters only (same stack, lang=ar) goes into the page and
// Chromium says which platform font drew it (CSS.getPlatformFontsForNode, the DevTools
// protocol: the font actually used after fallback, not the one asked for). Then a shaping test
// on that stack: a real Arabic font gives letters different widths (alef is narrow, sheen wide)
// and joins them (three joined behs are narrower than three isolated ones); missing glyphs come
// out as equal-width boxes that do not join. document.fonts.check() is no use here: it answers
// true for a system font that is not installed at all.
async function fontCheck(page, kind) {
  const failures = [];
  const sel = kind === "mizan" ? "td.ar" : 'span[dir="rtl"]';
  const stacks = await page.evaluate((sel) => {
    const seen = new Map();
    for (const el of document.querySelectorAll(sel)) {
      const cs = getComputedStyle(el);
      const key = cs.fontFamily;
      if (!seen.has(key)) seen.set(key, { fontFamily: cs.fontFamily, fontSize: cs.fontSize, cells: 0 });
      seen.get(key).cells++;
    }
    let i = 0;
    for (const s of seen.values()) {
      const probe = document.createElement("span");
      probe.id = `mizan-font-probe-${i}`;
      s.id = probe.id;
      i++;
      probe.lang = "ar";
      probe.dir = "rtl";
      probe.style.cssText = "position:absolute;left:0;top:0;white-space:pre;font-kerning:none";
      probe.style.fontFamily = s.fontFamily;
      probe.style.fontSize = "32px";
      probe.textContent = "شمس ببب الأخبار";
      document.body.append(probe);
    }
    return [...seen.values()];
  }, sel);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  for (const s of stacks) {
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: `#${s.id}` });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    s.platform = fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`);
  }
  await cdp.detach();
  const shaping = await page.evaluate((stacks) => stacks.map((s) => {
    const probe = document.getElementById(s.id);
    const w = (t) => { probe.textContent = t; return probe.getBoundingClientRect().width; };
    const alef = w("ا"), sheen = w("ش"), joined = w("ببب"), isolated = w("ب ب ب") - 2 * w(" ");
    probe.remove();
    return { sheenOverAlef: +(sheen / Math.max(alef, 0.01)).toFixed(2), joinedOverIsolated: +(joined / Math.max(isolated, 0.01)).toFixed(2) };
  }), stacks);
  stacks.forEach((s, i) => Object.assign(s, shaping[i]));
  if (!stacks.length) failures.push("(e) no Arabic cell to check the font of");
  for (const s of stacks) {
    if (!s.platform.length) failures.push(`(e) Chromium reports no font drawing Arabic for font-family ${s.fontFamily}`);
    if (!(s.sheenOverAlef > 1.3 && s.joinedOverIsolated < 0.9)) {
      failures.push(`(e) Arabic in font-family ${s.fontFamily} (drawn by ${s.platform.join(", ") || "nothing"}) looks like missing glyphs: ` +
        `sheen/alef width ${s.sheenOverAlef} (want > 1.3), joined/isolated beh ${s.joinedOverIsolated} (want < 0.9)`);
    }
  }
  return { failures, stacks };
}

const userDataDir = mkdtempSync(join(tmpdir(), "mizan-chromium-"));
let browser;
let failed = 0;
try {
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    offline: true,
  });
  {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    const v = await cdp.send("Browser.getVersion");
    console.log(`chromium: ${v.product} (${CHROMIUM}, headless)`);
    await cdp.detach();
    await page.close();
  }
  for (const p of pages) {
    const page = await browser.newPage();
    const dialogs = [];
    page.on("dialog", async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
    const requests = [];
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
    await page.goto(pathToFileURL(p.file).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const r = await page.evaluate(inPage, { kind: p.kind });
    const f = await fontCheck(page, p.kind);
    r.failures.push(...f.failures);
    for (const d of dialogs) r.failures.push(`(d) the page opened a dialog (${d}): a script ran`);
    for (const u of requests) r.failures.push(`(d) the page requested ${u}: a standalone page loads nothing`);
    const shot = join(outDir, `${p.name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();

    const s = r.stats;
    console.log(`\n== ${p.name} (${p.kind}) ${p.file}`);
    console.log(`   ${s.arabicCells} Arabic ${p.kind === "mizan" ? "cells (td.ar)" : "spans"}, ${s.arabicWithLetters} with Arabic letters, ` +
      `${s.checkedOrder} checked for right-to-left order; ${s.tds} td/th checked for overflow; page ${r.docW}px in ${r.innerW}px`);
    for (const x of f.stacks) {
      console.log(`   Arabic font: ${x.cells} cell(s) ask for ${x.fontFamily}; Chromium draws Arabic with ${x.platform.join(", ")}; ` +
        `sheen/alef width ${x.sheenOverAlef}, joined/isolated beh ${x.joinedOverIsolated}`);
    }
    for (const n of r.notes) console.log(`   note: ${n}`);
    if (r.failures.length) {
      failed++;
      for (const x of r.failures) console.log(`   FAIL ${x}`);
    } else {
      console.log(`   ok: (a) direction, (b) right-to-left order, (c) overflow${p.kind === "pandoc" ? " (reported only)" : ""}, (d) no script, (e) Arabic font, (f) rectangular tables`);
    }
    console.log(`   screenshot: ${shot}`);
  }
} catch (e) {
  console.error(`chromium check could not run: ${e.stack || e}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
if (!process.exitCode) process.exitCode = failed ? 1 : 0;
