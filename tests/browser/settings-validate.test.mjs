// extension/shared/settings.js validation (used by the options page for every edit and import).
// Pure functions: runs under node without a browser.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  normalizeSettings,
  normalizeHost,
  phraseProblem,
  oneLine,
  engineConfig,
  validateSettings,
  exportSettings,
  activeOn,
  SYNC_ITEM_LIMIT,
} from "../../extension/shared/settings.js";

test("normalizeHost turns what people paste into a hostname, and refuses the rest", () => {
  const ok = {
    "facebook.com": "facebook.com",
    "  https://www.Facebook.com/groups/123?x=1 ": "facebook.com",
    "*.zalo.me": "zalo.me",
    "chat.zalo.me": "chat.zalo.me",
    "http://127.0.0.1:8080/x": "127.0.0.1",
    "localhost": "localhost",
    "TINHTE.VN.": "tinhte.vn",
    "bücher.de": "xn--bcher-kva.de",
  };
  for (const [input, want] of Object.entries(ok)) assert.equal(normalizeHost(input), want, input);
  for (const bad of ["", "   ", "not a site!", "a..b", "-x.com", "http://", 42, null, "x".repeat(64) + ".com"]) {
    assert.equal(normalizeHost(bad), null, String(bad));
  }
  // What is stored is what activeOn matches on.
  const s = normalizeSettings({ disabledSites: [normalizeHost("https://www.facebook.com/")] });
  assert.equal(activeOn(s, "www.facebook.com"), false);
  assert.equal(activeOn(s, "m.facebook.com"), false);
  assert.equal(activeOn(s, "notfacebook.com"), true);
});

test("phraseProblem mirrors the engine's refusals", () => {
  assert.equal(phraseProblem("TÀI LIỆU MẬT"), null);
  assert.equal(phraseProblem("K-7"), null);
  assert.equal(phraseProblem("2024"), null);
  assert.equal(phraseProblem("  ...  "), "empty_phrase");
  assert.equal(phraseProblem(""), "empty_phrase");
  assert.equal(phraseProblem(7), "empty_phrase");
  assert.equal(phraseProblem("ấ".repeat(200)), null, "200 characters (not bytes) is fine");
  assert.equal(phraseProblem("a".repeat(201)), "long_phrase");
});

test("a phrase of Hangul fillers (blank-looking letters), alone or with spaces, is empty", () => {
  // A tester's finding: "ㅤ" (U+3164 HANGUL FILLER), a letter to Unicode that prints as a blank,
  // was accepted as a custom phrase; so were U+115F, U+1160 and U+FFA0.
  const fillers = ["\u3164", "\u115F", "\u1160", "\uFFA0"];
  for (const f of fillers) {
    for (const phrase of [f, f.repeat(3), ` ${f} ${f}\u00a0`, `${f} * ${f}`]) {
      assert.equal(phraseProblem(phrase), "empty_phrase", JSON.stringify(phrase));
      assert.equal(phraseProblem(phrase, { wildcard: false }), "empty_phrase", JSON.stringify(phrase));
    }
    // Beside real words they change nothing; between two *s they are no word.
    assert.equal(phraseProblem(`dự án${f}X`), null);
    assert.equal(phraseProblem(`dự án * ${f} * mật`), "misplaced_wildcard");
  }
  const r = validateSettings({ customPhrases: [{ phrase: "\u3164 \u3164", category: "internal_document", severity: "high" }], allow: ["\uFFA0"] });
  assert.deepEqual(r.errors.map((e) => `${e.code} ${e.path}`), ["empty_phrase customPhrases[0].phrase", "empty_phrase allow[0]"]);
});

test("a phrase's length is counted as it is stored, on one line with single spaces, wherever it comes from", () => {
  // A tester's finding: the options page counted "a…a      b…b" after joining its spaces (197
  // characters, accepted as a custom phrase), an import before (202, refused), and the allow-list
  // box counted it as typed (refused there too).
  const spaced = "a".repeat(150) + " \t\u00a0  \u3000" + "b".repeat(46);
  assert.equal([...spaced].length, 202);
  assert.equal([...oneLine(spaced)].length, 197);
  assert.equal(phraseProblem(spaced), null);
  assert.equal(phraseProblem(spaced, { wildcard: false }), null);
  const r = validateSettings({ customPhrases: [{ phrase: spaced, category: "internal_document", severity: "high" }], allow: [spaced] });
  assert.deepEqual(r.errors, []);
  assert.equal(r.settings.customPhrases[0].phrase, oneLine(spaced));
  assert.deepEqual(r.settings.allow, [oneLine(spaced)]);
  // Over the limit once joined: refused by every path.
  const long = "a".repeat(150) + "   " + "b".repeat(51);
  assert.equal(phraseProblem(long), "long_phrase");
  assert.equal(phraseProblem(long, { wildcard: false }), "long_phrase");
  assert.deepEqual(validateSettings({ allow: [long] }).errors.map((e) => e.code), ["long_phrase"]);
});

