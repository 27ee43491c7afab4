// Cân Nhắc content script, part 6: finds composers, analyses as the user types, keeps the
// underlines in place, and answers the popup ({type: "cannhac:getState"}).
"use strict";

(() => {
  const CN = globalThis.__cannhac;
  if (!CN || CN.started) return;
  CN.started = true;

  const composers = new WeakMap(); // element -> Composer
  const live = new Set(); // composers with something drawn or pending
  let active = null; // the focused composer
  // The focused or last-used composer, held weakly: one the page dropped for good is collected.
  let lastUsedRef = null;
  const lastUsed = () => lastUsedRef?.deref() || null;
  const weak = (c) => (c.weakRef ||= new WeakRef(c));
  CN.settings = null;
  let enabled = false;
  /** Whether Cân Nhắc is on for this site (the guard does nothing where it is off). */
  CN.enabledHere = () => enabled;
  // The benchmark page sets this attribute; then each drawn answer is announced to the page.
  const bench = () => document.documentElement?.hasAttribute("data-cannhac-bench");

  // Not `search`: a search box is not a post (searching "quy định bảo vệ tài liệu mật" on a
  // legal-document site is everyday work).
  const TEXT_INPUTS = new Set(["text", "email", "url", ""]);

  /** The editable root for a focused element, or null when it is not a composer. */
  function editableRoot(el) {
    if (!el || el.nodeType !== 1 || el.closest?.("[data-cannhac]")) return null;
    if (el.tagName === "TEXTAREA") return el.readOnly || el.disabled ? null : el;
    if (el.tagName === "INPUT") {
      const ok = TEXT_INPUTS.has((el.getAttribute("type") || "").toLowerCase()) && !el.readOnly && !el.disabled;
      return ok && el.getAttribute("role") !== "searchbox" && !el.closest('[role="search"]') ? el : null;
    }
    if (!el.isContentEditable) return null;
    // The editing host: the topmost contenteditable ancestor within this tree.
    let root = el;
    for (let p = el.parentElement; p && p.isContentEditable; p = p.parentElement) root = p;
    return root;
  }

  function composerFor(el) {
    const root = editableRoot(el);
    if (!root) return null;
    let c = composers.get(root);
    if (!c) {
      c = new CN.Composer(root);
      c.saveSelection = () => saveSelection(c);
      c.restoreSelection = (s) => restoreSelection(c, s);
      composers.set(root, c);
      if (c.kind === "rich") observe(c);
    }
    return c;
  }

  /** The composer an element (the event target) belongs to, if any. */
  CN.composerOf = (el) => (el && editableRoot(el) ? composerFor(el) : null);

  const composedParent = CN.composedParent;

  /**
   * Whether composer `c` belongs to `scope` (an element, often a form): inside it across shadow
   * roots, associated with it (`form=` attribute), or inside a same-origin iframe inside it.
   */
  function inScope(scope, c) {
    const el = c.el;
    if (el.form && el.form === scope) return true;
    try {
      const frame = el.ownerDocument !== scope.ownerDocument ? el.ownerDocument.defaultView?.frameElement : el;
      return !!frame && within(scope, frame);
    } catch {
      return false;
    }
  }
  CN.inScope = inScope;

  /**
   * The composers a share button / form acts for, the one to show first at the head. In a form
   * (the button's, or `form`), every composer of that form holding a draft, even one never
   * focused (a draft the site restored, an editor in a same-origin iframe or a shadow root): a
   * form posts what its editors hold, so a composer of another form is not one of them. Without
   * a form: the nearest enclosing block (up to ten levels above the button, across shadow roots)
   * holding the focused or last-used composer or a draft decides, with every draft in it; else
   * the focused one, else the last used. Empty when none.
   */
  CN.composersForAction = (btn, form) => {
    form ||= btn?.form || btn?.closest?.("form") || null;
    const cands = [active, lastUsed()].filter((c) => c?.connected);
    if (form) {
      const drafts = draftsOf(deepQuery(form, EDITABLE));
      const used = cands.find((c) => inScope(form, c));
      if (used) return [used, ...(drafts || []).filter((c) => c !== used)];
      if (drafts) return drafts;
    }
    const levels = [];
    for (let p = btn ? composedParent(btn) : null; levels.length < 10 && p && p !== document.body && p !== document.documentElement; p = composedParent(p)) levels.push(p);
    // The editors under the highest level, read once; each level keeps those inside it.
    const all = levels.length ? deepQuery(levels[levels.length - 1], EDITABLE) : [];
    for (const p of levels) {
      const used = cands.find((c) => inScope(p, c));
      const drafts = draftsOf(all.filter((el) => within(p, el)));
      if (used) return [used, ...(drafts || []).filter((c) => c !== used)];
      if (drafts?.length) return drafts;
    }
    return cands.slice(0, 1);
  };

  /** Whether `el` is inside `scope`, across shadow roots. */
  function within(scope, el) {
    for (let n = el; n; n = composedParent(n)) if (n === scope) return true;
    return false;
  }

  const EDITABLE = 'textarea, input, [contenteditable]:not([contenteditable="false"]), iframe';
  /** The elements of `root` matching `sel`, inside open shadow roots too. */
  function deepQuery(root, sel, out = []) {
    out.push(...root.querySelectorAll(sel));
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) deepQuery(el.shadowRoot, sel, out);
    return out;
  }
  /** The editable element of a same-origin iframe (its body, or an editor inside it), or null. */
  function frameEditor(frame) {
    try {
      const doc = frame.contentDocument;
      const body = doc?.body;
      if (!body) return null;
      if (body.isContentEditable || doc.designMode === "on") return body;
      return deepQuery(body, EDITABLE.replace(", iframe", "")).find((e) => e.getClientRects().length) || null;
    } catch {
      return null; // another origin: left to the frame's own content script
    }
  }
  /**
   * The composers of the editable elements `els` (from deepQuery: open shadow roots included)
   * holding a draft (rendered, not blank), longest first; empty when they are all blank, null
   * when there is no composer among them. An iframe counts by its editor (the body a TinyMCE or
   * CKEditor 4 frame edits).
   */
  function draftsOf(els) {
    const found = new Map(); // editable root -> draft length
    let any = false;
    for (const el of els) {
      let target = el;
      if (el.tagName === "IFRAME") target = frameEditor(el);
      else if (!el.getClientRects().length) continue; // hidden: the site's own copy, not the draft
      const root = target && editableRoot(target);
      if (!root || found.has(root)) continue;
      any = true;
      const len = (root.tagName === "TEXTAREA" || root.tagName === "INPUT" ? root.value : root.textContent).trim().length;
      if (len) found.set(root, len);
    }
    if (!any) return null;
    return [...found].sort((x, y) => y[1] - x[1]).map(([root]) => composerFor(root));
  }

  // ---- selection save/restore (the guard's "Sửa lại") ----
  function saveSelection(c) {
    if (c.kind === "field") {
      return { start: c.el.selectionStart ?? 0, end: c.el.selectionEnd ?? 0, dir: c.el.selectionDirection };
    }
    const sel = (c.rootNode.getSelection ? c.rootNode : document).getSelection();
    if (sel?.rangeCount && c.el.contains(sel.getRangeAt(0).startContainer)) return selectionState(sel);
    return c.lastRange ? { range: c.lastRange.cloneRange(), backward: c.lastBackward } : null;
  }
  /**
   * The selection's Range and its direction (a Range has none): backward when its anchor, where
   * the user started selecting, is the Range's end (selected leftwards or upwards).
   */
  function selectionState(sel) {
    const range = sel.getRangeAt(0).cloneRange();
    const backward = !range.collapsed && sel.anchorNode === range.endContainer && sel.anchorOffset === range.endOffset;
    return { range, backward };
  }
  function restoreSelection(c, s) {
    try {
      c.el.focus({ preventScroll: true });
      if (!s) return;
      if (c.kind === "field") c.el.setSelectionRange(s.start, s.end, s.dir || "none");
      else if (s.range) {
        // Anchor and focus as they were: the editor reads its own selection (and its direction,
        // which Shift+arrow extends) back from the DOM's.
        const sel = (c.rootNode.getSelection ? c.rootNode : document).getSelection();
        const r = s.range;
        if (s.backward) sel.setBaseAndExtent(r.endContainer, r.endOffset, r.startContainer, r.startOffset);
        else sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      }
    } catch {
      /* the editor re-rendered: focus is the best we can do */
    }
  }

  // ---- analysis: at most one request per animation frame, stale answers dropped ----
  // The first change in a frame is sent at once (no waiting for the frame); changes that come
  // while this frame's request is out are coalesced and sent at the next frame, together.
  const queued = new Set();
  let frame = 0; // rAF handle while this frame's budget is used
  function schedule(c) {
    if (!enabled || !c) return;
    queued.add(c);
    live.add(c);
    if (!frame) {
      frame = requestAnimationFrame(endFrame);
      queueMicrotask(flush);
    }
  }
  function endFrame() {
    frame = 0;
    if (queued.size) {
      frame = requestAnimationFrame(endFrame);
      flush();
    }
  }
  function flush() {
    const cs = [...queued];
    queued.clear();
    for (const c of cs) analyze(c);
  }

  /**
   * Whether `now` is another post than `before` (the text when the user last dismissed a
   * finding or posted anyway) rather than an edit of it: they share neither their first nor
   * their last ten characters (an edit keeps one end or the other).
   */
  function newPost(before, now) {
    const a = before.trim();
    const b = now.trim();
    if (a.length < 10 || b.length < 10) return false;
    return a.slice(0, 10) !== b.slice(0, 10) && a.slice(-10) !== b.slice(-10);
  }

  async function analyze(c) {
    if (!CN.alive || !enabled) return;
    if (!c.connected) {
      forget(c);
      return;
    }
    const { text } = c.readText();
    if (text === c.analysedText && !c.stale) {
      c.render();
      CN.onFindingsChanged(c);
      return;
    }
    if (text.length > CN.MAX_CHARS) {
      c.seq++; // drop answers in flight
      c.pending = null;
      c.tooLong = true;
      c.analysedText = text;
      c.findings = [];
      c.clearHighlights();
      c.visible = [];
      c.setNotice(CN.t("notice_too_long", [CN.MAX_CHARS.toLocaleString(CN.lang === "vi" ? "vi-VN" : "en-US")]));
      CN.onFindingsChanged(c);
      return;
    }
    if (c.tooLong) {
      c.tooLong = false;
      c.setNotice(null);
    }
    // A new post in the same box (all selected and typed over, or the page emptied the box and
    // the user typed on before it was seen empty): what was dismissed or posted anyway for the
    // last post is asked again.
    if (c.decidedFor != null && newPost(c.decidedFor, text)) {
      c.dismissed.clear();
      c.acceptedHigh?.clear();
      c.decidedFor = null;
    }
    if (!text.trim()) {
      c.seq++;
      c.pending = null;
      c.analysedText = text;
      c.findings = [];
      c.dismissed.clear(); // a new post
      c.acceptedHigh?.clear();
      c.decidedFor = null;
      c.stale = false;
      c.render();
      CN.onFindingsChanged(c);
      return;
    }
    // The editor's own DOM update (MutationObserver) after an input asks again for the same
    // text: the request already out answers it.
    if (c.pending && c.requestedText === text && !c.stale) return;
    const seq = ++c.seq;
    clearTimeout(c.retryTimer); // this request's answer decides whether to ask again
    c.retryTimer = 0;
    const tSend = performance.now();
    const p = CN.request({ type: "analyze", text });
    c.pending = p;
    c.requestedText = text;
    const res = await p;
    if (seq !== c.seq) return; // a newer request was sent: this answer is stale
    c.pending = null;
    if (!res || res.error) {
      if (res?.error) console.debug("Cân Nhắc: analysis failed:", res.error);
      // The underlines drawn are an older text's: they would sit on the wrong words until an
      // answer comes (the worker stopped again and again). Hidden meanwhile, and that text
      // counts as unanalysed again (as in `forget`): an undo back to it must ask again, and the
      // guard must not take it as checked with no findings.
      if (c.findings?.length && c.analysedText !== text) {
        c.analysedText = null;
        c.stale = true;
        c.findings = [];
        c.visible = [];
        c.clearHighlights();
        c.layoutKey = "";
        c.layout();
        if (CN.tooltip?.shown?.composer === c) CN.tooltip.hide();
        CN.onFindingsChanged(c);
      }
      retryLater(c, !!res?.error);
      return;
    }
    c.retries = 0;
    c.failures = 0;
    if (!c.connected) {
      forget(c);
      return;
    }
    c.findings = CN.findingsOf(res);
    c.analysedText = text;
    c.stale = false;
    // The worker keeps at most its limit of findings (the serious ones first): say so, rather
    // than leave the rest of the post silently without underlines.
    const cut = res.truncated > 0 ? res.truncated : 0;
    if (cut || c.truncated) {
      c.truncated = cut;
      const n = (x) => x.toLocaleString(CN.lang === "vi" ? "vi-VN" : "en-US");
      c.setNotice(cut ? CN.t("notice_truncated", [n(c.findings.length), n(cut)]) : null);
    }
    const tAnswer = performance.now();
    if (!c.render()) schedule(c); // the text moved on meanwhile
    CN.onFindingsChanged(c);
    if (bench()) {
      // Where the time goes, for tests/browser/bench.mjs: worker round trip, drawing, and from
      // the last keydown to the request (the browser's own handling of the key first). In the
      // event's detail (a string crosses from this world to the page's), not in an attribute:
      // changing the DOM makes the page re-validate and repaint every highlight.
      const detail = `${(tAnswer - tSend).toFixed(2)} ${(performance.now() - tAnswer).toFixed(2)} ${(tSend - keydownAt).toFixed(2)}`;
      document.dispatchEvent(new CustomEvent("cannhac-rendered", { detail }));
    }
  }

  /**
   * After an analysis without an answer, asks again later (one timer per composer), rather than
   * leave the draft without underlines until the next keystroke. A lost answer (the service
   * worker stopped while it worked, perhaps again and again) is asked again as long as the
   * composer is in the page and its text unanalysed, further apart each time up to
   * RETRY_MAX_MS: each try starts the worker again. An error answer (`failed`: the engine
   * itself failed) is tried three times at most, then left to the next change.
   */
  const RETRY_MAX_MS = 2000;
  /** The wait before try `n` (1, 2, …) of a lost request: 250 ms doubling up to RETRY_MAX_MS. */
  const backoffMs = (n) => Math.min(250 * 2 ** Math.min(n - 1, 10), RETRY_MAX_MS);
  function retryLater(c, failed) {
    clearTimeout(c.retryTimer);
    c.retryTimer = 0;
    c.retries = (c.retries || 0) + 1;
    if (failed && (c.failures = (c.failures || 0) + 1) > 3) return;
    if (!c.connected) return;
    c.retryTimer = setTimeout(() => {
      c.retryTimer = 0;
      // `analyze` asks only if the text is still unanalysed (or stale) and no request is out.
      if (CN.alive && c.connected) schedule(c);
    }, backoffMs(c.retries));
  }

  /**
   * Analyses now (not waiting for the frame) and resolves when the answer is drawn. When a
   * request for this very text is already out, waits for its answer rather than returning at
   * once (`analyze` leaves it to the request in flight): the guard must not decide on the
   * previous text's findings.
   */
  CN.analyzeNow = async (c) => {
    queued.delete(c);
    const { text } = c.readText();
    if (c.pending && c.requestedText === text && !c.stale) {
      try {
        await c.pending; // `analyze`'s own continuation runs first and draws the answer
      } catch {
        /* a failed request: analysed afresh below */
      }
      if (c.analysedText === text && !c.stale) return;
    }
    await analyze(c);
  };

  CN.onFindingsChanged = (c) => {
    const s = CN.tooltip?.shown;
    if (!s || s.composer !== c) return;
    // A new answer for the same text keeps the same finding open (same rule, same span).
    const same = (f) => f.rule_id === s.finding.rule_id && f.start === s.finding.start && f.end === s.finding.end;
    const i = c.visible?.findIndex(same) ?? -1;
    if (i < 0) CN.tooltip.hide();
    else CN.tooltip.rebind(c.visible[i], i);
  };

  function forget(c) {
    c.clear();
    c.seq++;
    c.pending = null;
    clearTimeout(c.retryTimer);
    c.retryTimer = 0;
    // The findings are gone: nothing is known about the text any more. A composer put back
    // into the page (a tab view, a modal re-parented a frame later) is analysed afresh on
    // focus, and the guard analyses before deciding instead of taking the text as checked.
    c.analysedText = null;
    c.requestedText = null;
    c.stale = true;
    live.delete(c);
    queued.delete(c);
    if (mounted.delete(c)) observeMounts();
    if (active === c) active = null;
    if (escaped?.c === c) escaped = null;
    // `lastUsed` stays (weakly): composerForAction skips it while it is out of the page, and
    // finds it again if the page puts it back (the guard must still see its draft).
    if (!c.connected && enabled) watchReturn(c);
  }

  // ---- composers put back into the page (a framework re-mounting them, a tab view shown again) ----
  // While a composer that was forgotten on leaving the page is out, one MutationObserver
  // watches the document (and the shadow root it was in) for its return; back in the page, it
  // is analysed once and its underlines are drawn, without waiting for focus or a keystroke.
  // Nothing is observed while no composer is out; WeakRefs let a composer the page dropped
  // for good be collected.
  const outOfPage = new Set(); // WeakRef(Composer)
  let returnObserver = null;
  function watchReturn(c) {
    outOfPage.add(weak(c));
    returnObserver ||= new MutationObserver(checkReturns);
    returnObserver.observe(document, { childList: true, subtree: true });
    if (c.rootNode instanceof ShadowRoot) returnObserver.observe(c.rootNode, { childList: true, subtree: true });
  }
  function checkReturns() {
    if (!CN.alive) return;
    for (const ref of outOfPage) {
      const c = ref.deref();
      if (c && !c.connected) continue;
      outOfPage.delete(ref);
      if (!c) continue;
      c.stale = true;
      schedule(c);
    }
    if (!outOfPage.size) returnObserver?.disconnect();
  }
  CN.cleanups.push(() => {
    returnObserver?.disconnect();
    outOfPage.clear();
  });

  // Editors that re-render (React, Lexical, ProseMirror…) or change text without an input event.
  function observe(c) {
    // Not in CN.cleanups (which would hold it, and the composer, for the page's life): after
    // a tear-down it disconnects at its next record.
    const mo = new MutationObserver(() => {
      if (!CN.alive) return mo.disconnect();
      schedule(c);
    });
    mo.observe(c.el, { childList: true, subtree: true, characterData: true });
    c.observer = mo;
  }

  // ---- events ----
  function onFocus(e) {
    if (!enabled) return;
    const c = composerFor(CN.deepTarget(e));
    if (!c) return;
    active = c;
    lastUsedRef = weak(c);
    c.lastUsedAt = Date.now();
    c.stale = c.stale || c.analysedText == null;
    CN.warm(); // an empty composer sends nothing yet: start the worker now all the same
    schedule(c);
  }
  CN.on(document, "focusin", onFocus, true);
  CN.on(document, "focusout", (e) => {
    const a = CN.deepActiveElement();
    if (active && a !== active.el && !active.el.contains?.(a)) active = null;
    // A caret tooltip goes with the caret: focus leaving its composer (for another element,
    // another frame or another window) closes it. Not when focus stays in the composer.
    const s = CN.tooltip?.shown;
    if (!s?.pinned) return;
    const to = e.relatedTarget;
    const el = s.composer.el;
    if (to && (to === el || el.contains(to) || to.closest?.("[data-cannhac]"))) return;
    if (CN.deepTarget(e) === el || el.contains(CN.deepTarget(e))) CN.tooltip.hide();
  }, true);
  CN.on(
    document,
    "input",
    (e) => {
      if (!enabled) return;
      const c = composerFor(CN.deepTarget(e));
      if (!c) return;
      active = c;
      lastUsedRef = weak(c);
      c.lastUsedAt = Date.now();
      schedule(c);
      CN.tooltip?.hide();
    },
    true,
  );

  // Caret inside a finding → its tooltip; track the last selection for the guard.
  CN.on(document, "selectionchange", () => {
    if (!enabled || !active?.connected) return;
    const c = active;
    if (c.kind === "rich") {
      const sel = (c.rootNode.getSelection ? c.rootNode : document).getSelection();
      if (sel?.rangeCount && c.el.contains(sel.getRangeAt(0).startContainer)) {
        const st = selectionState(sel);
        c.lastRange = st.range;
        c.lastBackward = st.backward;
      }
    }
    caretTooltip(c);
  });
  // Fields fire selectionchange on the document too in Chromium; keyup/mouseup cover the rest.
  CN.on(document, "keyup", () => active && caretTooltip(active), true);

  // Where Escape closed a caret tooltip: it stays closed while the caret stays there.
  let escaped = null; // {c, at, text}
  function caretTooltip(c) {
    if (!c.visible?.length || c.analysedText !== c.readText().text) return;
    const sel = c.selectionOffsets();
    if (!sel || sel[0] !== sel[1]) return;
    if (escaped) {
      if (escaped.c === c && escaped.at === sel[0] && escaped.text === c.analysedText) return;
      escaped = null;
    }
    const i = c.visible.findIndex((f) => f.start < sel[0] && sel[0] < f.end);
    if (i < 0) {
      if (CN.tooltip.shown?.pinned) CN.tooltip.hide();
      return;
    }
    const r = c.rectsOf(i)[0];
    if (r) CN.tooltip.show(c, i, r, true);
  }

  // Hover: hit-test the underlined rects (the marks themselves let the pointer through).
  let hoverFrame = 0;
  let lastMouse = null;
  CN.on(
    document,
    "mousemove",
    (e) => {
      lastMouse = { x: e.clientX, y: e.clientY };
      if (!hoverFrame) hoverFrame = requestAnimationFrame(hoverCheck);
    },
    { capture: true, passive: true },
  );
  function hoverCheck() {
    hoverFrame = 0;
    if (!lastMouse || !enabled) return;
    for (const c of live) {
      if (!c.connected || !c.visible?.length) continue;
      const h = CN.tooltip.hit(c, lastMouse.x, lastMouse.y);
      if (h) {
        CN.tooltip.show(c, h.index, h.rect);
        return;
      }
    }
    const s = CN.tooltip.shown;
    if (s && !s.pinned) CN.tooltip.scheduleHide();
  }
  let keydownAt = 0; // for the benchmark's breakdown
  CN.on(document, "keydown", (e) => {
    keydownAt = performance.now();
    // Alt+↓ with a caret tooltip open: into its buttons (Tab is the page's).
    if (e.key === "ArrowDown" && e.altKey && !e.ctrlKey && !e.metaKey && CN.tooltip.shown?.pinned) {
      if (CN.tooltip.focusFirst()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      return;
    }
    if (e.key !== "Escape") return;
    if (CN.tooltip.shown) {
      // Closed until the caret moves (the key's own keyup would open it again).
      const c = active?.connected ? active : null;
      const sel = c?.selectionOffsets();
      escaped = c && sel ? { c, at: sel[0], text: c.analysedText } : null;
      CN.tooltip.hide();
    } else CN.tooltip.closeElsewhere(); // a hover tooltip in another frame
  }, true);
  // The pointer left this document (for another frame or out of the window): it moves no more
  // here, so a hover tooltip would stay open for good; it closes as on leaving its word.
  CN.on(
    document,
    "mouseout",
    (e) => {
      const to = e.relatedTarget;
      if (to && !/^(IFRAME|FRAME|OBJECT|EMBED)$/.test(to.tagName)) return;
      lastMouse = null;
      const s = CN.tooltip.shown;
      if (s && !s.pinned) CN.tooltip.scheduleHide();
    },
    { capture: true, passive: true },
  );

  // Keep overlay marks on their words: scrolling (any element), resizing, and a cheap per-frame
  // check of the composer's box for moves that fire no event (transforms, animations, layout).
  // Underlines drawn through CSS.highlights move with their text by themselves: for them (the
  // re-mount check, the window of registered Ranges, a tooltip over them) a check every
  // POLL_MS is enough. A frame callback asked for every frame widened a race in Lexical, which
  // learns of a caret move from the selectionchange task: with a frame due every 16 ms, End
  // then Backspace a few milliseconds apart deleted at the old caret.
  const POLL_MS = 100;
  let layoutFrame = 0;
  let layoutPoll = 0;
  function relayoutSoon() {
    if (!layoutFrame) layoutFrame = requestAnimationFrame(relayout);
  }
  // A web font that arrives after the marks were drawn (`font-display: swap`) moves the text
  // under them, though the font's name and the field's box stay the same: measure again. In a
  // rich editor that scrolls inside itself, other findings may come into view without its box
  // or scroll offset changing: the window of registered Ranges (syncWindow) is chosen again.
  document.fonts?.addEventListener?.("loadingdone", () => {
    for (const c of live) {
      c.layoutKey = "";
      c.windowKey = null;
    }
    relayoutSoon();
  });

  // A rich composer the page takes out and puts back in one task (a framework re-mounting it
  // synchronously): its Ranges collapsed out of it when it left, so its underlines are gone
  // until relayout makes them again, which the POLL_MS timer would do up to 100 ms later (a
  // flicker). And a composer the page takes out for good (a chat closed) must be forgotten
  // (`forget`: its Ranges, overlay and place in `live` dropped, so that it can be collected),
  // though with nothing drawn nothing else looks at it again. One MutationObserver watches the
  // direct children (childList, no subtree) of each ancestor of the live composers, up to the
  // document across shadow roots: the composer or an ancestor leaving or coming back queues a
  // record there, churn elsewhere in the page none. Its callback (once per batch of records)
  // only reads each watched composer's sentinel and asks for one frame (before the next paint)
  // when one left or came back; relayout does the work. Nothing is observed while no composer
  // is live.
  const mounted = new Set(); // composers whose ancestors mountObserver watches
  let mountObserver = null;
  /** Starts or stops watching `c`'s ancestors after it drew (or cleared) its findings. */
  function watchMount(c) {
    const watch = c.connected && live.has(c);
    if (watch === mounted.has(c) && (!watch || c.mountParent === c.el.parentNode)) return;
    if (watch) mounted.add(c);
    else mounted.delete(c);
    observeMounts();
  }
  function observeMounts() {
    mountObserver?.disconnect();
    for (const c of mounted) {
      if (!c.connected) {
        mounted.delete(c);
        continue;
      }
      mountObserver ||= new MutationObserver(onMountChange);
      c.mountParent = c.el.parentNode;
      for (let n = c.el.parentNode; n; n = n.parentNode || n.host) mountObserver.observe(n, { childList: true });
    }
  }
  function onMountChange() {
    if (!CN.alive) return;
    let changed = false;
    let moved = false;
    for (const c of mounted) {
      if (!c.connected || c.remounted()) {
        // Out (relayout forgets it), or back with its Ranges to make again (then observed again).
        c.mountParent = null;
        changed = true;
      } else if (c.mountParent !== c.el.parentNode) moved = true; // put back elsewhere in one task
    }
    if (moved) observeMounts(); // its new ancestors are watched
    if (changed) relayoutSoon();
  }
  CN.cleanups.push(() => {
    mountObserver?.disconnect();
    mounted.clear();
  });
  function relayout() {
    layoutFrame = 0;
    clearTimeout(layoutPoll);
    layoutPoll = 0;
    if (!CN.alive) return;
    let keep = false; // overlay marks: every frame
    let poll = false; // highlights: every POLL_MS
    for (const c of live) {
      if (!c.connected) {
        forget(c);
        continue;
      }
      // Taken out and put back within a frame: its Ranges collapsed out of it when it left,
      // so they are made again on the same findings (no analysis when the text is the same).
      if (c.remounted() && !c.render()) schedule(c);
      // Values set by the page's script fire no input event: look again, at most twice a second,
      // and never for an over-long text (reading a 1 MB value costs milliseconds).
      const now = performance.now();
      if (c.kind === "field" && !c.tooLong && c.analysedText != null && now - (c.valueCheckedAt || 0) > 500) {
        c.valueCheckedAt = now;
        // Not while a lost answer waits for its retry: the retry reads the value itself.
        if (c.el.value !== c.analysedText && !queued.has(c) && !c.retryTimer) schedule(c);
      }
      c.layout();
      if (!c.useHighlights && (c.visible?.length || c.marks?.notice)) keep = true;
      else if (c.useHighlights && c.visible?.length) poll = true;
    }
    const s = CN.tooltip.shown;
    if (s) {
      if (s.composer.useHighlights) poll = true;
      else keep = true;
      // It follows its words, and closes once they are gone or out of view (the page or a
      // scrolling box moved them away).
      const r = s.composer.connected ? s.composer.rectsOf(s.index).find((x) => inView(s.composer.el, x)) : null;
      if (r) CN.tooltip.follow(r);
      else CN.tooltip.hide();
    }
    if (keep) layoutFrame = requestAnimationFrame(relayout);
    // Straight from the timer, not through a frame callback: no frame is asked for.
    else if (poll) layoutPoll = setTimeout(() => layoutFrame || relayout(), POLL_MS);
  }
  /**
   * Whether the viewport rect `r` (a finding's words) can be seen: inside the viewport, the
   * composer's box if it clips (fields always do), and every clipping box around it up to a
   * fixed-position one (whose own box is then the last clip).
   */
  function inView(el, r) {
    let left = Math.max(0, r.left);
    let top = Math.max(0, r.top);
    let right = Math.min(innerWidth, r.right);
    let bottom = Math.min(innerHeight, r.bottom);
    const field = el.tagName === "TEXTAREA" || el.tagName === "INPUT";
    for (let n = el, k = 0; n && n.nodeType === 1 && k < 64 && right > left && bottom > top; k++) {
      if (n === document.documentElement || n === document.body) break;
      const cs = getComputedStyle(n);
      if ((n === el && field) || cs.overflowX !== "visible" || cs.overflowY !== "visible") {
        const b = n.getBoundingClientRect();
        const bl = b.left + n.clientLeft;
        const bt = b.top + n.clientTop;
        left = Math.max(left, bl);
        top = Math.max(top, bt);
        right = Math.min(right, bl + (n.clientWidth || b.width));
        bottom = Math.min(bottom, bt + (n.clientHeight || b.height));
      }
      if (cs.position === "fixed") break;
      n = n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
    }
    return right > left && bottom > top;
  }
  CN.on(window, "scroll", relayoutSoon, { capture: true, passive: true });
  CN.on(window, "resize", relayoutSoon, { passive: true });
  const origRender = CN.Composer.prototype.render;
  CN.Composer.prototype.render = function (...a) {
    const r = origRender.apply(this, a);
    watchMount(this);
    relayoutSoon();
    return r;
  };

  // ---- the popup asks for the state of this tab's composer ----
  CN.onMessage("cannhac:getState", () => {
    const c = [active, lastUsed()].find((x) => x?.connected) || null;
    // Each finding carries the words it covers, which the popup quotes ("'TÀI LIỆU MẬT'").
    const quoted = (f) => ({ ...f, text: (c.analysedText ?? "").slice(f.start, f.end) });
    const state = c
      ? { hasComposer: true, findings: (c.visible || []).map(quoted), textLength: c.readText().text.length, lastUsedAt: c.lastUsedAt }
      : { hasComposer: false, findings: [], textLength: 0, lastUsedAt: null };
    if (c) return state;
    // Frames without a composer stay silent so a frame with one answers; the top frame
    // answers "no composer" after a short wait.
    if (window.top !== window) return undefined;
    return new Promise((r) => setTimeout(() => r(state), 150));
  });

  // ---- settings ----
  function activeOn(s, hostname) {
    // Same rule as extension/shared/settings.js activeOn (content scripts cannot import modules).
    const match = (list) => (list || []).some((h) => hostname === h || hostname.endsWith("." + h));
    return s.siteMode === "only" ? match(s.onlySites) : !match(s.disabledSites);
  }
  // A settings request without an answer (the service worker stopped while it answered) is
  // asked again, further apart each time (backoffMs), rather than leave the page without
  // underlines and without the guard until it reloads.
  let settingsRetry = 0;
  let settingsTries = 0;
  CN.cleanups.push(() => clearTimeout(settingsRetry));
  async function loadSettings() {
    clearTimeout(settingsRetry);
    settingsRetry = 0;
    const s = await CN.send({ type: "getSettings" });
    if (!s || s.error) {
      if (CN.alive) {
        settingsTries++;
        settingsRetry = setTimeout(loadSettings, backoffMs(settingsTries));
      }
      return;
    }
    settingsTries = 0;
    CN.settings = s;
    await CN.setLanguage(s.language);
    const host = location.hostname || (window.top !== window ? safeTopHost() : "");
    CN.siteHost = host;
    const was = enabled;
    enabled = activeOn(s, host);
    if (!enabled) {
      for (const c of live) forget(c);
      CN.tooltip?.hide();
      return;
    }
    // Switched back on: the drafts seen before (not only the focused one) are checked again.
    if (!was) {
      for (const el of document.querySelectorAll(EDITABLE)) {
        const x = composers.get(el);
        if (x?.connected && x.readText().text.trim()) live.add(x);
      }
    }
    // Re-analyse with the new rules; a focused composer first.
    const a = CN.deepActiveElement();
    const c = composerFor(a);
    if (c) {
      active = c;
      if (!lastUsed()) lastUsedRef = weak(c);
    }
    for (const x of live) {
      x.stale = true;
      schedule(x);
    }
    if (c) {
      c.stale = true;
      schedule(c);
    }
  }
  /**
   * The top page's host from a frame: read directly when same-origin, else from the frame's
   * ancestor origins (a data: or sandboxed srcdoc frame has no host of its own, and the site's
   * switches must still apply there).
   */
  function safeTopHost() {
    try {
      const h = window.top.location.hostname;
      if (h) return h;
    } catch {
      /* another origin */
    }
    const anc = location.ancestorOrigins;
    try {
      return anc?.length ? new URL(anc[anc.length - 1]).hostname : "";
    } catch {
      return "";
    }
  }
  try {
    CN.api.storage.onChanged.addListener(function onChanged(changes, area) {
      if (!CN.alive) return;
      if (area === "sync" && changes.settings) loadSettings();
    });
  } catch {
    /* no storage events */
  }
  CN.onMessage("cannhac:settingsChanged", () => {
    loadSettings();
    return undefined;
  });

  // Tear-down when the extension goes away (reload/uninstall): nothing may be left behind.
  CN.cleanups.push(() => {
    for (const c of live) {
      c.clear();
      c.observer?.disconnect();
    }
    live.clear();
    cancelAnimationFrame(frame);
    cancelAnimationFrame(layoutFrame);
    clearTimeout(layoutPoll);
  });
  const heartbeat = setInterval(() => {
    if (!CN.api?.runtime?.id) {
      clearInterval(heartbeat);
      CN.shutdown();
    }
  }, 2000);
  CN.cleanups.push(() => clearInterval(heartbeat));

  loadSettings();
})();
