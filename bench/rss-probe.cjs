// Preloaded by `node bench/run.mjs cli` into the CLI it measures (`node --require
// bench/rss-probe.cjs dist/shiftready.mjs …`): when the process exits, writes its peak resident
// set size in bytes (`process.resourceUsage().maxRSS` is in KiB) to the file named by
// SHIFTREADY_RSS_PROBE. Worker threads inherit --require; only the main thread writes.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for --require */
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const out = process.env.SHIFTREADY_RSS_PROBE;
if (out && isMainThread) {
  process.on('exit', () => {
    writeFileSync(out, `${process.resourceUsage().maxRSS * 1024}\n`);
  });
}