test("phraseProblem refuses a custom phrase's * that is not between two words", () => {
  // The engine splits a custom phrase at each " * " and needs words in every part: it refuses
  // "abc * !!! * def" and reads "* abc" as "abc", "abc * * def" as "abc * def".
  // Letters hidden behind stars are a censored word, not a wildcard ("đ*t mẹ", "c**", "K*35").
  for (const ok of ["đ*t mẹ", "c*c", "đ** má", "K*35", "abc * def", "dự án * mật", "abc * x * def", " abc * def ", "abc * . def", "chiến dịch\u00a0*\u00a0bí mật", "quỹ đen\t*\tphòng", "sổ tay\u3000*\u3000nội bộ"])
    assert.equal(phraseProblem(ok), null, ok);
  // A * stuck to a word or to punctuation would be read as punctuation, not a wildcard (a
  // breaker's cases: "hồ sơ *, trình ký" matched only "hồ sơ, trình ký").
  for (const bad of ["* abc", "abc *", "abc * * def", "abc *  * def", "abc * !!! * def", "* abc *", "abc *def", "abc ** def", "hồ sơ *, trình ký", "hồ sơ (*) trình ký"])
    assert.equal(phraseProblem(bad), "misplaced_wildcard", bad);
  // Tabs, no-break and ideographic spaces around a * become single spaces on the way to the
  // engine, which splits a phrase at " * ".
  assert.equal(oneLine(" chiến dịch\u00a0*\u00a0bí mật\u0085"), "chiến dịch * bí mật");
  const cfg = engineConfig(normalizeSettings({ customPhrases: [{ phrase: "quỹ đen\t*\tphòng", category: "internal_document", severity: "high" }] }));
  assert.equal(cfg.custom_phrases[0].phrase, "quỹ đen * phòng");
  assert.equal(phraseProblem("* *"), "empty_phrase");
  // The allow-list has no wildcard: a * there is punctuation.
  assert.equal(phraseProblem("* abc", { wildcard: false }), null);
  const r = validateSettings({
    customPhrases: [
      { phrase: "abc * def", category: "internal_document", severity: "high" },
      { phrase: "* abc", category: "internal_document", severity: "high" },
      { phrase: "abc * * def", category: "internal_document", severity: "high" },
    ],
  });
  assert.equal(r.settings, null);
  assert.deepEqual(
    r.errors.map((e) => `${e.code} ${e.path} ${e.args[0]}`),
    ['misplaced_wildcard customPhrases[1].phrase "* abc"', 'misplaced_wildcard customPhrases[2].phrase "abc * * def"'],
  );
  assert.deepEqual(validateSettings({ allow: ["* abc"] }).errors, []);
});

test("an exported file validates back to the same settings", () => {
  const s = normalizeSettings({
    categories: ["inflammatory"],
    minSeverity: "high",
    guard: false,
    siteMode: "only",
    onlySites: ["chinhphu.vn"],
    customPhrases: [{ phrase: "Hoa Sen", category: "internal_document", severity: "high" }],
    allow: ["Nguyễn Văn A"],
    language: "en",
  });
  const file = JSON.parse(JSON.stringify(exportSettings(s)));
  assert.equal(file.format, "cannhac-settings");
  const { settings, errors } = validateSettings(file);
  assert.deepEqual(errors, []);
  assert.deepEqual(settings, s);
  // A bare settings object and a partial one are accepted too; missing keys are defaults.
  assert.deepEqual(validateSettings(s).settings, s);
  const partial = validateSettings({ customPhrases: [{ phrase: "X9", category: "insinuation", severity: "info" }] });
  assert.deepEqual(partial.errors, []);
  assert.deepEqual(partial.settings.categories, DEFAULT_SETTINGS.categories);
  assert.equal(partial.settings.customPhrases.length, 1);
});

