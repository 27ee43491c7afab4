// ./build.sh demo: opens Chromium with the built extension on the demo page (one sample post in
// each composer kind). With a DISPLAY: a real window, until you close it. Without one: headless,
// writes demo.png (underlines in every composer and an open tooltip) and exits.
import path from "node:path";
import { launch, startServer, setSettings, ROOT, until } from "./harness.mjs";

const headed = !!process.env.DISPLAY && !process.env.CANNHAC_HEADLESS;
const srv = await startServer();
const b = await launch({ headed });
await setSettings(b.context, { language: "vi" });
const page = b.context.pages()[0] || (await b.context.newPage());
await page.setViewportSize({ width: 1260, height: 1120 });
await page.goto(`${srv.origin}/fixtures/demo.html`);

// Composers are analysed when they get focus: visit each one, as a reader would.
const frames = await until(() => {
  const fs = page.frames().filter((f) => f.url().includes("/fixtures/page.html"));
  return fs.length === 8 && fs;
}, "the demo frames", 15000);
for (const f of frames) {
  await f.waitForFunction(() => window.editorReady === true);
  const kind = await f.evaluate(() => window.editorKind);
  const sel = { draft: ".public-DraftEditor-content", prosemirror: ".ProseMirror", quill: ".ql-editor" }[kind] || "#editor";
  await f.click(sel, { position: { x: 5, y: 5 } });
  await f.waitForTimeout(150);
}
// Hover the last underline of the textarea to open its tooltip (below the word: the textarea's
// other underlines stay in view).
const ta = frames[0];
const mark = await until(
  () =>
    ta.evaluate(() => {
      const ms = document.querySelector("cannhac-overlay")?.shadowRoot?.querySelectorAll("[data-cannhac-category]");
      const m = ms?.length ? ms[ms.length - 1] : null;
      if (!m) return null;
      const r = m.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }),
  "an underline in the textarea",
);
const box = await (await ta.frameElement()).boundingBox();
await page.mouse.move(box.x + mark.x, box.y + mark.y);
// (the tooltip opens below the word, inside the frame)
await ta.locator("cannhac-tooltip >> [role=tooltip]").waitFor({ state: "visible" });

if (headed) {
  console.log("Demo open in Chromium: close the window to finish.");
  await new Promise((r) => b.context.on("close", r));
} else {
  const out = path.join(ROOT, "demo.png");
  await page.screenshot({ path: out, fullPage: true });
  console.log(`demo.png written (${out}): underlines in every composer kind and an open tooltip`);
  await b.close();
}
await srv.close();
