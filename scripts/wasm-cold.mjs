// Times a fresh engine in Node: instantiating the .wasm, Engine::new, and the first analysis
// (mostly V8 compiling the analysis code on first use). Run it several times, alternating
// builds, to compare them: the figures of one run vary a lot on a busy machine.
// Usage: node scripts/wasm-cold.mjs dist/wasm
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2] || "dist/wasm");
const mod = await import(pathToFileURL(path.join(dir, "cannhac_wasm.js")).href);
let t = performance.now();
const lap = () => {
  const ms = performance.now() - t;
  t = performance.now();
  return ms.toFixed(1);
};
await mod.default({ module_or_path: fs.readFileSync(path.join(dir, "cannhac_wasm_bg.wasm")) });
const out = ["init", lap()];
const engine = new mod.Engine();
out.push("new", lap());
engine.analyze(
  "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết tay. Hôm nay cả nhà đi chơi công viên, trời đẹp và mát. Xem thêm bit.ly/tin-mat nhé. ",
);
out.push("first", lap());
console.log(out.join(" "), "(ms)");