test("every problem is reported with its path; nothing is half-accepted", () => {
  const { settings, errors } = validateSettings({
    format: "cannhac-settings",
    version: 1,
    extra: true,
    settings: {
      version: 2,
      categories: ["inflammatory", "gossip", "inflammatory"],
      minSeverity: "extreme",
      guard: "yes",
      siteMode: "some",
      disabledSites: ["ok.vn", "not a site!", "OK.vn"],
      onlySites: "facebook.com",
      customPhrases: [
        { phrase: "...", category: "internal_document", severity: "high" },
        { phrase: "fine", category: "internal_document", severity: "high", colour: "red" },
        { phrase: "FINE", category: "internal_document", severity: "high" },
        "nope",
      ],
      allow: ["a".repeat(201), 5],
      language: "fr",
      theme: "dark",
    },
  });
  assert.equal(settings, null);
  const got = errors.map((e) => `${e.code} ${e.path}`);
  assert.deepEqual(got.sort(), [
    "bad_host settings.disabledSites[1]",
    "bad_value settings.categories[1]",
    "bad_value settings.language",
    "bad_value settings.minSeverity",
    "bad_value settings.siteMode",
    "duplicate settings.customPhrases[2].phrase",
    "duplicate settings.disabledSites[2]",
    "empty_phrase settings.customPhrases[0].phrase",
    "long_phrase settings.allow[0]",
    "newer_version settings.version",
    "unknown_key extra",
    "unknown_key settings.customPhrases[1].colour",
    "unknown_key settings.theme",
    "wrong_type settings.allow[1]",
    "wrong_type settings.customPhrases[3]",
    "wrong_type settings.guard",
    "wrong_type settings.onlySites",
  ]);
  const cat = errors.find((e) => e.path === "settings.categories[1]");
  assert.equal(cat.args[0], '"gossip"');
  assert.match(cat.args[1], /internal_document/);
});

test("each error says where it is as keys and indices, and what kind of value was found", () => {
  // The options page names the place from `at` ("Cụm từ riêng của đơn vị, mục 3, cột “Cụm từ”")
  // and the kinds in words ("phải là chữ, không phải số 5"), not from the code path.
  const { errors } = validateSettings({
    format: "cannhac-settings",
    settings: {
      guard: "yes",
      allow: "x",
      customPhrases: [{ phrase: "ok", category: "inflammatory", severity: "high" }, { phrase: 5, category: "gossip", severity: "high", colour: 1 }, null],
    },
  });
  const got = errors.map(({ code, path, at, args }) => ({ code, path, at, args }));
  assert.deepEqual(got, [
    { code: "wrong_type", path: "settings.guard", at: ["guard"], args: ["boolean", "string", '"yes"'] },
    { code: "unknown_key", path: "settings.customPhrases[1].colour", at: ["customPhrases", 1, "colour"], args: [] },
    { code: "wrong_type", path: "settings.customPhrases[1].phrase", at: ["customPhrases", 1, "phrase"], args: ["string", "number", "5"] },
    { code: "bad_value", path: "settings.customPhrases[1].category", at: ["customPhrases", 1, "category"], args: ['"gossip"', CATEGORIES.join(", ")] },
    { code: "wrong_type", path: "settings.customPhrases[2]", at: ["customPhrases", 2], args: ["object", "null", "null"] },
    { code: "wrong_type", path: "settings.allow", at: ["allow"], args: ["array", "string", '"x"'] },
  ]);
  assert.deepEqual(errors[3].allowed, CATEGORIES);
  // The wrapper without its settings: missing, not "undefined".
  assert.deepEqual(validateSettings({ format: "cannhac-settings" }).errors.map((e) => e.args), [["object", "missing", ""]]);
  // A long value is cut in the error.
  const long = validateSettings({ allow: [5, "x".repeat(500)] }).errors;
  assert.ok([...long[1].args[0]].length <= 60, long[1].args[0]);
});

test("a phrase holding a line break is one phrase, its words joined by one space", () => {
  // A breaker's finding: imported as ["thằng\nngu"], the options page showed it on two lines and
  // saved it back as two phrases, "thằng" and "ngu".
  const r = validateSettings({
    allow: ["thằng\nngu", "  Hoa   Sen "],
    customPhrases: [{ phrase: "dự án\r\nX", category: "internal_document", severity: "high" }],
  });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.settings.allow, ["thằng ngu", "Hoa Sen"]);
  assert.equal(r.settings.customPhrases[0].phrase, "dự án X");
});

test("not an object, a wrong format, a file too large to sync", () => {
  for (const raw of [null, 3, "x", [1, 2]]) assert.deepEqual(validateSettings(raw).errors.map((e) => e.code), ["not_object"]);
  assert.deepEqual(
    validateSettings({ format: "other", settings: {} }).errors.map((e) => e.code),
    ["bad_format"],
  );
  assert.deepEqual(validateSettings({ format: "cannhac-settings" }).errors.map((e) => e.code), ["wrong_type"]);
  const many = Array.from({ length: 200 }, (_, i) => ({ phrase: `mật danh số ${i}`, category: "internal_document", severity: "high" }));
  const { settings, errors } = validateSettings({ customPhrases: many });
  assert.equal(settings, null);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, "too_large");
  assert.ok(Number(errors[0].args[0]) > SYNC_ITEM_LIMIT);
});

