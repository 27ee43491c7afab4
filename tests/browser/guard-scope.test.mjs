// Which drafts a share action posts: the guard checks every draft of the button's form or
// nearest block (never-focused ones, ones in shadow roots and same-origin iframes, a button in a
// shadow root, deep trees), asks again for a new post after "Vẫn đăng", and stays quiet on what
// is no post (search and login forms, a reply link, a share-this-page button, Space on a link).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openFixture, underlines, until, setSettings, TEST_SETTINGS, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // a custom high phrase (TEST_SETTINGS)
const HIGH = `Chia sẻ ${PHRASE} cho cả nhóm`;
const env = suite();

const guard = (page) => page.locator('cannhac-guard [role="dialog"]');
const events = (page) => page.evaluate(() => window.events.slice());

/** A fixture page with `html` added to its body and `window.events` recording `data-log` clicks and submits. */
async function pageWith(html, setup) {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.evaluate(
    ([html, setup]) => {
      window.events = [];
      const box = document.createElement("div");
      box.id = "box";
      box.innerHTML = html;
      document.body.append(box);
      box.addEventListener("click", (e) => {
        const el = e.composedPath().find((n) => n.dataset?.log);
        if (el) {
          e.preventDefault();
          window.events.push(el.dataset.log);
        }
      });
      box.addEventListener("submit", (e) => {
        e.preventDefault();
        window.events.push(`submit:${e.target.id}`);
      });
      if (setup) new Function(setup)();
    },
    [html, setup || ""],
  );
  return page;
}

/** Types `text` into `selector` (a locator string) and waits for the high finding's analysis. */
async function typeHigh(page, selector, text = HIGH) {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay: 3 });
  await page.waitForTimeout(400);
}

/** The textarea fixture with the high phrase typed and posted: the guard is asking. */
async function textareaAsking() {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type(HIGH, { delay: 3 });
  await until(async () => (await underlines(page, "internal_document")).marks.length > 0, "the underline");
  await page.click("#post-btn");
  await guard(page).waitFor();
  return page;
}

async function expectGuard(page, what) {
  await guard(page).waitFor({ timeout: 5000 }).catch(() => assert.fail(`no guard: ${what}`));
  assert.deepEqual(await events(page), [], `nothing sent while the guard asks: ${what}`);
  await page.keyboard.press("Escape");
  await until(async () => (await guard(page).count()) === 0, "the guard to close");
}

test("outside a form, every draft of the block is checked, not only the box typed in last", T, async () => {
  const page = await pageWith(`<div class="card"><div id="body" contenteditable="true" style="min-height: 40px; width: 400px"></div>
    <input id="gif" placeholder="Tìm GIF"><button type="button" data-log="post">Đăng</button></div>`);
  await typeHigh(page, "#body");
  await typeHigh(page, "#gif", "mèo");
  await page.locator(".card button").click();
  await expectGuard(page, "the post body holds the phrase, the GIF search was typed last");
  await page.close();
});

test("a share button in a shadow root: a design system's slotted button, a real button", T, async () => {
  const page = await pageWith(
    `<textarea id="t1" rows="2" cols="40"></textarea><x-btn id="xb" data-log="post1">Đăng</x-btn>
     <div><textarea id="t2" rows="2" cols="40"></textarea><div id="host2"></div></div>`,
    `customElements.define("x-btn", class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: "open" }).innerHTML = "<button><slot></slot></button>"; } });
     const r = document.getElementById("host2").attachShadow({ mode: "open" });
     r.innerHTML = '<button data-log="post2">Đăng</button>';`,
  );
  await typeHigh(page, "#t1");
  await page.locator("#xb").click();
  await expectGuard(page, "slotted custom-element button");
  await typeHigh(page, "#t2");
  await page.locator("#host2 >> button").click();
  await expectGuard(page, "a button inside a shadow root");
  await page.close();
});

test("an editor in a shadow root inside a form: typed, or restored and never focused", T, async () => {
  const page = await pageWith(
    `<form id="f1"><div id="h1"></div><button type="submit" aria-label="">➤</button></form>
     <form id="f2"><div id="h2"></div><button type="submit">Đăng</button></form>`,
    `document.getElementById("h1").attachShadow({ mode: "open" }).innerHTML = '<textarea rows="2" cols="40"></textarea>';
     const r2 = document.getElementById("h2").attachShadow({ mode: "open" });
     r2.innerHTML = '<div contenteditable="true" style="min-height: 30px; width: 300px"></div>';
     r2.querySelector("div").textContent = ${JSON.stringify(HIGH)};`,
  );
  await typeHigh(page, "#h1 >> textarea");
  await page.locator("#f1 button").click();
  await expectGuard(page, "typed in a shadow textarea, icon-only submit");
  await page.locator("#f2 button").click();
  await expectGuard(page, "restored shadow contenteditable");
  await page.close();
});

