// "Kiểm tra liên kết này" / "Check this link": the context-menu handler shows the verdict card.
//
// Playwright cannot open Chromium's native context menu, so the test right-clicks the link (the
// page's `contextmenu` event fires, which is how the content script learns the link's visible
// text in Chromium), then calls the very handler chrome.contextMenus.onClicked runs, through the
// service worker:
//   sw.evaluate(async (url) => {
//     const [tab] = await chrome.tabs.query({active: true, lastFocusedWindow: true});
//     return self.cannhac.handleMenuClick({menuItemId: "cannhac-check-link", linkUrl: url}, tab);
//   }, url)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openFixture, setSettings, TEST_SETTINGS, serviceWorker, underlines, until, T } from "./harness.mjs";

let srv, b;
before(async () => {
  srv = await startServer();
  b = await launch();
  await setSettings(b.context, TEST_SETTINGS);
});
after(async () => {
  await b?.close();
  await srv?.close();
});

async function menuClick(page, info) {
  await page.bringToFront();
  const sw = await serviceWorker(b.context);
  return sw.evaluate(async (info) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return self.cannhac.handleMenuClick({ menuItemId: "cannhac-check-link", ...info }, tab);
  }, info);
}

async function checkLink(page, selector) {
  const href = await page.getAttribute(selector, "href");
  await page.click(selector, { button: "right" });
  await menuClick(page, { linkUrl: new URL(href, page.url()).href });
  const card = page.locator("cannhac-linkcard >> [role=dialog]");
  await card.waitFor();
  return card;
}

test("the menu item is registered for links and selections", T, async () => {
  const sw = await serviceWorker(b.context);
  const id = await sw.evaluate(() => self.cannhac.MENU_ID);
  assert.equal(id, "cannhac-check-link");
});

test("a link whose text says vnexpress.net but points elsewhere: suspicious, with the mismatch", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const card = await checkLink(page, "#link-fake");
  assert.equal(await card.getAttribute("data-verdict"), "suspicious");
  const text = await card.innerText();
  assert.match(text, /Đáng ngờ/);
  assert.match(text, /vnexpress\.net\.tin-nong\.top/, "the real destination host is shown");
  const alert = card.getByRole("alert");
  assert.match(await alert.innerText(), /vnexpress\.net/);
  assert.match(await alert.innerText(), /tin-nong\.top/);
  // Reasons in plain words, not codes.
  const reasons = await card.locator("li").allInnerTexts();
  assert.ok(reasons.length > 0, "reasons are listed");
  for (const r of reasons) assert.doesNotMatch(r, /^[a-z_]+$/, "a reason in words");
  // Keyboard-dismissable, and in an open shadow root.
  assert.equal(await page.evaluate(() => !!document.querySelector("cannhac-linkcard").shadowRoot), true);
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  await page.close();
});

test("a press link whose text matches its target: registered press, no mismatch warning", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const card = await checkLink(page, "#link-press");
  assert.equal(await card.getAttribute("data-verdict"), "registered_press");
  assert.equal(await card.getByRole("alert").count(), 0);
  await card.getByRole("button", { name: "Đóng" }).click();
  await card.waitFor({ state: "detached" });
  await page.close();
});

test("a shortened link: caution or suspicious, with the shortener reason", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const card = await checkLink(page, "#link-short");
  assert.match(await card.getAttribute("data-verdict"), /^(caution|suspicious)$/);
  assert.equal(await card.locator('li[data-reason="url_shortener"]').count(), 1);
  await page.close();
});

test("the menu item follows the language chosen in the options, not only the browser's", T, async () => {
  const title = async () => {
    const sw = await serviceWorker(b.context);
    return sw.evaluate(() => self.cannhac.handle({ type: "ping" }).then((r) => r.menuTitle));
  };
  const until = async (want) => {
    for (let i = 0; i < 50 && (await title()) !== want; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await title(), want);
  };
  await setSettings(b.context, { ...TEST_SETTINGS, language: "en" });
  await until("Check this link");
  await setSettings(b.context, { ...TEST_SETTINGS, language: "vi" });
  await until("Kiểm tra liên kết này");
  await setSettings(b.context, TEST_SETTINGS);
});

test("a selection with no link: the card says so (a breaker found nothing happened)", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  // The content script has its settings and strings once it underlines (a card shown before
  // would speak the browser's language).
  await page.click("#editor");
  await page.keyboard.type("Về dự án Hoa Sen");
  await until(async () => (await underlines(page, "internal_document")).marks.length === 1, "the content script to be ready");
  await page.bringToFront();
  const sent = await menuClick(page, { selectionText: "chỉ là chữ thường, không có địa chỉ nào" });
  assert.ok(sent.error, JSON.stringify(sent));
  const card = page.locator("cannhac-linkcard >> [role=dialog]");
  await card.waitFor();
  assert.equal(await card.getAttribute("data-verdict"), "none");
  assert.match(await card.innerText(), /Không thấy liên kết/);
  await page.close();
});

test("selected text containing a URL is checked too", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await page.bringToFront();
  const sent = await menuClick(page, { selectionText: "xem ở http://103.21.44.5/dang-nhap nhé" });
  assert.equal(sent.url, "http://103.21.44.5/dang-nhap");
  const card = page.locator("cannhac-linkcard >> [role=dialog]");
  await card.waitFor();
  assert.equal(await card.getAttribute("data-verdict"), "suspicious");
  assert.equal(await card.locator('li[data-reason="raw_ip_host"]').count(), 1);
  await page.close();
});