test("the version of an exported file's wrapper is checked like the settings' own", () => {
  const file = (version, inner = 1) => ({ format: "cannhac-settings", version, settings: { version: inner, guard: false } });
  const codes = (raw) => validateSettings(raw).errors.map(({ code, path, at, args }) => ({ code, path, at, args }));
  assert.deepEqual(codes(file(1)), []);
  assert.deepEqual(codes(file("1")), [{ code: "wrong_type", path: "version", at: ["version"], args: ["number", "string", '"1"'] }]);
  assert.deepEqual(codes(file(null)), [{ code: "wrong_type", path: "version", at: ["version"], args: ["number", "null", "null"] }]);
  assert.deepEqual(codes(file(2)), [{ code: "newer_version", path: "version", at: ["version"], args: ["2"] }]);
  assert.deepEqual(codes(file(0)), [{ code: "unsupported_version", path: "version", at: ["version"], args: ["0"] }]);
  assert.deepEqual(codes(file(1.5)), [{ code: "unsupported_version", path: "version", at: ["version"], args: ["1.5"] }]);
  assert.deepEqual(codes(file(1, "1")), [{ code: "wrong_type", path: "settings.version", at: ["version"], args: ["number", "string", '"1"'] }]);
  // A wrapper without a version is read as version 1 (the settings have their own).
  assert.deepEqual(codes({ format: "cannhac-settings", settings: { guard: false } }), []);
});

test("a partial file's settings go over the current ones; the keys it holds are listed", () => {
  const current = normalizeSettings({ guard: false, minSeverity: "warning", allow: ["Nguyễn Văn A"], customPhrases: [{ phrase: "Hoa Sen", category: "internal_document", severity: "high" }] });
  let r = validateSettings({ guard: true }, current);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.keys, ["guard"]);
  assert.deepEqual(r.settings, { ...current, guard: true });
  r = validateSettings({ format: "cannhac-settings", version: 1, settings: { version: 1, allow: [], language: "en" } }, current);
  assert.deepEqual(r.keys, ["allow", "language"]);
  assert.deepEqual(r.settings, { ...current, allow: [], language: "en" });
  // An exported file names every setting: it replaces them all.
  const other = normalizeSettings({ categories: ["inflammatory"], siteMode: "only", onlySites: ["chinhphu.vn"] });
  r = validateSettings(JSON.parse(JSON.stringify(exportSettings(other))), current);
  assert.deepEqual(r.keys, Object.keys(DEFAULT_SETTINGS).filter((k) => k !== "version"));
  assert.deepEqual(r.settings, other);
  // Nothing to apply: the current settings as they are.
  assert.deepEqual(validateSettings({}, current), { settings: current, errors: [], keys: [] });
  // Too large once merged: refused.
  const many = Array.from({ length: 80 }, (_, i) => ({ phrase: `mật danh số ${i}`, category: "internal_document", severity: "high" }));
  const big = normalizeSettings({ allow: Array.from({ length: 150 }, (_, i) => `người số ${i}`) });
  assert.deepEqual(validateSettings({ customPhrases: many }).errors, []);
  assert.deepEqual(validateSettings({ customPhrases: many }, big).errors.map((e) => e.code), ["too_large"]);
});

test("__proto__, constructor and toString keys are unknown keys, and nothing reaches Object.prototype", () => {
  const files = [
    '{"__proto__": {"polluted": "yes"}, "guard": false}',
    '{"format": "cannhac-settings", "version": 1, "__proto__": {"polluted": "yes"}, "settings": {"guard": false}}',
    '{"format": "cannhac-settings", "version": 1, "settings": {"__proto__": {"polluted": "yes"}}}',
    '{"customPhrases": [{"phrase": "abc", "category": "inflammatory", "severity": "high", "__proto__": {"polluted": "yes"}}]}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"toString": 1}',
  ];
  const want = [["__proto__"], ["__proto__"], ["__proto__"], ["customPhrases", 0, "__proto__"], ["constructor"], ["toString"]];
  files.forEach((f, i) => {
    const r = validateSettings(JSON.parse(f));
    assert.equal(r.settings, null, f);
    assert.deepEqual(r.errors.map((e) => [e.code, e.at]), [["unknown_key", want[i]]], f);
    assert.equal({}.polluted, undefined, f);
    assert.equal(Object.prototype.polluted, undefined, f);
  });
  // The settings a file could bring in are plain data; normalizeSettings keeps only known keys' values.
  const n = normalizeSettings(JSON.parse('{"__proto__": {"polluted": "yes"}, "guard": false}'));
  assert.equal(Object.getPrototypeOf(n), Object.prototype);
  assert.equal(n.polluted, undefined);
});

test("the example office file in examples/ imports cleanly", () => {
  const raw = JSON.parse(fs.readFileSync(new URL("../../examples/cannhac-settings.example.json", import.meta.url), "utf8"));
  const { settings, errors } = validateSettings(raw);
  assert.deepEqual(errors, []);
  assert.equal(settings.customPhrases.length, 3);
  assert.deepEqual(exportSettings(settings), raw, "the example is exactly what an export writes");
});
