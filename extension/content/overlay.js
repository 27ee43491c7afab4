// Cân Nhắc content script, part 2: the composer model (text + offsets) and the underlines.
//
// Underlines never touch the editor's DOM:
//  - contenteditable: one Range per finding in CSS.highlights under "cannhac-<category>"
//    (styles adopted into the document or the editor's shadow root);
//  - <textarea>/<input> (and contenteditable where the Highlight API is missing): elements with
//    data-cannhac-category inside the open shadow root of a <cannhac-overlay> element appended
//    outside the editor, positioned from a mirror of the field (textarea) or Range rects.
"use strict";

(() => {
  const CN = globalThis.__cannhac;
  if (!CN || CN.Composer) return;

  const COLORS = {
    internal_document: "#d32f2f",
    personal_data: "#8e24aa",
    unverified_claim: "#ef6c00",
    inflammatory: "#e53935",
    insinuation: "#00897b",
    suspicious_link: "#1565c0",
  };
  CN.COLORS = COLORS;

  // ---------- highlight styles ----------
  const highlightCss = CN.CATEGORIES.map(
    (c) =>
      `::highlight(cannhac-${c}) { text-decoration: underline wavy ${COLORS[c]}; text-decoration-thickness: 1.5px; text-underline-offset: 2px; text-decoration-skip-ink: none; background-color: ${COLORS[c]}14; }`,
  ).join("\n");
  const styledRoots = new WeakSet();
  function ensureHighlightStyles(rootNode) {
    if (styledRoots.has(rootNode)) return;
    styledRoots.add(rootNode);
    // The clean-ups hold the root (a shadow root the page may drop with its editor) weakly.
    const ref = new WeakRef(rootNode);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss);
      rootNode.adoptedStyleSheets = [...rootNode.adoptedStyleSheets, sheet];
      CN.cleanups.push(() => {
        const r = ref.deref();
        if (r) r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== sheet);
      });
    } catch {
      const style = document.createElement("style");
      style.setAttribute("data-cannhac", "");
      style.textContent = highlightCss;
      (rootNode.head || rootNode.documentElement || rootNode).appendChild(style);
      const styleRef = new WeakRef(style);
      CN.cleanups.push(() => styleRef.deref()?.remove());
    }
  }
  const hasHighlightApi = typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function";
  const highlights = new Map(); // category -> Highlight (shared by every composer of this document)
  function highlightFor(category) {
    let h = highlights.get(category);
    if (!h) {
      h = new Highlight();
      highlights.set(category, h);
      CSS.highlights.set("cannhac-" + category, h);
    }
    return h;
  }
  if (hasHighlightApi) CN.cleanups.push(() => highlights.forEach((_, c) => CSS.highlights.delete("cannhac-" + c)));

  // ---------- rich text model ----------
  const BLOCK = new Set([
    "P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TR",
    "TABLE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "FIGURE", "FIGCAPTION", "DL", "DT", "DD",
  ]);
  const SKIP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"]);

  /** The text of a contenteditable root and, per text node, where it sits in that text. */
  function richText(root) {
    const segs = [];
    const parts = [];
    let len = 0;
    let lastChar = "\n";
    const push = (s, node) => {
      if (!s) return;
      if (node) segs.push({ node, start: len, end: len + s.length });
      parts.push(s);
      len += s.length;
      lastChar = s[s.length - 1];
    };
    const walk = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) push(c.data, c);
        else if (c.nodeType === 1) {
          const tag = c.tagName;
          if (SKIP.has(tag)) continue;
          if (tag === "BR") {
            push("\n", null);
            continue;
          }
          const block = BLOCK.has(tag);
          if (block && len > 0 && lastChar !== "\n") push("\n", null);
          walk(c);
          if (block && len > 0 && lastChar !== "\n") push("\n", null);
        }
      }
    };
    walk(root);
    return { text: parts.join(""), segs };
  }
  CN.richText = richText;

  function locate(segs, offset, preferNext) {
    // Binary search for the segment holding `offset`.
    let lo = 0;
    let hi = segs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return segs.length ? { node: segs[0].node, offset: 0 } : null;
    let s = segs[best];
    if (offset > s.end) {
      // inside a synthetic newline: snap to the next segment's start or this one's end
      if (preferNext && segs[best + 1]) return { node: segs[best + 1].node, offset: 0 };
      return { node: s.node, offset: s.end - s.start };
    }
    if (offset === s.end && preferNext && segs[best + 1] && segs[best + 1].start === offset) s = segs[best + 1];
    if (!preferNext && offset === s.start && best > 0 && segs[best - 1].end === offset) s = segs[best - 1];
    return { node: s.node, offset: offset - s.start };
  }

  // ---------- the mirror for <textarea>/<input> ----------
  // Longest line (UTF-16 units) of a field that does not wrap whose marks are drawn (see
  // Composer.hasLongLine).
  const LONG_LINE = 10_000;
  // Nor on such a field holding more than this many UTF-16 units in all (forty lines of 4,900
  // characters stalled the page for 0.5 s).
  const LONG_NOWRAP_TEXT = 60_000;
  const MIRROR_PROPS = [
    "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
    "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderTopStyle",
    "borderRightStyle", "borderBottomStyle", "borderLeftStyle", "fontFamily", "fontSize", "fontWeight",
    "fontStyle", "fontVariant", "fontStretch", "fontKerning", "fontFeatureSettings", "lineHeight",
    "letterSpacing", "wordSpacing", "textIndent", "textTransform", "tabSize", "textAlign", "direction",
    "writingMode", "textRendering", "wordBreak", "lineBreak", "hyphens", "fontVariantLigatures",
    // `dir="auto"` fields get `unicode-bidi: plaintext`: each paragraph takes its own direction.
    "unicodeBidi",
  ];

  /**
   * Whether `el` or an ancestor (through shadow hosts, within this document) is rotated, skewed
   * or transformed in 3D: only translations and scales keep a box axis-aligned, and the field
   * mirror can follow only those.
   */
  function rotatedOrSkewed(el) {
    for (let n = el, k = 0; n && n.nodeType === 1 && k < 256; k++) {
      const cs = getComputedStyle(n);
      // The `rotate` property: "none", "45deg", "x 30deg", "1 1 0 20deg" (its angle last).
      if (cs.rotate && cs.rotate !== "none" && parseFloat(cs.rotate.split(" ").pop()) !== 0) return true;
      const t = cs.transform;
      if (t && t !== "none") {
        const v = t.slice(t.indexOf("(") + 1, -1).split(",").map(Number);
        if (t.startsWith("matrix3d(")) {
          // Column-major 4x4: only the diagonal and the translation may be set.
          for (const i of [1, 2, 3, 4, 6, 7, 8, 9, 11]) if (Math.abs(v[i]) > 1e-9) return true;
        } else if (Math.abs(v[1]) > 1e-9 || Math.abs(v[2]) > 1e-9) return true;
      }
      n = n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
    }
    return false;
  }

  // ---------- the mirror's text, in blocks of whole lines ----------
  // The mirror holds the field's text cut into blocks (<div>s) of whole lines, about CHUNK UTF-16
  // units each: a keystroke then changes one block, and the browser re-shapes, lays out and
  // pre-paints that block and reuses the others' layout, where one text node of a
  // 150,000-character post cost 20–40 ms of main thread per keystroke (80–120 ms as one
  // paragraph). Lines wrap within their paragraph, so a block ends after a "\n" (a hard end);
  // a paragraph longer than 2 × CHUNK is also cut, once the page is idle, where one of its
  // wrapped lines starts (a soft end, splitSoft): lines are filled one after the other (the
  // mirror's `text-wrap` is the default), so the lines after a line start depend only on the
  // text after it. A soft end is checked after each change near it and moved to a line start
  // again if need be (fixSoftEnds). Texts or styles where a line's layout depends on more than
  // its own text (right-to-left scripts and directions, lines not aligned to their start,
  // `hanging` and `each-line` indents, vertical writing, long words that do not break) get
  // only hard ends.
  const CHUNK = 2_000;
  // Strong right-to-left characters and bidi controls (their levels resolve across lines).
  const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udfff]|\ud83a|\ud83b/;
  // Lines aligned to their start: the spaces ending a soft block count in the alignment of its
  // last line where the field's hang past the line's end (centred, right-aligned and justified
  // lines would move).
  const START_ALIGNED = new Set(["start", "left", "-webkit-left", "-webkit-auto"]);
  let fontEpoch = 0; // a web font arrived: every soft end is checked again
  document.fonts?.addEventListener?.("loadingdone", () => fontEpoch++);

  /** Whether text offset `k` of `data` starts a paragraph (or the text). */
  const hardAt = (data, k) => k === 0 || data.charCodeAt(k - 1) === 10;

  /**
   * `seg` (a run of whole lines) cut into blocks of CHUNK units or more, each after a "\n" (the
   * first one CHUNK units on); a longer paragraph is left whole, for splitSoft.
   */
  function cutLines(seg) {
    if (seg.length <= 2 * CHUNK) return [seg];
    const out = [];
    let pos = 0;
    while (seg.length - pos > 2 * CHUNK) {
      const cut = seg.indexOf("\n", pos + CHUNK - 1) + 1;
      if (cut <= 0 || cut >= seg.length) break;
      out.push(seg.slice(pos, cut));
      pos = cut;
    }
    out.push(seg.slice(pos));
    return out;
  }

  /** A new block element holding `text`. */
  function newChunk(text) {
    const el = document.createElement("div");
    const node = document.createTextNode(text);
    el.appendChild(node);
    return { start: 0, len: text.length, el, node, soft: false };
  }

  /**
   * Makes the mirror `m` hold `data`: m.chunks ({start, len, el, node, soft}, in text order)
   * and m.data (the text they hold). Only the blocks holding the change between the two texts'
   * common prefix and suffix are written (and, in a single block, only the changed part of it);
   * the soft ends next to them are left in m.dirty for fixSoftEnds. False (and nothing
   * written) when soft ends are in use and the change brings right-to-left text.
   */
  function syncMirrorText(m, data) {
    const old = m.data;
    if (old === data) return true;
    const chunks = m.chunks;
    const oldLen = old.length;
    const newLen = data.length;
    const delta = newLen - oldLen;
    const max = Math.min(oldLen, newLen);
    let a = 0; // the first block holding a change
    let p = 0; // the common prefix
    let q = 0; // the common suffix (p + q <= max)
    let b = chunks.length; // blocks b… are unchanged (shifted by delta)
    if (chunks.length) {
      // Whole blocks first (native compares), then characters.
      const end = (c) => c.start + c.len;
      while (a < chunks.length - 1 && end(chunks[a]) <= max && data.startsWith(old.slice(chunks[a].start, end(chunks[a])), chunks[a].start)) a++;
      p = chunks[a].start;
      while (p < max && old.charCodeAt(p) === data.charCodeAt(p)) p++;
      let k = chunks.length - 1;
      while (k > a && chunks[k].start >= p && chunks[k].start + delta >= p && data.endsWith(old.slice(chunks[k].start, end(chunks[k])), end(chunks[k]) + delta)) k--;
      q = oldLen - end(chunks[k]);
      while (q < max - p && old.charCodeAt(oldLen - 1 - q) === data.charCodeAt(newLen - 1 - q)) q++;
      // A block is kept after the change only if the character before it is unchanged too.
      while (b - 1 > a && chunks[b - 1].start > oldLen - q) b--;
    }
    const from = chunks.length ? chunks[a].start : 0;
    const to = b < chunks.length ? chunks[b].start + delta : newLen;
    const seg = data.slice(from, to);
    if (m.soft && RTL.test(seg)) return false;
    const pieces = seg ? cutLines(seg) : [];
    const next = b < chunks.length ? chunks[b].el : m.probe || null;
    const made = [];
    pieces.forEach((piece, n) => {
      let c = a + n < b ? chunks[a + n] : null;
      if (!c) {
        c = newChunk(piece);
        m.mirror.insertBefore(c.el, next);
      } else if (pieces.length === 1 && b - a === 1) {
        // One block changed: replace only its changed part.
        const lp = Math.max(0, p - c.start);
        const lq = Math.max(0, Math.min(c.len - lp, c.start + c.len - (oldLen - q)));
        c.node.replaceData(lp, c.len - lp - lq, piece.slice(lp, piece.length - lq));
        c.len = piece.length;
      } else if (c.node.data !== piece) {
        c.node.data = piece;
        c.len = piece.length;
      }
      made.push(c);
    });
    for (let k = a + pieces.length; k < b; k++) chunks[k].el.remove();
    chunks.splice(a, b - a, ...made);
    m.data = data;
    placeChunks(m, a);
    // The soft ends of the blocks written and of the block after them; long blocks for splitSoft.
    for (let k = a; k <= a + made.length && k < chunks.length; k++) if (chunks[k].soft) m.dirty.add(chunks[k]);
    if (m.soft) for (const c of made) if (c.len > 2 * CHUNK) m.toSplit.add(c);
    return true;
  }

  /**
   * Cuts the blocks in m.toSplit (a paragraph longer than 2 × CHUNK, which syncMirrorText wrote
   * whole) where their own lines start, about every CHUNK units: soft ends right by
   * construction, a block starting at a line start of the field and holding its text (up to a
   * soft end checked already). Run when the page is idle (scheduleIdle), `budget` ms at a time
   * (reading a character's box in a long block costs time in proportion to its lines): the
   * browser then lays the new blocks out once, instead of each keystroke laying the whole
   * paragraph out. True when done.
   */
  function splitSoft(m, budget) {
    const t0 = performance.now();
    const range = new Range();
    for (const c of m.toSplit) {
      const k = m.chunks.indexOf(c);
      if (k < 0 || !m.soft) {
        m.toSplit.delete(c);
        continue;
      }
      const text = c.node.data;
      const len = text.length;
      // Where the previous slice got to, unless the block's text or the mirror's styles changed.
      const key = m.styleKey + "|" + fontEpoch;
      let st = c.split;
      if (!st || st.text !== text || st.key !== key) st = c.split = { text, key, cuts: [], pos: 0 };
      let blank = false;
      while (len - st.pos > 2 * CHUNK) {
        if (performance.now() - t0 > budget) return false;
        let cut = text.indexOf("\n", st.pos + CHUNK - 1);
        if (cut >= 0 && cut < st.pos + 2 * CHUNK) cut++;
        else {
          // The first character from X (inside a paragraph) on a line below the one before X:
          // a few lines ahead first, then bisection.
          const X = st.pos + CHUNK;
          const before = charBox(range, c.node, X - 1);
          if (!before) {
            blank = true;
            break;
          }
          const below = (o) => {
            const r = charBox(range, c.node, o);
            return r && r.top + r.height / 2 > before.bottom;
          };
          let lo = X;
          let hi = X;
          for (let step = 32; hi < len && !below(hi); step *= 2) {
            lo = hi + 1;
            hi = Math.min(len, hi + step);
          }
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (below(mid)) hi = mid;
            else lo = mid + 1;
          }
          cut = lo;
        }
        if (cut <= st.pos || cut >= len) break;
        st.cuts.push(cut);
        st.pos = cut;
      }
      if (blank) continue; // nothing laid out (the field hidden): tried again after the next change
      m.toSplit.delete(c);
      c.split = null;
      const cuts = st.cuts;
      if (!cuts.length) continue;
      c.node.deleteData(cuts[0], len - cuts[0]);
      c.len = cuts[0];
      cuts.push(len);
      const next = c.el.nextSibling; // the next block, the probe or none
      const made = [];
      for (let i = 1; i < cuts.length; i++) {
        const d = newChunk(text.slice(cuts[i - 1], cuts[i]));
        m.mirror.insertBefore(d.el, next);
        made.push(d);
      }
      m.chunks.splice(k + 1, 0, ...made);
      placeChunks(m, k);
    }
    return true;
  }

  /**
   * Finishes the mirror's blocks in the page's idle time, 8 ms at a time: the soft ends left
   * below the field's box (fixSoftEnds), then the long blocks (splitSoft). Once however often
   * asked; not while nothing is laid out (the field hidden: the next drawing asks again).
   */
  function scheduleIdle(m) {
    if (m.idleQueued || !(m.dirty.size || m.toSplit.size)) return;
    m.idleQueued = true;
    const run = () => {
      m.idleQueued = false;
      if (!CN.alive || !m.chunks) return;
      const until = performance.now() + 8;
      const fixed = fixSoftEnds(m, Infinity, until);
      if (fixed === false || (fixed && !splitSoft(m, until - performance.now()))) scheduleIdle(m);
    };
    if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 100);
  }

  /** Sets the start (and the soft mark) of blocks k… from the lengths before them. */
  function placeChunks(m, k) {
    const chunks = m.chunks;
    for (let at = k > 0 ? chunks[k - 1].start + chunks[k - 1].len : 0; k < chunks.length; k++) {
      const c = chunks[k];
      c.start = at;
      at += c.len;
      const soft = !hardAt(m.data, c.start);
      if (soft !== c.soft) {
        c.soft = soft;
        c.el.className = soft ? "soft" : "";
      }
    }
  }

  /** The viewport rect of the character at offset `o` of text node `node` (or null). */
  function charBox(range, node, o) {
    for (let k = o; k >= 0 && k > o - 4; k--) {
      range.setStart(node, k);
      range.setEnd(node, Math.min(k + 1, node.length));
      const r = range.getBoundingClientRect();
      if (r.height > 0) return r;
    }
    return null;
  }

  /**
   * The first line start at or after offset X (inside a paragraph) of the field's lines from
   * offset s (a line start of the field): the text from s (or from its paragraph's start, if
   * later) laid out in a probe block of the mirror's width and styles (indented as the field's
   * line at s is), up to a few lines past X. -1 when nothing is laid out (the field hidden).
   */
  function probeLineStart(m, data, s, X) {
    s = Math.max(s, data.lastIndexOf("\n", X - 1) + 1);
    if (!m.probe) {
      m.probe = document.createElement("div");
      m.probe.className = "probe";
      m.probe.appendChild(document.createTextNode(""));
      m.mirror.appendChild(m.probe);
    }
    const probe = m.probe;
    const pnode = probe.firstChild;
    probe.style.display = "block";
    probe.style.textIndent = s === 0 ? "inherit" : "0"; // (no soft ends with `each-line`)
    let paraEnd = data.indexOf("\n", X);
    if (paraEnd < 0) paraEnd = data.length;
    const range = new Range();
    for (let n = 256; ; n *= 4) {
      const z = Math.min(paraEnd, X + n);
      pnode.data = data.slice(s, z);
      const before = charBox(range, pnode, X - 1 - s);
      if (!before) return -1;
      // The first character from X on a line below the character before X.
      let lo = X - s;
      let hi = z - s;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const r = charBox(range, pnode, mid);
        if (r && r.top + r.height / 2 > before.bottom) hi = mid;
        else lo = mid + 1;
      }
      if (lo < z - s) return s + lo;
      if (z === paraEnd) return paraEnd < data.length ? paraEnd + 1 : data.length; // the rest of the paragraph fits
    }
  }

  /**
   * Moves the soft ends in m.dirty to line starts of the field's layout, in text order, up to
   * the first block starting below `bottom` (viewport px) or past the time `until`: the lines
   * further down do not move the ones in view, and are done later (scheduleIdle). True when
   * none is left, false when some are, null when nothing is laid out (the field hidden).
   * The block before a soft end starts at a line start and holds the same text as the field
   * up to the soft end, so its lines are the field's up to its last one, whose start `s` is
   * then a line start of the field too (the field's line from `s` may only run on past the
   * soft end). The soft end goes to the first line start at or after it from `s`
   * (probeLineStart; no move when it is one already). The block after a moved end has new
   * lines: its own soft end is checked next (an edit early in a long paragraph can move the
   * lines' ends down to its end, as in the field itself).
   */
  function fixSoftEnds(m, bottom = Infinity, until = Infinity) {
    const chunks = m.chunks;
    const data = m.data;
    const range = new Range();
    let done = true;
    for (let k = 1; k < chunks.length && m.dirty.size; k++) {
      const c = chunks[k];
      if (!m.dirty.has(c)) continue;
      if (!c.soft) {
        m.dirty.delete(c);
        continue;
      }
      if ((bottom < Infinity && c.el.getBoundingClientRect().top > bottom) || performance.now() > until) {
        done = false;
        break;
      }
      const B = chunks[k - 1];
      const X = c.start;
      // The start of B's last line: the first character whose box reaches below the middle of
      // the last character's.
      const last = charBox(range, B.node, B.len - 1);
      if (!last) {
        done = null; // nothing laid out (the field hidden): left for the next drawing
        break;
      }
      m.dirty.delete(c);
      let lo = 0;
      let hi = B.len - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const r = charBox(range, B.node, mid);
        if (r && r.bottom > last.top + last.height / 2) hi = mid;
        else lo = mid + 1;
      }
      const t = probeLineStart(m, data, B.start + lo, X);
      if (t < 0 || t === X) continue;
      // Move [X, t) to the end of the block before (whole blocks when they fit in it).
      let take = t - X;
      while (take > 0 && k < chunks.length) {
        const d = chunks[k];
        const n = Math.min(take, d.len);
        B.node.appendData(n === d.len ? d.node.data : d.node.data.slice(0, n));
        B.len += n;
        take -= n;
        if (n === d.len) {
          d.el.remove();
          chunks.splice(k, 1);
          m.dirty.delete(d);
          m.toSplit.delete(d);
        } else {
          d.node.deleteData(0, n);
          d.len -= n;
        }
      }
      placeChunks(m, k - 1);
      // The block now at k starts at t, a line start; its lines moved: its end is checked next.
      if (chunks[k + 1]?.soft) m.dirty.add(chunks[k + 1]);
    }
    if (done) m.dirty.clear();
    if (m.probe) {
      m.probe.firstChild.data = "";
      m.probe.style.display = "none";
    }
    return done;
  }

  /** The mirror's text node and offset in it of text offset `k` (a block's end is the next block's start). */
  function mirrorPos(m, k) {
    const chunks = m.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].start <= k) lo = mid;
      else hi = mid - 1;
    }
    const c = chunks[lo];
    return [c.node, Math.max(0, Math.min(k - c.start, c.len)), lo];
  }

  let composerSeq = 0;

  /** One composer (editable field) the user has focused. */
  class Composer {
    constructor(el) {
      this.el = el;
      this.id = ++composerSeq;
      this.kind = el.tagName === "TEXTAREA" || el.tagName === "INPUT" ? "field" : "rich";
      this.rootNode = el.getRootNode();
      this.doc = el.ownerDocument; // a composer adopted into another document is gone from this one
      this.findings = [];
      this.text = "";
      this.analysedText = null; // the text the current findings belong to
      this.pending = null; // Promise of the in-flight analysis for this.text
      this.seq = 0;
      this.dismissed = new Set(); // "rule_id\u0000span text" dismissed for this post
      this.lastUsedAt = Date.now();
      this.tooLong = false;
      this.ranges = []; // rich: one Range (or null) per visible finding, same order
      this.rangeCats = []; // the category each of those ranges is highlighted under
      this.marks = null; // overlay {host, root, clip, mirror}
      this.layoutKey = "";
      this.useHighlights = this.kind === "rich" && hasHighlightApi;
    }

    get connected() {
      return this.el.isConnected && this.el.ownerDocument === this.doc;
    }

    /** The current text of the composer (UTF-16, what the findings' offsets index). */
    readText() {
      if (this.kind === "field") return { text: this.el.value ?? "", segs: null };
      return richText(this.el);
    }

    /** The DOM boundaries of [start, end) of the rich text model `model` (or null). */
    boundsFor(model, start, end) {
      const a = locate(model.segs, start, true);
      const b = locate(model.segs, end, false);
      if (!a || !b) return null;
      return { sn: a.node, so: Math.min(a.offset, a.node.length), en: b.node, eo: Math.min(b.offset, b.node.length), empty: end <= start };
    }

    /** A DOM Range over boundaries from boundsFor (or null). */
    static rangeOf(b) {
      if (!b) return null;
      try {
        const r = new Range();
        r.setStart(b.sn, b.so);
        r.setEnd(b.en, b.eo);
        return r.collapsed && !b.empty ? null : r;
      } catch {
        return null;
      }
    }

    /** A DOM Range over [start, end) of the rich text model `model` (or null). */
    rangeFor(model, start, end) {
      return Composer.rangeOf(this.boundsFor(model, start, end));
    }

    /** Text offset of a DOM position inside a rich composer, or null. */
    offsetOf(node, offset, model) {
      model ||= richText(this.el);
      if (node.nodeType !== 3) {
        // an element position: take the text start of the child at `offset`
        const child = node.childNodes[offset];
        if (!child) return node === this.el ? model.text.length : null;
        const walker = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
        const first = child.nodeType === 3 ? child : walker.nextNode();
        if (!first) return null;
        node = first;
        offset = 0;
      }
      const seg = model.segs.find((s) => s.node === node);
      return seg ? seg.start + Math.min(offset, seg.end - seg.start) : null;
    }

    /** The caret as [start, end] text offsets, or null. */
    selectionOffsets() {
      if (this.kind === "field") {
        try {
          return [this.el.selectionStart ?? 0, this.el.selectionEnd ?? 0];
        } catch {
          return null;
        }
      }
      const sel = this.rootNode.getSelection ? this.rootNode.getSelection() : document.getSelection();
      if (!sel || !sel.rangeCount) return null;
      const r = sel.getRangeAt(0);
      if (!this.el.contains(r.startContainer)) return null;
      const model = richText(this.el);
      const a = this.offsetOf(r.startContainer, r.startOffset, model);
      const b = this.offsetOf(r.endContainer, r.endOffset, model);
      return a == null || b == null ? null : [a, b];
    }

    /** Visible findings (not dismissed). */
    visibleFindings() {
      return this.findings.filter((f) => !this.dismissed.has(this.dismissKey(f)));
    }
    dismissKey(f) {
      return f.rule_id + "\u0000" + (this.analysedText ?? "").slice(f.start, f.end);
    }

    // ---- drawing ----

    /** Draws the findings of `this.analysedText` (which must equal the current text). */
    render() {
      if (!CN.alive) return;
      const visible = this.visibleFindings();
      if (this.kind === "rich") {
        const model = richText(this.el);
        if (model.text !== this.analysedText) return false; // a newer analysis is coming
        this.visible = visible;
        this.updateRanges(model, visible);
        if (this.useHighlights) {
          // The overlay holds only the notice then ("too long", "not all underlined"): it
          // stays while one is up.
          if (this.marks?.notice) {
            this.layoutKey = "";
            this.layout();
          } else this.removeOverlay();
          return true;
        }
      } else {
        if ((this.el.value ?? "") !== this.analysedText) return false;
        this.visible = visible;
      }
      this.layoutKey = "";
      this.layout();
      return true;
    }

    /**
     * One Range per visible finding (rich text). A finding whose Range still covers the same
     * DOM boundaries with the same category keeps it: the highlights are changed only where the
     * underlines changed (each change makes the page re-validate and repaint its highlights,
     * which costs a long post milliseconds per keystroke).
     */
    updateRanges(model, visible) {
      const old = new Map(); // start node -> Map("startOffset endOffset category" -> [Range])
      const key = (r, c) => `${r.startOffset} ${r.endOffset} ${c}`;
      (this.ranges || []).forEach((r, i) => {
        if (!r) return;
        let byKey = old.get(r.startContainer);
        if (!byKey) old.set(r.startContainer, (byKey = new Map()));
        const k = key(r, this.rangeCats[i]);
        byKey.get(k)?.push(r) ?? byKey.set(k, [r]);
      });
      const ranges = [];
      const cats = [];
      for (const f of visible) {
        const b = this.boundsFor(model, f.start, f.end);
        let r = null;
        if (b) {
          const same = old.get(b.sn)?.get(`${b.so} ${b.eo} ${f.category}`);
          const i = same ? same.findIndex((x) => x.endContainer === b.en) : -1;
          r = i >= 0 ? same.splice(i, 1)[0] : Composer.rangeOf(b);
        }
        ranges.push(r);
        cats.push(f.category);
      }
      // Ranges no finding kept leave the highlights.
      (this.ranges || []).forEach((r, i) => {
        if (r && old.get(r.startContainer)?.get(key(r, this.rangeCats[i]))?.includes(r)) this.unhighlight(r, this.rangeCats[i]);
      });
      this.ranges = ranges;
      this.rangeCats = cats;
      this.windowKey = null;
      // A collapsed Range at the editor's start: it moves out of the editor when the editor
      // leaves the page, even if it is put back before anything looks (see remounted).
      this.sentinel ||= new Range();
      this.sentinel.setStart(this.el, 0);
      this.sentinel.collapse(true);
      this.syncWindow();
    }

    /**
     * Whether a rich composer has left its place in the DOM since its Ranges were made (it may
     * be back already): the Ranges then collapsed onto its old parent, and must be made again.
     */
    remounted() {
      return !!this.sentinel && this.ranges.length > 0 && this.sentinel.startContainer !== this.el;
    }

    unhighlight(r, category) {
      if (this.highlighted?.delete(r)) highlights.get(category)?.delete(r);
    }

    /**
     * Registers in CSS.highlights the ranges of the findings in or near the viewport (a quarter
     * of a screen above and below) and takes the others out: the page re-validates and repaints every
     * registered range whenever the text changes, so a long post with many findings would
     * otherwise cost milliseconds per keystroke. Called again when the editor or the page
     * scrolls (layout); cheap when nothing moved.
     */
    syncWindow() {
      if (!this.useHighlights) return;
      const n = this.ranges.length;
      const rect = n ? this.el.getBoundingClientRect() : null;
      // The content's height too: text that reflows in a box that keeps its size and scroll
      // offset (a smaller font, a web font swapped in) moves findings into or out of the window.
      // And the tops of the Ranges at the window's edges (windowEdges): in an editor taller than
      // its text, text that reflows (a class changing the font) keeps the box, the scroll offset
      // and the content's height, and only one of those Ranges moving can change which findings
      // are in the window (their tops are in text order).
      const tops = () => (this.windowEdges || []).map((i) => this.ranges[i]?.getBoundingClientRect().top).join();
      const base = rect ? [rect.top, rect.left, rect.height, rect.width, this.el.scrollTop, this.el.scrollHeight, innerHeight, innerWidth].join() : "";
      if (base + "|" + tops() === this.windowKey && this.highlighted) return;
      this.windowEdges = null;
      const want = new Set();
      if (n) {
        const top = -innerHeight / 4;
        const bottom = innerHeight * 1.25;
        // Findings are in text order, so the tops of their ranges are too: bisect for the first
        // one starting at or below `top`, then the first starting below `bottom`.
        const idx = [];
        this.ranges.forEach((r, i) => r && idx.push(i));
        const firstAt = (y, lo) => {
          let hi = idx.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.ranges[idx[mid]].getBoundingClientRect().top < y) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        };
        const a = Math.max(0, firstAt(top, 0) - 1);
        const b = firstAt(bottom, a);
        const from = idx[a] ?? n;
        const to = b < idx.length ? idx[b] : n;
        for (let i = from; i < to; i++) want.add(i);
        // The first two Ranges in the window and the last one in it, and the first one below it.
        this.windowEdges = [a, a + 1, b - 1, b].map((k) => idx[k]).filter((i) => i != null);
        // Long findings that start above the window and reach into it.
        const reach = this.visible?.[from]?.start ?? Infinity;
        for (let i = 0; i < from; i++) if ((this.visible?.[i]?.end ?? 0) > reach) want.add(i);
      }
      const had = this.highlighted || new Set();
      const now = new Set();
      let styled = false;
      for (const i of want) {
        const r = this.ranges[i];
        if (!r) continue;
        now.add(r);
        if (!had.has(r)) {
          if (!styled) ensureHighlightStyles(this.rootNode.nodeType === 11 ? this.rootNode : document);
          styled = true;
          highlightFor(this.rangeCats[i]).add(r);
        }
      }
      this.ranges.forEach((r, i) => r && had.has(r) && !now.has(r) && highlights.get(this.rangeCats[i])?.delete(r));
      this.highlighted = now;
      this.drawn = [...want].sort((a, b) => a - b);
      this.windowKey = base + "|" + tops();
    }

    clearHighlights() {
      if (!hasHighlightApi) return;
      (this.ranges || []).forEach((r, i) => r && highlights.get(this.rangeCats[i])?.delete(r));
      this.ranges = [];
      this.rangeCats = [];
      this.highlighted = null;
      this.drawn = [];
    }

    clear() {
      this.clearHighlights();
      this.visible = [];
      this.findings = [];
      this.removeOverlay();
      this.setNotice(null);
    }

    removeOverlay() {
      if (this.marks) {
        this.marks.host.remove();
        this.marks = null;
      }
    }

    ensureOverlay() {
      if (this.marks && this.marks.host.isConnected) return this.marks;
      // Inside an open modal <dialog> (top layer), attach there so the marks are not hidden
      // under it; otherwise at the document's root. Never inside the editor.
      const dialog = this.el.closest?.("dialog[open]");
      const { host, root } = CN.makeHost("cannhac-overlay", dialog || document.documentElement);
      CN.adoptCss(root, `
        .clip { position: fixed; overflow: hidden; pointer-events: none; }
        .mark { position: absolute; box-sizing: border-box; pointer-events: none; border-bottom: 2px solid var(--c); background: color-mix(in srgb, var(--c) 8%, transparent); border-radius: 1px; }
        .mark[data-severity="warning"] { border-bottom-style: solid; }
        .mark[data-severity="info"] { border-bottom-style: dotted; }
        .mark[data-severity="high"] { border-bottom-width: 3px; }
        .mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word; margin: 0; border-color: transparent; }
        .mirror > div { margin: 0; padding: 0; border: 0; unicode-bidi: inherit; }
        .mirror:not([data-each-line]) > div + div, .mirror > div.soft { text-indent: 0; }
        .mirror > .probe { display: none; }
        .mirror[data-input] > div { flex: 1 0 auto; }
        .notice { position: fixed; pointer-events: none; font: 13px/1.4 system-ui, sans-serif; background: #fff8e1; color: #5d4037; border: 1px solid #ffb300; border-radius: 6px; padding: 4px 8px; max-width: 360px; box-shadow: 0 2px 6px #0002; }
      `);
      root.innerHTML = `<div class="clip" part="clip"></div>`;
      this.marks = { host, root, clip: root.querySelector(".clip"), mirror: null, notice: null };
      return this.marks;
    }

    setNotice(text) {
      if (!text) {
        if (this.marks?.notice) {
          this.marks.notice.remove();
          this.marks.notice = null;
        }
        if (this.marks && !this.visible?.length && this.useHighlights) this.removeOverlay();
        return;
      }
      // The same notice again (the worker cut a dense post's findings at each keystroke): it
      // stays where it is, and the drawing that follows places it (a layout here would measure
      // the new text with the old findings, then render would measure it again).
      if (!this.longLineNotice && this.marks?.host.isConnected && this.marks.notice?.textContent === text) return;
      this.longLineNotice = false; // replaced
      this.showNotice(this.ensureOverlay(), text);
      this.layoutKey = "";
      this.layout();
    }

    /** Puts `text` in the overlay's notice (made on first use); positioned by layout. */
    showNotice(m, text) {
      if (!m.notice) {
        m.notice = document.createElement("div");
        m.notice.className = "notice";
        m.notice.setAttribute("role", "status");
        m.root.appendChild(m.notice);
      }
      if (m.notice.textContent !== text) m.notice.textContent = text;
    }

    /** Removes the long-line notice (see hasLongLine) when it is the one shown. */
    dropLongLineNotice() {
      this.longLineNotice = false;
      if (this.marks?.notice) {
        this.marks.notice.remove();
        this.marks.notice = null;
      }
    }

    /**
     * Whether the field shows its text on lines that do not wrap (an <input>, a textarea with
     * `wrap=off`, `white-space: pre` or `nowrap`) and one of them is longer than LONG_LINE
     * UTF-16 units, or the text is longer than LONG_NOWRAP_TEXT. The browser lays out such a
     * line whole in the mirror after each keystroke (measured: 0.07–0.17 s at 15,000
     * characters, 0.7 s at 100,000), so its marks are not drawn.
     */
    hasLongLine(cs) {
      if (this.kind !== "field") return false;
      if (!(this.el.tagName === "INPUT" || cs.whiteSpace === "pre" || cs.whiteSpace === "nowrap")) return false;
      const text = this.analysedText ?? "";
      if (text.length <= LONG_LINE) return false;
      if (text.length > LONG_NOWRAP_TEXT) return true;
      if (this.longLineOf !== text) {
        this.longLineOf = text;
        this.longLine = false;
        for (let a = 0; a < text.length; ) {
          let z = text.indexOf("\n", a);
          if (z < 0) z = text.length;
          if (z - a > LONG_LINE) {
            this.longLine = true;
            break;
          }
          a = z + 1;
        }
      }
      return this.longLine;
    }

    /**
     * Host offset (`position: fixed` may be relative to a transformed ancestor) and zoom (CSS
     * `zoom` on <html> or on the open dialog the host sits in scales every length inside it):
     * a viewport length v is v / z CSS px inside the host.
     */
    hostOrigin(m) {
      const r = m.host.getBoundingClientRect();
      return { x: r.left, y: r.top, z: m.host.currentCSSZoom || 1 };
    }

    /**
     * How the field's own CSS px map to the viewport: its effective CSS `zoom` (ez) and, on top
     * of it, the scale of transformed ancestors (tx, ty), found by comparing its viewport box
     * with its own size; `sb`, its vertical scrollbar's width. `ok` is false when an ancestor
     * (or the field) is rotated, skewed or transformed in 3D: the mirror cannot follow such a
     * box, and its marks would be drawn in the wrong place, so none are drawn.
     */
    fieldGeometry(rect, cs) {
      const el = this.el;
      const px = (v) => parseFloat(v) || 0;
      const ez = el.currentCSSZoom || 1;
      let w = px(cs.width);
      let h = px(cs.height);
      // The field's scrollbars: a vertical one's width (sb, which measureField pads the mirror
      // with) and a horizontal one's height.
      const sb = el.offsetWidth - el.clientWidth - px(cs.borderLeftWidth) - px(cs.borderRightWidth);
      if (cs.boxSizing !== "border-box") {
        // A content box's computed size leaves out its scrollbars (they take their room from
        // it): add them back, or the field's box would seem narrower than it is and its marks
        // would be stretched and wrapped early.
        const sby = el.offsetHeight - el.clientHeight - px(cs.borderTopWidth) - px(cs.borderBottomWidth);
        w += px(cs.paddingLeft) + px(cs.paddingRight) + px(cs.borderLeftWidth) + px(cs.borderRightWidth) + Math.max(0, sb);
        h += px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth) + Math.max(0, sby);
      }
      if (!(w > 0)) w = el.offsetWidth;
      if (!(h > 0)) h = el.offsetHeight;
      let tx = w > 0 ? rect.width / (w * ez) : 1;
      let ty = h > 0 ? rect.height / (h * ez) : 1;
      // Sub-pixel snapping of borders and sizes: below 0.2 % there is no transform.
      if (Math.abs(tx - 1) < 0.002) tx = 1;
      if (Math.abs(ty - 1) < 0.002) ty = 1;
      return { ez, tx, ty, w, h, sb, ok: this.kind !== "field" || (tx > 0 && ty > 0 && !rotatedOrSkewed(el)) };
    }

    /** Viewport rects of finding i's text, one or more per finding. */
    rectsOf(i) {
      if (this.kind === "rich") {
        const r = this.ranges[i];
        return r ? [...r.getClientRects()].filter((x) => x.width > 0 || x.height > 0) : [];
      }
      // Fields: measured in the mirror on first use after each measureField (see layout).
      const cache = this.fieldRects;
      const f = this.visible?.[i];
      const m = this.marks;
      if (!cache || !f || !m?.chunks?.length) return [];
      let rs = cache.get(i);
      if (!rs) {
        const len = (this.analysedText ?? "").length;
        const s = Math.min(f.start, len);
        const e = Math.min(f.end, len);
        rs = [];
        const dx = m.shift?.x || 0;
        const dy = m.shift?.y || 0;
        try {
          // Within each block the finding runs through (its text only, not the blocks' boxes).
          const r = new Range();
          for (let k = mirrorPos(m, s)[2], at = s; at < e && k < m.chunks.length; k++) {
            const c = m.chunks[k];
            const z = Math.min(e, c.start + c.len);
            r.setStart(c.node, at - c.start);
            r.setEnd(c.node, z - c.start);
            at = z;
            // viewport coordinates, copied (the DOMRectList is live only until the next layout)
            for (const x of r.getClientRects()) if (x.width > 0) rs.push(new DOMRect(x.left + dx, x.top + dy, x.width, x.height));
          }
        } catch {
          rs = [];
        }
        cache.set(i, rs);
      }
      return rs;
    }

    /**
     * The text offsets of the field that can be seen in the box `clip`, as [from, to] pairs:
     * the lines in view, found by bisecting caret positions in the mirror, and on fields that
     * do not wrap (an <input>, a textarea with `white-space: pre` or `nowrap`) the part of each
     * of those lines scrolled into view. A long post's findings out of view are then neither
     * measured nor drawn: on a 100,000-character single line, measuring every finding would
     * block the page for seconds.
     */
    visibleSpans(clip) {
      const m = this.marks;
      const text = this.analysedText ?? "";
      const len = text.length;
      if (!m?.chunks?.length || !len) return [[0, len]];
      const r = new Range();
      const dx = m.shift?.x || 0;
      const dy = m.shift?.y || 0;
      const box = (k) => {
        const [node, o] = mirrorPos(m, k);
        r.setStart(node, o);
        r.setEnd(node, o);
        const b = r.getBoundingClientRect();
        return { top: b.top + dy, bottom: b.bottom + dy, left: b.left + dx };
      };
      // The first offset in [lo, hi) whose caret box fails `before`, by bisection.
      const bisect = (lo, hi, before) => {
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (before(box(mid))) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      const first = bisect(0, len, (b) => b.bottom <= clip.top);
      const from = Math.max(0, first - 1);
      const to = bisect(first, len, (b) => b.top < clip.top + clip.height);
      const ws = this.marks.mirror?.style.whiteSpace;
      if (!(this.el.tagName === "INPUT" || ws === "pre" || ws === "nowrap")) return [[from, to]];
      // Lines run past the sides: keep the part of each line in view (a margin of a few
      // characters either side for marks cut by the edge).
      const spans = [];
      let start = from;
      while (start <= to) {
        let end = text.indexOf("\n", start);
        if (end < 0 || end > to) end = to;
        const a = bisect(start, end, (b) => b.left < clip.left);
        const z = bisect(a, end, (b) => b.left <= clip.left + clip.width);
        spans.push([Math.max(start, a - 2), Math.min(end, z + 2)]);
        start = end + 1;
      }
      return spans;
    }

    /**
     * Recomputes the field mirror rects (textarea/input). The mirror is laid out in the field's
     * own CSS px at the field's effective `zoom` (so its text wraps and shapes exactly as the
     * field's), then scaled like the field by its transformed ancestors (`geo`, from
     * fieldGeometry): its text's client rects are then the field's words' viewport rects.
     */
    measureField(rect, cs, geo, o) {
      const m = this.ensureOverlay();
      const el = this.el;
      if (!m.mirror) {
        m.mirror = document.createElement("div");
        m.mirror.className = "mirror";
        m.mirror.setAttribute("aria-hidden", "true");
        m.root.appendChild(m.mirror);
      }
      const mir = m.mirror;
      // The mirror's own lengths (left and top too) count in its zoom: the field's.
      const zoom = geo.ez / o.z;
      mir.style.left = (rect.left - o.x) / geo.ez + "px";
      mir.style.top = (rect.top - o.y) / geo.ez + "px";
      // Copy the field's text styles only when they (or its size) changed: restyling the mirror
      // costs a full relayout of its text.
      const sb = geo.sb;
      const styleKey = MIRROR_PROPS.map((p) => cs[p]).join("|") + `|${geo.w}|${geo.h}|${sb}|${cs.whiteSpace}|${cs.overflowWrap}|${zoom}|${geo.tx}|${geo.ty}`;
      const restyled = styleKey !== m.styleKey;
      if (restyled) {
        m.styleKey = styleKey;
        for (const p of MIRROR_PROPS) mir.style[p] = cs[p];
        mir.style.width = geo.w + "px";
        mir.style.height = geo.h + "px";
        mir.style.boxSizing = "border-box";
        mir.style.zoom = zoom === 1 ? "" : String(zoom);
        mir.style.transformOrigin = "0 0";
        mir.style.transform = geo.tx === 1 && geo.ty === 1 ? "" : `scale(${geo.tx}, ${geo.ty})`;
        // The text indent is the first block's only (see CHUNK), unless each line after a
        // newline gets it.
        mir.toggleAttribute("data-each-line", /each-line/.test(cs.textIndent));
        // Scrollbars take width from the content box: add it to the padding instead, on the
        // side the browser puts it (the left in right-to-left text).
        if (sb > 0) {
          const side = cs.direction === "rtl" ? "paddingLeft" : "paddingRight";
          mir.style[side] = (parseFloat(cs[side]) || 0) + sb + "px";
        }
        // An <input>'s one line is centred in its box (the flex box); its block fills the
        // content box's width (or is as wide as the line, when longer), so that the field's
        // `text-align` and `direction` place the text in it as in the field.
        mir.toggleAttribute("data-input", el.tagName === "INPUT");
        if (el.tagName === "INPUT") {
          mir.style.whiteSpace = "pre";
          mir.style.display = "flex";
          mir.style.alignItems = "center";
          mir.style.overflowWrap = "normal";
        } else {
          mir.style.whiteSpace = cs.whiteSpace === "pre" || cs.whiteSpace === "nowrap" ? cs.whiteSpace : "pre-wrap";
          mir.style.overflowWrap = cs.overflowWrap || "break-word";
          mir.style.display = "block";
        }
      }
      const data = (this.analysedText ?? "") + "\u200b"; // the mark keeps a trailing newline's line
      // Soft block ends (see CHUNK) where a line's layout depends on its own text only.
      // (While soft ends are in use, syncMirrorText looks for right-to-left text in the changed
      // part only.)
      // Words longer than a line must break too (a textarea's own `overflow-wrap: break-word`):
      // else a paragraph of one long word is one line, and every soft end in it would go.
      const softStyle =
        mir.style.whiteSpace === "pre-wrap" && cs.direction === "ltr" && cs.writingMode === "horizontal-tb" && START_ALIGNED.has(cs.textAlign) &&
        !/hanging|each-line/.test(cs.textIndent) && (mir.style.overflowWrap !== "normal" || /break-(all|word)/.test(cs.wordBreak));
      const soft = softStyle && (m.chunks && m.soft ? true : !RTL.test(data));
      const reset = (soft) => {
        m.chunks = [];
        m.data = "";
        m.soft = soft;
        m.dirty = new Set();
        m.toSplit = new Set();
        m.probe = null;
        mir.replaceChildren();
      };
      if (!m.chunks || soft !== m.soft) reset(soft);
      // Another width, font or spacing (or a web font loaded) moves the lines' ends.
      if (restyled || m.fontEpoch !== fontEpoch) {
        m.fontEpoch = fontEpoch;
        for (const c of m.chunks) if (c.soft) m.dirty.add(c);
      }
      if (!syncMirrorText(m, data)) {
        reset(false); // right-to-left text came in
        syncMirrorText(m, data);
      }
      // The soft ends above the field's bottom edge (with the mirror scrolled as the field);
      // all of them when the mirror cannot scroll as far as the field (lines below moved).
      const scroll = () => {
        if (mir.scrollTop !== el.scrollTop) mir.scrollTop = el.scrollTop;
        if (mir.scrollLeft !== el.scrollLeft) mir.scrollLeft = el.scrollLeft;
      };
      scroll();
      if (m.dirty.size) {
        fixSoftEnds(m, mir.getBoundingClientRect().bottom);
        scroll();
        if (m.dirty.size && Math.abs(mir.scrollTop - el.scrollTop) > 1) {
          fixSoftEnds(m);
          scroll();
        }
      }
      scheduleIdle(m);
      // What the mirror could not scroll, in viewport px, added to each rect read in it. The
      // mirror has no scrollbars (their size is the page's to style): a field's horizontal
      // scrollbar (a textarea with `wrap=off`, `overflow-x: scroll`) leaves it a taller client
      // area than the field's, a vertical one a wider one, so it stops short of the field's
      // largest scroll offsets (by up to a scrollbar's size) and its text would sit that much
      // too low at the bottom and too far right at the right end.
      m.shift = { x: (mir.scrollLeft - el.scrollLeft) * geo.ez * geo.tx, y: (mir.scrollTop - el.scrollTop) * geo.ez * geo.ty };
      this.fieldRects = new Map(); // index -> rects, filled by rectsOf
    }

    /** Positions the overlay marks (if any) and the notice. Cheap when nothing moved. */
    layout() {
      if (!CN.alive) return;
      if (!this.connected) {
        this.clear();
        return;
      }
      if (this.useHighlights) this.syncWindow();
      const drawMarks = !this.useHighlights && (this.visible?.length || 0) > 0;
      if (this.longLineNotice && !drawMarks) this.dropLongLineNotice();
      const hasNotice = !!this.marks?.notice;
      if (!drawMarks && !hasNotice) {
        if (!this.useHighlights) this.removeOverlay();
        return;
      }
      const el = this.el;
      const rect = el.getBoundingClientRect();
      // A field's text moves with its font, spacing and padding even when its box does not (a
      // class that changes the font size, a theme): they are part of the key. Read after the
      // box, whose read has already brought style and layout up to date.
      const cs = getComputedStyle(el);
      const textStyle = this.kind === "field" ? `${cs.font}|${cs.letterSpacing}|${cs.wordSpacing}|${cs.padding}|${cs.textIndent}|${cs.whiteSpace}|${cs.unicodeBidi}|${cs.textAlign}|${cs.direction}|${cs.textTransform}|${cs.tabSize}` : "";
      const key = [rect.left, rect.top, rect.width, rect.height, el.scrollTop, el.scrollLeft, innerWidth, innerHeight, this.analysedText?.length, this.visible?.length, textStyle].join();
      if (key === this.layoutKey && this.marks?.host.isConnected) return;
      this.layoutKey = key;
      const m = this.ensureOverlay();
      // Every read before any write: one layout, not one per mark.
      const o = this.hostOrigin(m);
      const geo = this.fieldGeometry(rect, cs);
      // The field's own CSS px to viewport px (zoom and ancestors' scale).
      const sx = geo.ez * geo.tx;
      const sy = geo.ez * geo.ty;
      const bl = (parseFloat(cs.borderLeftWidth) || 0) * sx;
      const bt = (parseFloat(cs.borderTopWidth) || 0) * sy;
      // Clip to the field's padding box (its visible text area), in viewport px.
      const clip = { left: rect.left + bl, top: rect.top + bt, width: el.clientWidth * sx || rect.width, height: el.clientHeight * sy || rect.height };
      // An <input> cuts its text at its content box's sides, not its padding box's: a word
      // scrolled partly out of view must not have its mark drawn on under the padding.
      if (this.kind === "field" && el.tagName === "INPUT" && el.clientWidth) {
        const pl = (parseFloat(cs.paddingLeft) || 0) * sx;
        const pr = (parseFloat(cs.paddingRight) || 0) * sx;
        clip.left += pl;
        clip.width = Math.max(0, clip.width - pl - pr);
      }
      const draw = []; // [finding index, rect] in view
      // A rotated or skewed field: no marks (rather than marks beside the words).
      const longLine = drawMarks && this.hasLongLine(cs);
      if (longLine && !this.longLineNotice) {
        this.showNotice(m, CN.t("notice_long_line"));
        this.longLineNotice = true;
      } else if (!longLine && this.longLineNotice) this.dropLongLineNotice();
      const measurable = geo.ok && !longLine;
      if (!measurable) this.fieldRects = null;
      if (drawMarks && measurable) {
        if (this.kind === "field") this.measureField(rect, cs, geo, o);
        const spans = this.kind === "field" ? this.visibleSpans(clip) : null;
        this.visible.forEach((f, i) => {
          if (spans && !spans.some(([a, z]) => f.end >= a && f.start <= z)) return;
          for (const r of this.rectsOf(i)) {
            // Scrolled out of the field's visible box: not drawn at all.
            if (r.bottom <= clip.top || r.top >= clip.top + clip.height || r.right <= clip.left || r.left >= clip.left + clip.width) continue;
            draw.push([i, r]);
          }
        });
      }
      this.drawn = [...new Set(draw.map(([i]) => i))];
      if (m.notice) {
        m.notice.style.left = Math.max(0, (rect.left - o.x) / o.z) + "px";
        m.notice.style.top = Math.max(0, (rect.bottom - o.y) / o.z + 4) + "px";
        // With its field scrolled out of view, the notice goes too (not pinned to the top).
        const out = rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth;
        m.notice.style.display = out ? "none" : "";
      }
      if (!drawMarks || !measurable) {
        m.clip.replaceChildren();
        return;
      }
      // Viewport px to the host's CSS px.
      const z = o.z;
      m.clip.style.left = (clip.left - o.x) / z + "px";
      m.clip.style.top = (clip.top - o.y) / z + "px";
      m.clip.style.width = clip.width / z + "px";
      m.clip.style.height = clip.height / z + "px";
      // Reuse the mark elements of the previous drawing (a keystroke moves marks, rarely adds).
      const pool = m.pool || (m.pool = []);
      let used = 0;
      for (const [i, r] of draw) {
        const f = this.visible[i];
        let d = pool[used];
        if (!d) {
          d = pool[used] = document.createElement("div");
          d.className = "mark";
        }
        if (!d.isConnected) m.clip.appendChild(d);
        used++;
        if (d.getAttribute("data-cannhac-category") !== f.category) d.setAttribute("data-cannhac-category", f.category);
        if (d.getAttribute("data-severity") !== f.severity) d.setAttribute("data-severity", f.severity);
        if (d.getAttribute("data-index") !== String(i)) d.setAttribute("data-index", String(i));
        const css = `--c: ${COLORS[f.category] || "#e53935"}; left: ${(r.left - clip.left) / z}px; top: ${(r.top - clip.top) / z}px; width: ${r.width / z}px; height: ${r.height / z}px;`;
        if (d.style.cssText !== css) d.style.cssText = css;
      }
      for (let k = used; k < pool.length; k++) pool[k].remove();
      pool.length = used;
    }
  }
  CN.Composer = Composer;
  CN.hasHighlightApi = hasHighlightApi;
})();
