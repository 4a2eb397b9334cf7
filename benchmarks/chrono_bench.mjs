// Times chrono-node on the documents of benchmarks/speed.py; run by it, not by hand.
//
//   node benchmarks/chrono_bench.mjs DOCS.json WARMUP OUT.json
//
// DOCS.json: [{"name", "text", "dct"}, ...]. Imports chrono-node (timed), parses the
// first WARMUP documents once as a warm-up, then times chrono.parse(text, new Date(dct))
// on every document. Writes {"import_s", "first_call_s", "seconds": [per document],
// "cpu_seconds", "max_rss_kb", "version"} to OUT.json, the same shape as a Python child
// of speed.py.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [docsPath, warmupArg, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node chrono_bench.mjs DOCS.json WARMUP OUT.json");
  process.exit(2);
}

const importStarted = performance.now();
const chrono = await import("chrono-node");
const importSeconds = (performance.now() - importStarted) / 1000;

const docs = JSON.parse(readFileSync(docsPath, "utf8"));
const parse = (doc) => chrono.parse(doc.text, new Date(doc.dct));
const timed = (doc) => {
  const started = performance.now();
  parse(doc);
  return (performance.now() - started) / 1000;
};

const firstCall = docs.length ? timed(docs[0]) : 0;
docs.slice(1, Number(warmupArg)).forEach(parse);
const cpuStarted = process.cpuUsage();
const seconds = docs.map(timed);
const cpu = process.cpuUsage(cpuStarted);

const packageJson = new URL("./node_modules/chrono-node/package.json", import.meta.url);
writeFileSync(outPath, JSON.stringify({
  import_s: importSeconds,
  first_call_s: firstCall,
  seconds,
  cpu_seconds: (cpu.user + cpu.system) / 1e6,
  max_rss_kb: process.resourceUsage().maxRSS,
  version: JSON.parse(readFileSync(packageJson, "utf8")).version,
}));
