// Preloaded into every benchmarked process: on exit, writes its wall time since process start
// and its peak resident memory to the file named by BENCH_PROBE_FILE.
const fs = require('node:fs');
const started = performance.timeOrigin;
process.on('exit', () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (!file) return;
  const wallMs = Date.now() - started;
  fs.writeFileSync(file, JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS }));
});
