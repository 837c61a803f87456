// Preloaded into every benchmarked process: on exit, writes its wall time since process start,
// its CPU time (user + system) and its peak resident memory to the file named by BENCH_PROBE_FILE.
const fs = require('node:fs');
const started = performance.timeOrigin;
process.on('exit', () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (!file) return;
  const wallMs = Date.now() - started;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  fs.writeFileSync(file, JSON.stringify({ wallMs, cpuMs, maxRssKb: process.resourceUsage().maxRSS }));
});
