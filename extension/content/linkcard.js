// Cân Nhắc content script, part 5: the "Check this link" card. The service worker computes the
// verdict offline (check_link in the WASM engine) when the context-menu item is chosen and sends
// {type: "cannhac:linkCard", url, report}; the card shows it in an open shadow root as a small
// dialog (role="dialog", Escape or the close button dismisses it).
"use strict";

(() => {
  const CN = globalThis.__cannhac;
  if (!CN || CN.linkCard) return;

  let lastLink = null; // {a, href, text, rect, at}: the link last right-clicked in this frame
  let card = null;

  CN.on(
    document,
    "contextmenu",
    (e) => {
      const a = CN.deepTarget(e)?.closest?.("a[href]");
      lastLink = a
        ? { a, href: a.href, text: (a.innerText || a.textContent || "").trim().slice(0, 500), rect: a.getBoundingClientRect(), at: Date.now() }
        : { a: null, href: null, text: String(getSelection() || "").slice(0, 500), rect: null, at: Date.now(), x: e.clientX, y: e.clientY };
    },
    true,
  );

  const VERDICT_COLORS = { official: "#1a7f37", registered_press: "#0969da", unknown: "#57606a", caution: "#bf8700", suspicious: "#cf222e" };

  function close() {
    if (!card) return;
    const c = card;
    card = null;
    c.host.remove();
    try {
      c.prevFocus?.focus?.({ preventScroll: true });
    } catch {
      /* gone */
    }
  }
  CN.cleanups.push(close);

  async function showCard(msg) {
    // Chromium's menu info has no link text: take it from the link right-clicked here.
    const recent = lastLink && Date.now() - lastLink.at < 60_000 ? lastLink : null;
    const fromHere = recent && recent.href && recent.href === msg.url ? recent : null;
    let report = msg.report;
    if (fromHere?.text && !msg.linkText) {
      const r = await CN.send({ type: "checkLink", url: msg.url, text: fromHere.text });
      if (r && !r.error) report = r;
    }
    close();
    const { host, root } = CN.makeHost("cannhac-linkcard");
    host.style.pointerEvents = "auto";
    host.style.width = "0";
    const verdict = report?.verdict || "unknown";
    const reasons = (report?.reasons || []).filter((c) => typeof c === "string");
    const destHost = report?.host_unicode || report?.host || "";
    const puny = report?.host_punycode && report.host_punycode !== destHost ? report.host_punycode : "";
    CN.adoptCss(root, `
      .card { position: fixed; width: min(380px, calc(100vw - 16px)); box-sizing: border-box; font: 13px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-top: 5px solid var(--c); border-radius: 10px; padding: 12px 14px; box-shadow: 0 10px 30px #0004; }
      h2 { font-size: 14px; margin: 0 0 6px; display: flex; justify-content: space-between; gap: 8px; align-items: start; }
      .verdict { display: inline-block; font-weight: 700; color: var(--c); font-size: 15px; }
      .host { font-family: ui-monospace, monospace; word-break: break-all; }
      .mismatch { background: #fff1f0; border: 1px solid #ffb3ad; border-radius: 6px; padding: 6px 8px; margin: 8px 0; color: #82071e; }
      ul { padding-left: 18px; margin: 6px 0; }
      .expl { color: #424a53; margin: 6px 0; }
      .close { font: inherit; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 6px; padding: 1px 8px; cursor: pointer; }
      .close:focus-visible { outline: 2px solid #0969da; }
      .note { color: #57606a; font-size: 11px; margin-top: 6px; }
    `);
    root.innerHTML = `
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="cn-lc-title" tabindex="-1">
      <h2><span id="cn-lc-title"></span><button type="button" class="close"></button></h2>
      <div class="verdict"></div>
      <div class="expl"></div>
      <div><span class="label-host"></span> <span class="host"></span></div>
      <div class="mismatch" role="alert" hidden></div>
      <ul class="reasons"></ul>
      <div class="note"></div>
    </div>`;
    const el = root.querySelector(".card");
    el.setAttribute("data-verdict", verdict);
    const ul = root.querySelector(".reasons");
    for (const code of reasons) {
      const li = document.createElement("li");
      li.setAttribute("data-reason", code);
      li.textContent = reasonText(code);
      ul.appendChild(li);
    }
    el.style.setProperty("--c", VERDICT_COLORS[verdict] || "#57606a");
    root.getElementById("cn-lc-title").textContent = CN.t("linkcard_title");
    const closeBtn = root.querySelector(".close");
    closeBtn.textContent = "×";
    closeBtn.setAttribute("aria-label", CN.t("linkcard_close"));
    root.querySelector(".verdict").textContent = CN.t("verdict_" + verdict);
    root.querySelector(".expl").textContent = CN.msg(report?.explanation) || "";
    root.querySelector(".label-host").textContent = CN.t("linkcard_destination");
    root.querySelector(".host").textContent = (destHost || msg.url) + (puny ? ` (${puny})` : "");
    if (msg.noUrl) {
      el.setAttribute("data-verdict", "none");
      root.querySelector(".verdict").textContent = CN.t("linkcard_no_url");
      root.querySelector(".expl").textContent = "";
      root.querySelector(".label-host").parentElement.hidden = true;
    }
    if (report?.mismatch && report.textDomain) {
      const m = root.querySelector(".mismatch");
      m.hidden = false;
      m.textContent = CN.t("linkcard_mismatch", [report.textDomain, destHost || report.host || ""]);
    }
    if (!reasons.length) ul.remove();
    root.querySelector(".note").textContent = CN.t("linkcard_offline");
    // Place it under the link when we know where it is, else at the top right.
    const r = fromHere?.a?.isConnected ? fromHere.a.getBoundingClientRect() : null;
    const o = host.getBoundingClientRect();
    const w = Math.min(380, innerWidth - 16);
    const left = r ? Math.min(Math.max(8, r.left), innerWidth - w - 8) : innerWidth - w - 16;
    let top = r ? r.bottom + 8 : 16;
    el.style.left = left - o.left + "px";
    el.style.top = top - o.top + "px";
    const h = el.offsetHeight;
    if (r && top + h > innerHeight - 8) el.style.top = Math.max(8, r.top - h - 8) - o.top + "px";
    card = { host, prevFocus: document.activeElement };
    closeBtn.addEventListener("click", close);
    root.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    closeBtn.focus({ preventScroll: true });
  }

  function reasonText(code) {
    const s = CN.t("reason_" + code);
    return s === "reason_" + code ? code : s;
  }

  // Escape also works when focus went back to the page.
  CN.on(
    document,
    "keydown",
    (e) => {
      if (card && e.key === "Escape") close();
    },
    true,
  );

  CN.linkCard = {
    show: showCard,
    close,
    get lastLink() {
      return lastLink;
    },
  };
  CN.onMessage("cannhac:linkCard", (msg) => {
    // Chosen on a selection that holds no link: the card says so rather than nothing happening.
    if (msg.error === "noUrl") msg = { noUrl: true, url: "" };
    // With several frames, the one where the link was right-clicked shows it; the top frame
    // shows it when no frame says so.
    const mine = lastLink && Date.now() - lastLink.at < 60_000;
    if (mine || window.top === window) showCard(msg);
  });
})();