test("a composer and its button far apart in a deep tree; an iframe whose editor is a div", T, async () => {
  const deep = (inner) => "<div>".repeat(6) + inner + "</div>".repeat(6);
  let page = await pageWith(
    `<div class="card">${deep('<textarea id="deep" rows="2" cols="40"></textarea>')}${deep('<button type="button" data-log="post">Đăng</button>')}</div>`,
  );
  await typeHigh(page, "#deep");
  await page.locator(".card button").click();
  await expectGuard(page, "six levels apart");
  await page.close();
  // Component libraries nest deeper: eleven levels each side (a breaker's finding: at eight
  // or more, a share button outside a form posted unasked).
  const deeper = (inner) => "<div>".repeat(11) + inner + "</div>".repeat(11);
  page = await pageWith(
    `<div class="card">${deeper('<textarea id="deep" rows="2" cols="40"></textarea>')}${deeper('<div role="button" tabindex="0" data-log="post">Đăng</div>')}</div>`,
  );
  await typeHigh(page, "#deep");
  await page.locator(".card [role=button]").click();
  await expectGuard(page, "eleven levels apart");
  await page.close();
  page = await pageWith(
    `<form id="ff"><iframe id="fr" style="width: 400px; height: 60px" srcdoc="<div contenteditable=true>${HIGH}</div>"></iframe><button type="submit">Gửi</button></form>`,
  );
  await until(() => page.evaluate(() => !!document.getElementById("fr").contentDocument?.querySelector("div")), "the iframe editor");
  await page.locator("#ff button").click();
  await expectGuard(page, "restored div editor in an iframe");
  await page.close();
});

test("after \"Vẫn đăng\", a new post typed over the old one is asked again", T, async () => {
  const page = await textareaAsking();
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await page.evaluate(() => window.posted.length)) === 1, "the first post");
  await page.click("#editor");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(`Bài mới hôm nay: ${PHRASE} lại có tin`, { delay: 3 });
  await page.waitForTimeout(400);
  await page.click("#post-btn");
  await guard(page).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.posted.length), 1, "the second post waits for the answer");
  await page.close();
});

test("no guard on what is no post: search and login forms, a reply link, a share-this-page button, Space on a link", T, async () => {
  const page = await pageWith(`
    <form id="search" role="search"><input id="q" type="search"><button type="submit">Tìm</button></form>
    <form id="login"><input id="user"><input type="password" id="pw"><button type="submit">Đăng nhập</button></form>
    <div class="c"><textarea id="draft" rows="2" cols="40"></textarea>
      <a href="#reply" data-log="reply">Trả lời</a> <button type="button" data-log="share">Chia sẻ</button>
      <a href="#send" id="send" data-log="send">Gửi bình luận</a></div>`);
  await page.locator("#q").fill(`quy định bảo vệ ${PHRASE}`);
  await page.locator("#q").press("Enter");
  await page.locator("#user").fill(PHRASE);
  await page.locator("#pw").fill("x");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await typeHigh(page, "#draft");
  await page.getByText("Trả lời", { exact: true }).click();
  await page.getByText("Chia sẻ", { exact: true }).click();
  await page.locator("#send").focus();
  await page.keyboard.press(" ");
  await page.waitForTimeout(300);
  assert.equal(await guard(page).count(), 0, "no guard");
  assert.deepEqual(await events(page), ["submit:search", "submit:login", "reply", "share"]);
  await page.close();
});

test("a chat input outside any form that sends on Enter is guarded", T, async () => {
  const page = await pageWith(
    `<div class="chat"><input id="msg" placeholder="Nhập tin nhắn" style="width: 400px"></div>`,
    `document.getElementById("msg").addEventListener("keydown", (e) => { if (e.key === "Enter") { window.events.push("sent:" + e.target.value); e.target.value = ""; } });`,
  );
  await typeHigh(page, "#msg");
  await page.keyboard.press("Enter");
  await expectGuard(page, "Enter in a chat input");
  assert.equal(await page.inputValue("#msg"), HIGH, "the message is still there");
  await page.close();
});

