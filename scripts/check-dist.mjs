// Finishes and checks an assembled dist/: sets the manifest's version to the workspace's, drops
// the popup/options entries while those pages are not written yet (with a warning), then checks
// that every file the manifest names exists and every i18n key used is in both locales.
// Usage: node scripts/check-dist.mjs <dist> <version>
import fs from "node:fs";
import path from "node:path";

const dist = process.argv[2] || "dist";
const manifest = JSON.parse(fs.readFileSync(path.join(dist, "manifest.json"), "utf8"));
const problems = [];
const version = process.argv[3];
if (version) manifest.version = version;
if (manifest.action?.default_popup && !fs.existsSync(path.join(dist, manifest.action.default_popup))) {
  console.warn(`warning: ${manifest.action.default_popup} not written yet; left out of dist/manifest.json`);
  delete manifest.action.default_popup;
}
if (manifest.options_ui && !fs.existsSync(path.join(dist, manifest.options_ui.page))) {
  console.warn(`warning: ${manifest.options_ui.page} not written yet; left out of dist/manifest.json`);
  delete manifest.options_ui;
}
fs.writeFileSync(path.join(dist, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
const need = (f) => fs.existsSync(path.join(dist, f)) || problems.push(`missing file ${f}`);
need(manifest.background.service_worker);
for (const s of manifest.background.scripts || []) need(s);
for (const cs of manifest.content_scripts || []) for (const f of [...(cs.js || []), ...(cs.css || [])]) need(f);
for (const f of Object.values(manifest.icons || {})) need(f);
if (manifest.action?.default_popup) need(manifest.action.default_popup);
if (manifest.options_ui?.page) need(manifest.options_ui.page);

const locales = {};
for (const l of ["vi", "en"]) {
  try {
    locales[l] = JSON.parse(fs.readFileSync(path.join(dist, "_locales", l, "messages.json"), "utf8"));
  } catch (e) {
    problems.push(`_locales/${l}/messages.json: ${e.message}`);
    locales[l] = {};
  }
}
const used = new Set();
const scan = (f) => {
  const s = fs.readFileSync(f, "utf8");
  for (const m of s.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const m of s.matchAll(/\bt\(\s*"(\w+)"\s*[,)]/g)) used.add(m[1]);
  for (const m of s.matchAll(/getMessage\(\s*"(\w+)"\s*[,)]/g)) used.add(m[1]);
};
scan(path.join(dist, "manifest.json"));
for (const f of fs.readdirSync(path.join(dist, "content"))) scan(path.join(dist, "content", f));
scan(path.join(dist, "background.js"));
for (const k of used) {
  if (k.startsWith("@@")) continue;
  for (const l of ["vi", "en"]) if (!locales[l][k]) problems.push(`i18n key ${k} missing from _locales/${l}`);
}
if (problems.length) {
  console.error("dist/ check failed:\n  " + problems.join("\n  "));
  process.exit(1);
}
