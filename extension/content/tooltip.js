// Cân Nhắc content script, part 3: the tooltip over an underlined phrase (hover, or the caret
// inside it): what was found, the duty it speaks to, a suggestion to apply, or dismiss.
"use strict";

(() => {
  const CN = globalThis.__cannhac;
  if (!CN || CN.tooltip) return;

  let ui = null; // {host, root, box}
  let shown = null; // {composer, finding, index, pinned}
  let hideTimer = 0;
  // At most one tooltip in the whole tab: each frame's content script has its own, so one that
  // opens tells the others through the service worker (any frame, same-origin or not), which
  // close theirs if it is older. `token` tells this document's scripts from the others.
  const token = Math.random().toString(36).slice(2) + Date.now().toString(36);
  let openedAt = 0; // when the open tooltip opened (wall-clock ms, sub-ms precision)
  let elsewhere = false; // another frame opened a tooltip since this one last did
  const now = () => performance.timeOrigin + performance.now();
  /** Closes every tooltip of the tab opened before now, except this document's. */
  function closeOthers() {
    elsewhere = false;
    CN.request({ type: "closeTooltips", at: now(), except: token });
  }
  CN.onMessage("cannhac:closeTooltips", (msg) => {
    if (msg.except === token) return undefined;
    elsewhere = true;
    if (shown && openedAt < Number(msg.at)) hide();
    return undefined;
  });

  function ensureUi() {
    if (ui?.host.isConnected) return ui;
    const { host, root } = CN.makeHost("cannhac-tooltip");
    CN.adoptCss(root, `
      .tip { position: fixed; pointer-events: auto; max-width: 340px; box-sizing: border-box; font: 13px/1.45 system-ui, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-left: 4px solid var(--c, #e53935); border-radius: 8px; padding: 10px 12px; box-shadow: 0 6px 20px #0003; }
      .head { font-weight: 600; margin-bottom: 4px; display: flex; gap: 6px; align-items: baseline; }
      .sev { font-weight: 500; font-size: 11px; text-transform: uppercase; color: var(--c); }
      .duty { margin-top: 6px; color: #57606a; font-size: 12px; }
      .keys { margin-top: 6px; color: #57606a; font-size: 11px; }
      .keys:empty { display: none; }
      .row { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; }
      button { font: inherit; font-size: 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; padding: 3px 8px; cursor: pointer; color: inherit; }
      button.apply { background: #1f883d; color: #fff; border-color: #1a7f37; }
      button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
    `);
    root.innerHTML = `<div class="tip" role="tooltip" hidden></div>`;
    ui = { host, root, box: root.querySelector(".tip") };
    // Keep the editor's focus and selection when the tooltip is clicked.
    ui.box.addEventListener("mousedown", (e) => e.preventDefault());
    ui.box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    ui.box.addEventListener("mouseleave", () => scheduleHide());
    // From the keyboard (reached with Alt+↓ from the editor, see focusFirst): Tab and
    // Shift+Tab go round its buttons, Escape goes back to the editor where the caret was.
    ui.box.addEventListener("keydown", (e) => {
      const buttons = [...ui.box.querySelectorAll("button")];
      const at = buttons.indexOf(ui.root.activeElement);
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        backToEditor();
      } else if (e.key === "Tab" && buttons.length) {
        e.preventDefault();
        e.stopPropagation();
        const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
        buttons[next].focus();
      }
    });
    CN.cleanups.push(() => host.remove());
    return ui;
  }

  function dutyLine(f) {
    const ds = (f.duties || []).filter((d) => d >= 1 && d <= 10);
    if (!ds.length) return "";
    return ds.map((d) => CN.t("tooltip_duty", [String(d), CN.t(`duty_${d}_title`)])).join(" · ");
  }

  /** Opens (or moves) the tooltip on finding `index` of `composer`, under `anchor`. */
  function show(composer, index, anchor, pinned = false) {
    if (!composer.visible?.[index] || !anchor) return;
    clearTimeout(hideTimer);
    open(composer, index, anchor, pinned);
  }

  /** show() without cancelling a pending hide (the pointer left its word). */
  function open(composer, index, anchor, pinned) {
    const f = composer.visible?.[index];
    if (!f || !anchor) return;
    const { box } = ensureUi();
    const same = shown && shown.composer === composer && shown.finding === f;
    if (box.hidden) {
      // Newly open (not moved, nor rebound to a newer answer's equal finding).
      openedAt = now();
      closeOthers();
    }
    shown = { composer, finding: f, index, pinned };
    if (!same) {
      box.style.setProperty("--c", CN.COLORS[f.category] || "#e53935");
      const span = (composer.analysedText || "").slice(f.start, f.end);
      const el = (tag, cls, text) => {
        const e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text != null) e.textContent = text;
        return e;
      };
      const head = el("div", "head");
      head.append(el("span", null, CN.categoryName(f.category)), el("span", "sev", CN.severityName(f.severity)));
      const row = el("div", "row");
      if (f.suggestion != null) {
        const apply = el("button", "apply", f.suggestion === "" ? CN.t("tooltip_remove") : CN.t("tooltip_replace", [f.suggestion]));
        apply.type = "button";
        apply.addEventListener("click", () => applySuggestion(composer, f));
        row.append(apply);
      }
      const dis = el("button", "dismiss", CN.t("tooltip_dismiss"));
      dis.type = "button";
      dis.addEventListener("click", () => dismiss(composer, f));
      row.append(dis);
      // The keys that reach the buttons from the editor (a caret tooltip only).
      const keys = el("div", "keys", pinned ? CN.t("tooltip_keys") : "");
      box.replaceChildren(head, el("div", "msg", CN.msg(f.message) || span), el("div", "duty", dutyLine(f)), row, keys);
      box.setAttribute("data-cannhac-tooltip", f.category);
    }
    box.hidden = false;
    place(anchor);
  }

  /** Below the word, flipped above when there is no room. */
  function place(anchor) {
    const { box } = ui;
    const o = ui.host.getBoundingClientRect();
    // Under html { zoom } the host is zoomed: its px are z viewport px.
    const z = ui.host.currentCSSZoom || 1;
    const w = box.offsetWidth * z;
    const h = box.offsetHeight * z;
    let left = Math.min(Math.max(4, anchor.left), innerWidth - w - 4);
    let top = anchor.bottom + 6;
    if (top + h > innerHeight - 4) top = Math.max(4, anchor.top - h - 6);
    box.style.left = (left - o.left) / z + "px";
    box.style.top = (top - o.top) / z + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (ui) {
      ui.box.hidden = true;
      ui.box.replaceChildren(); // its buttons' listeners hold the composer (it may be leaving the page)
    }
    shown = null;
  }
  function scheduleHide(ms = 250) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, ms);
  }

  function dismiss(composer, f) {
    composer.dismissed.add(composer.dismissKey(f));
    composer.decidedFor = composer.readText().text; // the post these choices are for
    // Chosen from the keyboard: back to the editor where the caret was.
    if (returnTo) backToEditor();
    else hide();
    composer.render();
    CN.onFindingsChanged?.(composer);
  }

  const tick = () => new Promise((r) => setTimeout(r, 0));

  /**
   * Replaces the finding's span with its suggestion through the editor's own input path
   * (execCommand insertText fires beforeinput/input like typing does), so the editor updates its
   * model and Ctrl+Z undoes it.
   */
  async function applySuggestion(composer, f) {
    const el = composer.el;
    const expected = composer.analysedText;
    const s = f.suggestion ?? "";
    returnTo = null; // the editor gets the focus and the caret below
    hide();
    if (composer.readText().text !== expected) return; // text changed under us: do nothing
    // Removing words takes one space with them, as deleting a word does ("hay, đồ ngu kia" →
    // "hay, kia", "nó là đồ ngu." → "nó là."), not two left side by side.
    let { start, end } = f;
    if (s === "" && expected) {
      const before = start === 0 ? "" : expected[start - 1];
      const after = expected[end] ?? "";
      if (after === " " && (before === "" || before === " ")) end += 1;
      else if (before === " " && (after === "" || /[\s.,!?;:)\]…]/.test(after))) start -= 1;
    }
    el.focus({ preventScroll: true });
    if (composer.kind === "field") {
      el.setSelectionRange(start, end);
      const ok = s === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, s);
      if (!ok) {
        el.setRangeText(s, start, end, "end");
        el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: s }));
      }
      return;
    }
    const model = CN.richText(el);
    const range = composer.rangeFor(model, start, end);
    if (!range) return;
    const sel = (composer.rootNode.getSelection ? composer.rootNode : document).getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    await tick(); // let the editor see the selection (selectionchange) before the edit
    if (s === "") document.execCommand("delete", false);
    else document.execCommand("insertText", false, s);
  }

  /** Which visible finding of `composer` is under the point (x, y), and its rect. */
  function hit(composer, x, y) {
    // Only the findings drawn in view can be under the pointer (all of them when unknown).
    const n = composer.visible?.length || 0;
    for (const i of composer.drawn ?? composer.visible?.keys() ?? []) {
      if (i >= n) continue;
      for (const r of composer.rectsOf(i)) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 2) return { index: i, rect: r };
      }
    }
    return null;
  }

  /** Points the open tooltip at an equal finding from a newer answer (its buttons act on it). */
  function rebind(finding, index) {
    if (!shown || shown.finding === finding) return;
    const { composer, pinned } = shown;
    const anchor = composer.rectsOf(index)[0];
    shown = null; // rebuild the content for the new object
    if (anchor) open(composer, index, anchor, pinned);
    else hide();
  }

  /** Where the caret was when focus went into the tooltip (for Escape). */
  let returnTo = null;

  /**
   * Moves focus to the open caret tooltip's first button (Alt+↓ in the editor): the buttons
   * cannot be reached with Tab, which belongs to the page. True when it did.
   */
  function focusFirst() {
    const first = ui?.box.hidden === false ? ui.box.querySelector("button") : null;
    if (!first || !shown) return false;
    returnTo = { composer: shown.composer, sel: shown.composer.saveSelection() };
    first.focus();
    return true;
  }

  function backToEditor() {
    const r = returnTo;
    returnTo = null;
    hide();
    if (r?.composer.connected) {
      r.composer.el.focus({ preventScroll: true });
      r.composer.restoreSelection(r.sel);
    }
  }

  /** Keeps the open tooltip on its words when they move (a pending hide still happens). */
  function follow(anchor) {
    if (shown && ui && !ui.box.hidden && anchor) place(anchor);
  }

  CN.tooltip = {
    show,
    follow,
    rebind,
    /** Escape with no tooltip here: close one another frame may have open. */
    closeElsewhere() {
      if (elsewhere) closeOthers();
    },
    hide,
    scheduleHide,
    apply: applySuggestion,
    dismiss,
    focusFirst,
    hit,
    get shown() {
      return shown;
    },
    get element() {
      return ui?.box ?? null;
    },
  };
})();
