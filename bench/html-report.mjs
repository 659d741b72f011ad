// The HTML report's size and how fast Chromium opens it: `node bench/html-report.mjs` after
// `npm run build` (needs /usr/bin/chromium or CHROMIUM_PATH). For each period it writes the page
// of examples/crisis-line, then opens it from disk five times and prints the median time to the
// page's `load` event and to its first contentful paint (performance API, in the page's clock),
// and, for a long period, the time to draw the days of one row of its summary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/* global document, MouseEvent -- in page.evaluate(), which runs in the page */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/shiftready.mjs');
const PERIODS = [
  ['2 weeks', '2027-03-08', '2027-03-22'],
  ['1 year', '2027-01-01', '2028-01-01'],
  ['10 years', '2027-01-01', '2037-01-01'],
];
const RUNS = 5;

const dir = mkdtempSync(join(tmpdir(), 'shiftready-html-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  console.log("| period | page | load event | first contentful paint | drawing a row's days |\n|---|---|---|---|---|");
  for (const [name, from, to] of PERIODS) {
    const file = join(dir, `${name.replace(' ', '-')}.html`);
    execFileSync(process.execPath, [CLI, 'report', 'examples/crisis-line', '--format', 'html', '--from', from, '--to', to, '--out', file], {
      cwd: ROOT,
    });
    const loads = [];
    const paints = [];
    const draws = [];
    for (let k = 0; k < RUNS; k++) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const t = await page.evaluate(async () => {
        const paint = await new Promise((resolve) =>
          new PerformanceObserver((list) => {
            const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (fcp) resolve(fcp.startTime);
          }).observe({ type: 'paint', buffered: true }),
        );
        // A long period's summary: how long drawing the days of a row in the middle takes (the
        // first time, so the embedded data is parsed too).
        const rows = document.querySelectorAll('.srow');
        let draw = NaN;
        if (rows.length) {
          const t0 = performance.now();
          rows[Math.floor(rows.length / 2)].dispatchEvent(new MouseEvent('click', { bubbles: true }));
          draw = performance.now() - t0;
        }
        return { load: performance.getEntriesByType('navigation')[0].loadEventEnd, paint, draw };
      });
      loads.push(t.load);
      paints.push(t.paint);
      draws.push(t.draw);
      await page.close();
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `| ${name} | ${(statSync(file).size / 1e6).toFixed(2)} MB | ${median(loads).toFixed(0)} ms | ${median(paints).toFixed(0)} ms | ${Number.isNaN(median(draws)) ? '—' : `${median(draws).toFixed(0)} ms`} |`,
    );
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
