// Jest's test order (registered in .projenrc.ts). Jest runs the files that took longest last
// time first, so no worker idles at the end; with no timings yet (a fresh clone, CI) it falls
// back to file size, and a few small files that run other processes (compilers, the CDK CLI,
// every example) would start last and leave one core idle for their whole run. Those files say
// so in their first lines (`@slow`: see SLOW), and start first when there are no timings.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The marker a slow test file carries in its first comment. */
const SLOW = /@slow\b/;

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const slow = new Set(tests.filter((t) => this.time(t) == null && isMarkedSlow(t.path)));
    const sorted = super.sort(tests);
    return [...sorted.filter((t) => slow.has(t)), ...sorted.filter((t) => !slow.has(t))];
  }
}

function isMarkedSlow(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    return SLOW.test(head.toString('utf8', 0, fs.readSync(fd, head, 0, head.length, 0)));
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = SlowFirstSequencer;
