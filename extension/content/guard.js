// Cân Nhắc content script, part 4: the pre-share guard.
//
// Watches the site's share action (its post/reply/send button, Ctrl+Enter, Enter in a comment box
// that posts on Enter, the composer form's submit). With a `high` finding in the draft it stops
// that action and asks: "Sửa lại" (back to the composer, text and caret unchanged) or "Vẫn đăng"
// (the very same action is replayed; the draft is never changed). Clean drafts pass at once.
"use strict";

(() => {
  const CN = globalThis.__cannhac;
  if (!CN || CN.guard) return;

  // Site profiles: the share buttons of the big sites (studied from their composers' markup;
  // aria-labels are in Vietnamese and English because the UI language varies) and whether their
  // comment/message boxes post on Enter.
  const PROFILES = [
    {
      hosts: ["facebook.com"],
      buttons:
        '[aria-label="Post"][role="button"], [aria-label="Đăng"][role="button"], [aria-label="Comment"][role="button"], [aria-label="Bình luận"][role="button"], [aria-label="Press Enter to post."], #focused-state-composer-submit, [aria-label="Gửi"][role="button"], [aria-label="Reply"][role="button"], [aria-label="Trả lời"][role="button"]',
      enterPosts: (el) => el.isContentEditable && !!el.closest('form, [role="article"], [aria-label*="comment" i], [aria-label*="bình luận" i]') && !el.closest('[role="dialog"] [aria-label*="post" i]'),
    },
    {
      hosts: ["messenger.com"],
      buttons: '[aria-label="Press enter to send"], [aria-label="Nhấn Enter để gửi"], [aria-label="Send"][role="button"], [aria-label="Gửi"][role="button"]',
      enterPosts: (el) => el.isContentEditable,
    },
    {
      hosts: ["x.com", "twitter.com"],
      buttons: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"], [data-testid="dmComposerSendButton"]',
      enterPosts: (el) => !!el.closest('[data-testid="dmComposerTextInput"]'),
    },
    {
      hosts: ["chat.zalo.me"],
      buttons: '[data-translate-inner="STR_SEND"], .send-btn-chat, [icon="Sent-msg_24_Line"], #chat-input-container-id [data-id="div_Sent_Msg"]',
      enterPosts: (el) => el.isContentEditable || el.tagName === "TEXTAREA",
    },
    {
      hosts: ["reddit.com"],
      buttons: 'button[slot="submit-button"], shreddit-composer button[type="submit"], comment-composer-host button[type="submit"], button[type="submit"]',
      enterPosts: () => false,
    },
    {
      hosts: ["threads.net", "threads.com"],
      buttons: '[role="dialog"] [role="button"]:is([aria-label="Post"], [aria-label="Đăng"]), div[role="button"][aria-label="Post"], div[role="button"][aria-label="Reply"]',
      enterPosts: () => false,
    },
    {
      hosts: ["youtube.com"],
      buttons: "ytd-commentbox #submit-button, ytd-commentbox #submit-button button, yt-live-chat-message-input-renderer #send-button button",
      enterPosts: (el) => !!el.closest("yt-live-chat-text-input-field-renderer"),
    },
    {
      hosts: ["tiktok.com"],
      buttons: '[data-e2e="comment-post"], [data-e2e="message-send"], [data-e2e="post_video_button"]',
      enterPosts: (el) => !!el.closest('[data-e2e="comment-input"], [data-e2e="message-input-area"]'),
    },
    {
      hosts: ["linkedin.com"],
      buttons: ".share-actions__primary-action, .comments-comment-box__submit-button, .comments-comment-box__submit-button--cr, .msg-form__send-button",
      enterPosts: (el) => !!el.closest(".msg-form"),
    },
    {
      // XenForo forums: the reply/thread forms submit with their primary button; Ctrl+Enter too.
      hosts: ["voz.vn", "tinhte.vn"],
      buttons: 'form.js-quickReply button[type="submit"], form.message-editor button.button--primary, .js-quickReply .button--primary, form[data-xf-init*="quick-reply"] button[type="submit"], button[type="submit"]',
      enterPosts: () => false,
    },
  ];
  const host = location.hostname.replace(/^www\./, "");
  const profile = PROFILES.find((p) => p.hosts.some((h) => host === h || host.endsWith("." + h))) || null;

  // A share button's label: a share verb, alone or with what it shares ("Gửi bình luận",
  // "Đăng tin", "Post comment", "Reply now"). Not "Đăng nhập", "Đăng ký", "Gửi lại mã",
  // "Share screen": only the objects listed follow the verb.
  // Not "share", "chia sẻ": next to a comment box that is the page's share-this-article
  // button (the big sites' share dialogs are in their profiles).
  const SHARE_VERBS = "post|publish|send|reply|comment|tweet|submit|đăng|đăng tải|gửi|trả lời|bình luận|phản hồi|xuất bản";
  const SHARE_OBJECTS =
    "bài|bài viết|bài đăng|tin|tin nhắn|bình luận|trả lời|phản hồi|câu hỏi|câu trả lời|ý kiến|góp ý|chủ đề|đánh giá|ngay|đi|lên|now|it|post|comment|reply|message|tweet|answer|question|review|topic|thread";
  const SHARE_WORDS = new RegExp(`^(?:${SHARE_VERBS})(?: (?:${SHARE_OBJECTS}))?$`, "i");
  // Submit buttons that send no post: logging in, searching, codes.
  const NOT_SHARE = /^(?:đăng nhập|đăng ký|đăng xuất|login|log in|sign in|sign up|register|tìm|tìm kiếm|search|lọc|filter|gửi lại|gửi mã|resend|xác nhận|xác minh|verify)\b/i;
  /**
   * A button's label as the user reads it: NFC, single spaces, no icon glyphs or arrows. A
   * design system's button (a custom element whose shadow root holds `<button><slot>`) is
   * labelled by its host's text.
   */
  const labelOf = (btn) => {
    let label = btn.getAttribute("aria-label") || btn.value || btn.textContent || "";
    const root = btn.getRootNode();
    if (!label.trim() && root instanceof ShadowRoot) label = root.host.getAttribute("aria-label") || root.host.textContent || "";
    return label
      .normalize("NFC")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  };
  // A box for search words: a form with one is a search or a filter, not a post.
  const SEARCH_BOX = 'input[name="q" i], input[name="s" i], input[name*="search" i], input[name*="keyword" i], input[placeholder*="tìm" i], input[placeholder*="search" i], input[placeholder*="từ khóa" i], input[placeholder*="từ khoá" i], input[aria-label*="tìm" i], input[aria-label*="search" i]';
  /** Whether `form` sends posts: not a search or filter form, not a login form. */
  const postingForm = (form) => !form.matches('[role="search"]') && !form.querySelector('input[type="password"]') && !form.querySelector(SEARCH_BOX);
  // A form's submit button posts when its label starts with a share verb ("Gửi phản ánh") or
  // it has no words (an icon); not "Xem trước", "Lưu nháp", "Trang sau" (whole-page forms of
  // government portals post back for those too).
  const SHARE_START = new RegExp(`^(?:${SHARE_VERBS})(?: |$)`, "i");
  const submitPosts = (btn) => {
    const label = labelOf(btn);
    return !label || SHARE_START.test(label);
  };
  const isSubmit = (btn) =>
    (btn.tagName === "BUTTON" || btn.tagName === "INPUT") &&
    (btn.getAttribute("type") || (btn.tagName === "BUTTON" ? "submit" : "")).toLowerCase() === "submit";
  /**
   * Whether `btn` may be a share action at all (cheap; before looking for its composer): a
   * site profile's button, a posting form's submit button, or a button labelled with a share
   * verb. A link is one only in a site profile (a "Trả lời" link opens a reply box).
   */
  const mayShare = (btn) => {
    if (profile && btn.matches(profile.buttons)) return true;
    if (btn.tagName === "A") return false;
    const form = btn.form || btn.closest("form");
    const label = labelOf(btn);
    if (NOT_SHARE.test(label) || (form && !postingForm(form))) return false;
    return (isSubmit(btn) && !!form && submitPosts(btn)) || SHARE_WORDS.test(label);
  };
  const CLICKABLE = 'button, input[type="submit"], input[type="button"], [role="button"], a[href]';

  let bypass = false; // true while a "post anyway" replay runs, until the next task
  /**
   * Whether `e` belongs to a replay ("Vẫn đăng", or a held share let through), which passes
   * unasked: the replay's own events and what the page does in answer before the next task.
   * Never the user's own next key or click (trusted: a replay's are dispatched by script),
   * though it come while `bypass` is still on: on a busy page the browser runs queued input
   * before the timer that ends the bypass, so "Vẫn đăng", a message typed at once and Enter
   * sent that message unasked.
   */
  const replaying = (e) => bypass && !(e.isTrusted && (e.type === "keydown" || e.type === "click"));
  let dialog = null; // the open dialog's state
  // While a share action is held for an analysis to finish: its composers, and the text typed
  // into them meanwhile (kept out of the draft being shared, typed back after it).
  let held = null; // { cs: Set<Composer>, typed: string, changed: boolean }
  let ownInput = false; // true while the guard itself types into a composer

  /** `document.execCommand` run by the guard (its input is not the user's, never held). */
  function ownExec(doc, command, value) {
    ownInput = true;
    try {
      return doc.execCommand(command, false, value);
    } finally {
      ownInput = false;
    }
  }

  function guardOn() {
    const s = CN.settings;
    if (!s || s.guard === false || !CN.enabledHere?.()) return false;
    const here = CN.siteHost ?? location.hostname;
    return !(s.guardDisabledSites || []).some((h) => here === h || here.endsWith("." + h));
  }

  const composedParent = CN.composedParent;

  /**
   * Whether the button `b` and the composer `a` sit in one block: their lowest common ancestor
   * (across shadow roots) is at most `up` levels above each, and is not the page's body (every
   * button of a page shares that with the composer).
   */
  function nearEachOther(a, b, up = 12) {
    const above = new Map();
    let i = 0;
    for (let n = b; n && i <= up; n = composedParent(n), i++) above.set(n, i);
    i = 0;
    for (let p = a; p && i <= up; p = composedParent(p), i++) {
      if (above.has(p)) return p !== document.body && p !== document.documentElement;
    }
    return false;
  }
  // Labels that also open a reply box or a comment list ("Trả lời" under someone's comment):
  // a share action only right next to the composer.
  const TOGGLE_LABELS = /^(?:trả lời|phản hồi|bình luận|reply|comment)$/i;

  /**
   * Whether `btn`, which passed `mayShare` (the callers check it once, before looking for
   * composers), is the share action for composer `c`.
   */
  function isShareButton(btn, c) {
    if (!btn || !c?.connected) return false;
    if (profile && btn.matches(profile.buttons)) return true;
    const form = c.el.form || c.el.closest?.("form") || c.el.ownerDocument.defaultView?.frameElement?.closest("form");
    if (form && form.contains(btn) && isSubmit(btn)) return submitPosts(btn);
    const label = labelOf(btn);
    if (!SHARE_WORDS.test(label)) return false;
    if (form && form.contains(btn)) return true;
    return TOGGLE_LABELS.test(label) ? nearEachOther(c.el, btn, 3) : nearEachOther(c.el, btn);
  }

  /**
   * The replay of a plain Enter in a box we took for Enter-to-post. A replayed key is untrusted,
   * so the browser does not add the new line itself: when the page did not take the Enter
   * either (it did not cancel the key and the draft is still there, unchanged), the new line
   * the user typed is added through the editor's own input path. In a textarea (`saved`: the
   * selection when Enter was pressed) the new line goes where Enter was pressed even if the
   * user went on typing while the Enter was held; in other editors it is added only when
   * nothing changed, rather than put in the wrong place.
   */
  function enterReplay(c, el, replay, saved) {
    const atEnter = c.readText().text;
    return () => {
      const before = c.readText().text;
      if (!replay()) return;
      setTimeout(() => {
        if (!c.connected || !before.trim()) return;
        const now = c.readText().text;
        if (el.tagName === "TEXTAREA" && saved) {
          // The new line goes where Enter was pressed, and the caret stays after what the
          // user typed since (keys typed while a slow analysis held the Enter, or while this
          // replay ran), as long as the draft up to there is unchanged and not emptied: the
          // page did not take the key.
          if (!now.trim() || !now.startsWith(atEnter.slice(0, saved.start))) return;
          const cur = el.selectionStart ?? now.length;
          c.restoreSelection(saved);
          ownExec(document, "insertText", "\n");
          const at = cur >= saved.end ? cur + 1 - (saved.end - saved.start) : cur;
          el.setSelectionRange(at, at);
        } else if (now === before && before === atEnter) {
          // Other editors: only when nothing changed, at the caret (a new line put anywhere
          // else would be in the wrong place).
          el.focus?.();
          ownExec(document, "insertLineBreak");
        }
      }, 0);
    };
  }

  /** Whether Enter (without Shift) posts from this composer. */
  function postsOnEnter(c) {
    const el = c.el;
    if (profile?.enterPosts?.(el)) return true;
    if (el.tagName === "INPUT" && (el.form || el.closest("form"))) return false; // its form's submit event covers it
    const hint = (el.getAttribute("enterkeyhint") || "").toLowerCase();
    if (hint === "send" || hint === "done" || hint === "go") return true;
    const label = `${el.getAttribute("aria-label") || ""} ${el.getAttribute("placeholder") || ""} ${el.getAttribute("data-placeholder") || ""}`;
    if (!/comment|bình luận|reply|trả lời|message|tin nhắn|nhắn tin/i.test(label)) return false;
    const form = el.closest?.("form");
    return !form?.querySelector('button[type="submit"], input[type="submit"], button:not([type])');
  }

  /** The draft's `high` findings that the user has not already chosen to post with. */
  function highFindings(c) {
    const accepted = c.acceptedHigh;
    return (c.visible || []).filter((f) => f.severity === "high" && !accepted?.has(c.dismissKey(f)));
  }

  /**
   * Decides about a share action from composers `cs` (the one the user is in first; a form's
   * other drafts after it). Returns true when the event was stopped (the dialog will decide),
   * false to let it through untouched.
   */
  function intercept(cs, e, replay) {
    if (replaying(e) || !CN.alive || !guardOn()) return false;
    cs = cs.filter((c) => c?.connected && c.readText().text.trim());
    if (!cs.length) return false;
    const stop = () => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Too long to analyse (a whole document pasted): nothing says it is clean, so ask once.
    const long = cs.find((c) => c.tooLong);
    if (long) {
      stop();
      open(long, [], replay, long.saveSelection(), true);
      return true;
    }
    const fresh = (c) => c.readText().text === c.analysedText;
    const flagged = cs.find((c) => fresh(c) && highFindings(c).length);
    // A share of these composers is already held for an analysis.
    const holding = !!held && cs.some((c) => held.cs.has(c));
    if (!flagged && cs.every(fresh) && !holding) {
      // Clean (or its findings dismissed or accepted): no delay at all. Once the page has
      // posted it and emptied the box, those choices are for the next post no more.
      for (const c of cs) if (c.dismissed.size || c.acceptedHigh?.size) watchPosted(c);
      return false;
    }
    stop();
    // A second click or Enter while the first is held (a double-click on a cold start): the
    // held one posts, once.
    if (holding) return true;
    if (flagged) {
      open(flagged, highFindings(flagged), replay, flagged.saveSelection());
      return true;
    }
    // Typed and shared within the same frame, or a draft never analysed (restored by the site,
    // never focused): finish the analysis first (a few ms). Keys typed while it runs (a cold
    // worker, a long post) change the draft the share will send, so it is analysed again until
    // the answer is for the text in the box; a draft still changing after a few rounds is
    // judged by the latest answer, never taken as clean.
    const saved = new Map(cs.map((c) => [c, c.saveSelection()]));
    const hold = { cs: new Set(cs), typed: "", changed: false };
    held = hold;
    // Never held for long: a worker that takes more than SETTLE_MAX_MS to answer (it starts
    // again and again on a loaded machine) leaves the draft unchecked, and the user is asked
    // (never posted unasked, never a send that does nothing); what was typed meanwhile goes
    // back into the box when the dialog closes. The hold lasts until then: a second Post
    // meanwhile is the held one (a breaker's double post when a five-second release let it
    // start a second hold), and keys typed meanwhile are never glued onto the draft.
    let giveUp = 0;
    Promise.race([
      Promise.all(cs.map(settle)),
      new Promise((r) => (giveUp = setTimeout(r, SETTLE_MAX_MS))),
    ])
      .catch(() => {})
      .then(() => {
        clearTimeout(giveUp);
        const live = cs.filter((c) => c.connected);
        const long2 = live.find((c) => c.tooLong);
        const c = long2 || live.find((x) => highFindings(x).length);
        // No answer came for the text in the box (the worker stopped again and again, an
        // extension breaker's case): the draft was not checked, so it is never taken as clean.
        const lost = !c && live.find((x) => {
          const text = x.readText().text;
          return text.trim() !== "" && x.analysedText !== text;
        });
        if (c || lost || !live.length) {
          if (held === hold) held = null;
          if (c) open(c, long2 ? [] : highFindings(c), replay, saved.get(c), !!long2, hold.typed);
          else if (lost) open(lost, [], replay, saved.get(lost), "unavailable", hold.typed);
          return;
        }
        // The draft changed in a way that could not be kept apart (an input method's
        // composition): it is not the text that was checked, so it is not posted; the user
        // posts it again.
        if (hold.changed) {
          if (held === hold) held = null;
          retype(live[0], hold.typed);
          return;
        }
        runReplay(replay);
        // Still held until what was typed meanwhile is typed back, after the replay's own
        // new line (a task queued before this one): keys pressed until then keep their order.
        setTimeout(() => {
          if (held === hold) held = null;
          retype(live[0], hold.typed, true);
        }, 0);
      });
    return true;
  }

  /**
   * Input into a held composer while its share waits for the analysis (a cold worker) is kept
   * out of the draft, so that the post is the text that was checked and what the user types
   * next stays in the box for the next post ("Chào anh" Enter "Ok" sends "Chào anh", not
   * "Chào anhOk"): text typed, pasted or dropped, and new lines, are kept and typed back after
   * the share; Backspace and Ctrl+Backspace take back what was kept; other edits (Delete, a
   * cut) are refused while held. An input method's composition cannot be refused: the draft
   * then differs from what was checked, and the held share is not posted ([`intercept`]).
   */
  function holdInput(e) {
    if (!held || ownInput) return;
    const t = CN.deepTarget(e);
    if (![...held.cs].some((c) => c.el === t || c.el.contains?.(t))) return;
    if (!e.cancelable) {
      held.changed = true;
      return;
    }
    const type = e.inputType || "";
    if (type.startsWith("insert")) {
      const text = typeof e.data === "string" ? e.data : (e.dataTransfer?.getData("text/plain") ?? "");
      held.typed += type === "insertLineBreak" || type === "insertParagraph" ? "\n" : text;
    } else if (type === "deleteContentBackward") {
      held.typed = [...held.typed].slice(0, -1).join("");
    } else if (type === "deleteWordBackward") {
      held.typed = held.typed.replace(/\S*\s*$/u, "");
    }
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  CN.on(window, "beforeinput", holdInput, true);

  /**
   * Types `text` (kept while a share was held) back into `c`, after the share ran (`now`: in
   * this task, else in the next one).
   */
  function retype(c, text, now = false) {
    if (!text) return;
    const type = () => {
      if (!c.connected) return;
      c.el.focus?.();
      ownExec(c.el.ownerDocument, "insertText", text);
    };
    if (now) type();
    else setTimeout(type, 0);
  }

  /**
   * Watches a composer whose draft was just shared with findings dismissed or accepted: when
   * the page empties it (a chat box cleared by script fires no input event), those choices
   * are dropped, so the next post is asked about again. Checks every 50 ms for two seconds.
   */
  function watchPosted(c) {
    clearInterval(c.postedWatch);
    let n = 0;
    c.postedWatch = setInterval(() => {
      n++;
      if (!CN.alive || !c.connected || n > 40) return clearInterval(c.postedWatch);
      if (c.readText().text.trim()) return;
      clearInterval(c.postedWatch);
      c.dismissed.clear();
      c.acceptedHigh?.clear();
      c.decidedFor = null;
    }, 50);
  }

  /** How long a held share waits for the analyses before asking the user anyway (ms). */
  const SETTLE_MAX_MS = 8000;

  /** Analyses `c` until its answer is for the text in the box (at most five rounds). */
  async function settle(c) {
    for (let round = 0; round < 5 && c.connected; round++) {
      await CN.analyzeNow(c);
      if (c.readText().text === c.analysedText) return;
    }
  }

  function runReplay(replay) {
    bypass = true;
    try {
      replay();
    } finally {
      setTimeout(() => (bypass = false), 0);
    }
  }

  function open(c, high, replay, saved, unchecked = false, typed = "") {
    close(false);
    // Inside an open modal <dialog> (the top layer), attach there, or the guard would sit under
    // it, unseen and unclickable, as the overlay does.
    // In the top layer, above the page's modal dialogs, popovers and fullscreen elements
    // (shown last, so on top), and out of any transformed or clipping box: a manual popover.
    // Inside the page's modal <dialog> around the composer (across shadow roots) all the same:
    // a modal dialog makes everything outside it inert, popovers included.
    const popover = typeof HTMLElement.prototype.showPopover === "function";
    let modal = null;
    for (let n = c.el; n && !modal; n = CN.composedParent(n)) if (n.tagName === "DIALOG" && n.open) modal = n;
    const { host: h, root } = CN.makeHost("cannhac-guard", modal || undefined);
    h.style.width = "100vw";
    h.style.height = "100vh";
    h.style.pointerEvents = "auto";
    if (popover) {
      h.style.margin = "0";
      h.style.padding = "0";
      h.style.border = "0";
      h.style.background = "transparent";
      h.style.inset = "0";
      h.setAttribute("popover", "manual");
      try {
        h.showPopover();
      } catch {
        /* not shown as a popover: it stays a fixed element at the document's end */
      }
    }
    const text = c.analysedText || "";
    CN.adoptCss(root, `
      .backdrop { position: fixed; inset: 0; background: #0006; display: flex; align-items: center; justify-content: center; font: 14px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; }
      [role=dialog] { background: #fff; color: #1f2328; max-width: min(480px, 92vw); max-height: 80vh; overflow: auto; border-radius: 12px; padding: 20px 22px; box-shadow: 0 12px 40px #0005; border-top: 5px solid #d32f2f; }
      h2 { margin: 0 0 8px; font-size: 17px; }
      ul { padding-left: 20px; margin: 8px 0 14px; }
      li { margin: 4px 0; }
      .buttons { display: flex; gap: 10px; justify-content: flex-end; flex-wrap: wrap; }
      button { font: inherit; border-radius: 8px; padding: 7px 14px; cursor: pointer; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
      button.edit { background: #1f883d; border-color: #1a7f37; color: #fff; font-weight: 600; }
      button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
    `);
    root.innerHTML = `
    <div class="backdrop"><div role="dialog" aria-modal="true" aria-labelledby="cn-title" aria-describedby="cn-desc">
      <h2 id="cn-title"></h2><p id="cn-desc"></p><ul></ul>
      <div class="buttons"><button type="button" class="post"></button><button type="button" class="edit"></button></div>
    </div></div>`;
    const list = root.querySelector("ul");
    for (const f of high) {
      const li = document.createElement("li");
      const cat = document.createElement("strong");
      cat.textContent = CN.categoryName(f.category);
      li.append(cat, `: “${text.slice(f.start, f.end).slice(0, 80)}” — ${CN.msg(f.message)}`);
      list.appendChild(li);
    }
    root.getElementById("cn-title").textContent = CN.t("guard_title");
    root.getElementById("cn-desc").textContent =
      unchecked === "unavailable"
        ? CN.t("guard_unavailable")
        : unchecked
          ? CN.t("guard_unchecked", [CN.MAX_CHARS.toLocaleString(CN.lang === "vi" ? "vi-VN" : "en-US")])
          : CN.t("guard_intro", [String(high.length)]);
    const editBtn = root.querySelector("button.edit");
    const postBtn = root.querySelector("button.post");
    editBtn.textContent = CN.t("guard_edit");
    postBtn.textContent = CN.t("guard_post_anyway");
    const edit = () => close(true);
    const postAnyway = () => {
      // The draft changed while the dialog asked (an input method's composition cannot be
      // refused): that is not the text that was checked, so it is not posted; back to the
      // composer, where sharing again checks it.
      if (!c.connected || c.readText().text !== dialog?.checked) {
        close(true);
        return;
      }
      // Asked once per finding and post: the same findings do not stop the next Enter or click
      // of this draft (a box we took for Enter-to-post may only have wanted a new line).
      c.acceptedHigh ??= new Set();
      for (const f of high) c.acceptedHigh.add(c.dismissKey(f));
      c.decidedFor = c.readText().text; // the post these choices are for
      const r = dialog?.replay;
      const rest = dialog?.typed;
      close(false, true);
      if (r) runReplay(r);
      watchPosted(c);
      retype(c, rest);
    };
    // The text the dialog asks about: "Vẫn đăng" posts it only if the draft still holds it.
    const checked = c.readText().text;
    dialog = { host: h, root, c, saved, replay, typed, checked, actions: new Map([[editBtn, edit], [postBtn, postAnyway]]), current: editBtn };
    editBtn.focus();
    // An input method (and CDP's Input.insertText) commits its text at the document's
    // selection, not at the focused element: while the selection stays in the composer, text
    // it commits goes into the draft behind the dialog. The selection was saved (restored on
    // closing): take it out of the composer.
    try {
      const doc = c.el.ownerDocument;
      const sel = (c.rootNode?.getSelection ? c.rootNode : doc).getSelection?.();
      if (sel?.rangeCount && (c.kind === "field" || c.el.contains(sel.getRangeAt(0).startContainer))) sel.removeAllRanges();
      if (doc !== document) doc.getSelection?.()?.removeAllRanges();
    } catch {
      /* nothing to take out */
    }
    // The composer in a frame: its input events do not reach this window's listeners.
    const win = c.el.ownerDocument?.defaultView;
    if (win && win !== window) {
      win.addEventListener("beforeinput", onDialogInput, true);
      dialog.win = win;
    }
  }

  // ---- while the dialog asks, the page sees none of the user's input ----
  // At window capture, before any listener of the page's document: keys are the dialog's
  // (Enter or Space must not post through a button the page focused), and pointer and focus
  // events on the dialog never reach the page's own modal (a focus trap would take focus back,
  // a Radix dialog would close on what it takes for a click outside it, with the draft in it).
  // The dialog's buttons act from here.
  function onDialogEvent(e) {
    const d = dialog;
    if (!d) return;
    if (!d.host.isConnected) {
      // The page removed the dialog (or the element it sat in): nothing is being asked.
      dialog = null;
      return;
    }
    const inside = e.composedPath().includes(d.host);
    switch (e.type) {
      case "keydown":
        e.preventDefault();
        e.stopImmediatePropagation();
        dialogKey(d, e);
        return;
      case "keyup":
      case "keypress":
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      case "click":
        // Modal: a click elsewhere (the share button again, under a dialog the page hid)
        // does nothing while the dialog asks.
        e.preventDefault();
        e.stopImmediatePropagation();
        if (inside) for (const [btn, act] of d.actions) if (e.composedPath().includes(btn)) return act();
        return;
      case "focusin":
        e.stopImmediatePropagation();
        // The page moved focus out of the dialog: back to the dialog's button.
        if (!inside) d.current.focus();
        return;
      default:
        // pointer, mouse, touch and focusout events of the dialog
        if (inside) e.stopImmediatePropagation();
    }
  }
  function dialogKey(d, e) {
    const focused = d.root.activeElement;
    if (d.actions.has(focused)) d.current = focused;
    if (e.key === "Escape") {
      holdAnswerKey(d, e);
      close(true);
    }
    else if (e.key === "Tab") {
      const [post, edit] = d.actions.keys();
      d.current = d.current === edit ? post : edit;
      d.current.focus();
    } else if (e.key === "Enter" || (e.key === " " && d.current !== [...d.actions.keys()][0])) {
      // Space presses "Vẫn đăng" when it has the focus; on "Sửa lại" (where the dialog opens)
      // it is typed on like any character, not lost.
      if (!e.repeat) {
        holdAnswerKey(d, e);
        d.actions.get(d.current)();
      }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing) {
      // Typing on means editing: back to the composer with the character, where it was going
      // (the Enter was a new line, or the user writes on), instead of losing it.
      const doc = d.c.el.ownerDocument; // an editor in an iframe types into its own document
      const field = d.c.kind === "field";
      const typed = d.typed || "";
      d.typed = ""; // typed here, before the key, not after it by close
      close(true);
      // Asked on a plain Enter in a box we took for Enter-to-post: the user writes on, so the
      // Enter was a new line; it goes in first.
      if (d.replay?.byEnter) doc.execCommand(field ? "insertText" : "insertLineBreak", false, field ? "\n" : undefined);
      doc.execCommand("insertText", false, typed + e.key);
    }
  }
  for (const type of ["keydown", "keyup", "keypress", "click", "focusin", "focusout", "pointerdown", "pointerup", "mousedown", "mouseup", "touchstart", "touchend"]) {
    CN.on(window, type, onDialogEvent, true);
  }

  /**
   * While the dialog asks, no input reaches the page: text an input method commits, a paste or
   * a drop into the composer behind it (or any other field) would change the draft the dialog
   * is about. What cannot be refused (a composition's text) is caught by "Vẫn đăng", which
   * posts only the text that was checked.
   */
  function onDialogInput(e) {
    const d = dialog;
    if (!d || ownInput || !d.host.isConnected || e.composedPath().includes(d.host)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  CN.on(window, "beforeinput", onDialogInput, true);

  // The key (Enter, Space, Escape) that answered the dialog, while it is held down: its
  // auto-repeated keydowns (and keypresses, and its keyup) are the dialog's too, not the
  // composer's or the page's once the dialog has closed (held Enter on "Sửa lại" typed new
  // lines into the draft). Only until the key is released, or another key is pressed. The
  // replay of "Vẫn đăng" (a synthetic Enter, not the user's) neither ends the hold nor is held.
  let answerKey = null; // { key, wins: windows listening }
  function onAnswerKey(e) {
    const a = answerKey;
    if (!a || dialog || !e.isTrusted) return;
    if (e.key !== a.key || (e.type === "keydown" && !e.repeat)) {
      if (e.type === "keydown") endAnswerKey();
      return;
    }
    if (e.type === "keyup") endAnswerKey();
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  const ANSWER_KEY_EVENTS = ["keydown", "keypress", "keyup"];
  function endAnswerKey() {
    for (const w of answerKey?.wins || []) for (const type of ANSWER_KEY_EVENTS) w.removeEventListener(type, onAnswerKey, true);
    answerKey = null;
  }
  for (const type of ANSWER_KEY_EVENTS) CN.on(window, type, onAnswerKey, true);
  /** Starts swallowing the repeats of `e`'s key, which answered dialog `d`. */
  function holdAnswerKey(d, e) {
    endAnswerKey();
    answerKey = { key: e.key, wins: [] };
    // The composer in a frame (the dialog's `win`) gets the focus back: its window sees the
    // repeats.
    if (d.win) {
      for (const type of ANSWER_KEY_EVENTS) d.win.addEventListener(type, onAnswerKey, true);
      answerKey.wins.push(d.win);
    }
  }

  /**
   * Closes the dialog; `edit` ("Sửa lại", Escape) returns to the composer with its text and
   * caret as they were shared; `posting` keeps focus. Keys held while the share waited for the
   * analysis (`d.typed`) were typed for after the post: "Vẫn đăng" types them back after it,
   * and typing on in the dialog types them before its key, but going back to edit drops them
   * (typed back, they were glued to the draft being fixed, after the caret).
   */
  function close(edit, posting = false) {
    if (!dialog) return;
    const d = dialog;
    dialog = null;
    d.win?.removeEventListener("beforeinput", onDialogInput, true);
    d.host.remove();
    if ((edit || posting) && d.c.connected) d.c.restoreSelection(d.saved);
  }
  CN.cleanups.push(() => close(false));

  /**
   * Clicks the share button `btn` for "Vẫn đăng". Pages that re-render (React and the like) may
   * have replaced it while the dialog was open: a click on the detached one would post nothing,
   * so its live twin is clicked instead, the element with its id, or else the one with its tag
   * and label that is the share action of one of the composers `cs`. With none, the composer
   * gets the focus back (the draft is still there to post by hand).
   */
  function clickShare(btn, cs) {
    if (btn.isConnected) return btn.click();
    const live = cs.find((c) => c.connected);
    const root = live?.el.getRootNode() || document;
    const label = labelOf(btn);
    const twin =
      (btn.id && root.getElementById?.(btn.id)) ||
      [...root.querySelectorAll(CLICKABLE)].find(
        (x) => x.tagName === btn.tagName && labelOf(x) === label && !x.closest("[data-cannhac]") && cs.some((c) => isShareButton(x, c)),
      );
    if (twin) twin.click();
    else live?.el.focus();
  }

  // ---- the share actions ----

  CN.on(
    window,
    "click",
    (e) => {
      if (replaying(e) || dialog || !guardOn()) return; // off: not even a look at the page
      const t = CN.deepTarget(e);
      const btn = t?.closest?.(CLICKABLE);
      if (!btn || btn.closest("[data-cannhac]")) return;
      if (!mayShare(btn)) return;
      const cs = CN.composersForAction(btn);
      if (!cs.some((c) => isShareButton(btn, c))) return;
      intercept(cs, e, () => clickShare(btn, cs));
    },
    true,
  );

  CN.on(
    window,
    "keydown",
    (e) => {
      if (replaying(e) || dialog || e.isComposing || e.keyCode === 229 || !guardOn()) return;
      if (e.key !== "Enter" && e.key !== " ") return;
      const t = CN.deepTarget(e);
      const init = { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true, composed: true };
      // Returns false when the page cancelled the replayed keydown (it took the key).
      const replayOn = (el) => () => {
        const open = el.dispatchEvent(new KeyboardEvent("keydown", init));
        el.dispatchEvent(new KeyboardEvent("keypress", init));
        el.dispatchEvent(new KeyboardEvent("keyup", init));
        return open;
      };
      const c = CN.composerOf(t);
      if (c) {
        if (e.key !== "Enter") return;
        // Ctrl/Cmd+Enter with Shift or Alt too (pages that post on Ctrl+Enter mostly ignore
        // the other modifiers); in a box that posts on Enter, Alt+Enter as well. Shift+Enter
        // is everywhere a new line.
        if (e.ctrlKey || e.metaKey) intercept([c], e, replayOn(t));
        else if (!e.shiftKey && postsOnEnter(c)) {
          const replay = enterReplay(c, t, replayOn(t), c.saveSelection());
          replay.byEnter = true; // typing on after it means the Enter was a new line
          intercept([c], e, replay);
        }
        return;
      }
      // Enter/Space on a focused share button
      const btn = t?.closest?.(CLICKABLE);
      if (!btn || btn.closest("[data-cannhac]")) return;
      // Space does not follow a link.
      if ((btn.tagName === "A" && e.key === " ") || !mayShare(btn)) return;
      const cs = CN.composersForAction(btn);
      if (cs.some((c2) => isShareButton(btn, c2))) intercept(cs, e, () => clickShare(btn, cs));
    },
    true,
  );

  CN.on(
    window,
    "submit",
    (e) => {
      if (replaying(e) || dialog) return;
      const form = CN.deepTarget(e);
      if (!form?.querySelectorAll || !postingForm(form) || !guardOn()) return;
      // The button that submitted it (none for Enter in a field: then the form's first one).
      const by = e.submitter || form.querySelector('button:not([type]), button[type="submit"], input[type="submit"]');
      if (by && (NOT_SHARE.test(labelOf(by)) || !submitPosts(by))) return;
      const cs = CN.composersForAction(e.submitter || form, form).filter((c) => CN.inScope(form, c));
      const submitter = e.submitter;
      intercept(cs, e, () => (form.requestSubmit ? form.requestSubmit(submitter || undefined) : form.submit()));
    },
    true,
  );

  CN.guard = {
    get open() {
      return !!dialog;
    },
    close,
    profile,
  };
})();