test("the guard shows above the page's popover and transformed modal, and a second click on Post does not post", T, async () => {
  const page = await pageWith(
    `<div id="pop" popover="manual"><textarea id="pt" rows="2" cols="40"></textarea><button type="button" data-log="post">Đăng</button></div>
     <dialog id="dl" style="position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%); margin: 0"><textarea id="dt" rows="2" cols="40"></textarea><button type="button" data-log="post2">Đăng</button></dialog>`,
    `document.getElementById("pop").showPopover();`,
  );
  await typeHigh(page, "#pt");
  await page.locator("#pop button").click();
  await guard(page).waitFor();
  await page.locator("#pop button").click({ force: true }); // under the guard: the page's button again
  await page.waitForTimeout(200);
  assert.deepEqual(await events(page), [], "a second click on Post does not post while the guard asks");
  await page.getByRole("button", { name: "Sửa lại" }).click({ timeout: 5000 }); // above the popover: clickable
  await until(async () => (await guard(page).count()) === 0, "the guard to close");
  await page.evaluate(() => {
    document.getElementById("pop").hidePopover();
    document.getElementById("dl").showModal();
  });
  await typeHigh(page, "#dt");
  await page.locator("#dl button").click();
  await guard(page).waitFor();
  const box = await guard(page).boundingBox();
  assert.ok(box && box.width >= 300 && box.height >= 120, `the guard is not clipped by the transformed dialog: ${JSON.stringify(box)}`);
  await page.getByRole("button", { name: "Sửa lại" }).click({ timeout: 5000 });
  await page.close();
});

test("the page removing the guard leaves nothing stale: the next Post asks again", T, async () => {
  const page = await textareaAsking();
  await page.evaluate(() => document.querySelector("cannhac-guard").remove());
  await page.click("#post-btn");
  await guard(page).waitFor({ timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.posted.slice()), [], "nothing posted");
  await page.close();
});

test("no guard for buttons and forms that share nothing: a reply toggle far from the box, search and filter forms, preview and draft submits, a whole-page form's paging", T, async () => {
  const page = await pageWith(`
    <form id="post"><textarea id="draft" rows="2" cols="40"></textarea><input type="submit" value="Xem trước"><input type="submit" value="Lưu nháp"><button type="submit" id="send">Gửi bài</button></form>
    <ul><li><div><p>Bình luận của người khác</p><div class="actions"><button type="button" data-log="reply">Trả lời</button></div></div></li></ul>
    <form id="filter"><input name="keyword" placeholder="Nhập từ khóa"><button type="submit" aria-label="">🔍</button></form>
    <form id="whole"><div><div><textarea id="draft2" rows="2" cols="40"></textarea></div></div><button type="submit">Trang sau</button></form>`);
  await typeHigh(page, "#draft");
  await page.getByText("Trả lời", { exact: true }).click();
  await page.locator('input[value="Xem trước"]').click();
  await page.locator('input[value="Lưu nháp"]').click();
  await page.locator('#filter input').fill(`văn bản ${PHRASE}`);
  await page.locator('#filter input').press("Enter");
  await typeHigh(page, "#draft2");
  await page.getByText("Trang sau", { exact: true }).click();
  await page.waitForTimeout(300);
  assert.equal(await guard(page).count(), 0, "no guard");
  assert.deepEqual(await events(page), ["reply", "submit:post", "submit:post", "submit:filter", "submit:whole"]);
  // The form's real send button still asks.
  await page.evaluate(() => (window.events.length = 0));
  await page.locator("#send").click();
  await expectGuard(page, "'Gửi bài' in the composer's form");
  await page.close();
});

test("on a site where Cân Nhắc is switched off, share actions go through untouched (trusted, not replayed)", T, async () => {
  await setSettings(env.b.context, { ...TEST_SETTINGS, disabledSites: ["127.0.0.1"] });
  try {
    const page = await openFixture(env.b.context, env.srv.origin, "textarea");
    await page.evaluate(() => {
      window.trusted = [];
      document.getElementById("post-btn").addEventListener("click", (e) => window.trusted.push(e.isTrusted));
    });
    await page.click("#editor");
    await page.keyboard.type(HIGH, { delay: 3 });
    await page.waitForTimeout(300);
    await page.click("#post-btn");
    await until(async () => (await page.evaluate(() => window.posted.length)) === 1, "the post");
    assert.deepEqual(await page.evaluate(() => window.trusted), [true], "the page saw the user's own click");
    assert.equal(await guard(page).count(), 0);
    await page.close();
  } finally {
    await setSettings(env.b.context, TEST_SETTINGS);
  }
});
