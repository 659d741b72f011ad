// shiftready benchmarks: `npm run bench`. Numbers are wall-clock on this machine; each is shown
// with a baseline measured in the same run, because absolute times vary between machines.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/cli/main.js`;

function timeRun(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p90: times[Math.floor(runs * 0.9)], min: times[0] };
}

const fmt = (t) => `median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, p90 ${t.p90.toFixed(0)})`;

export function benchCheckStartup(runs = 21) {
  console.log('## check start-up: `shiftready check examples/crisis-line`');
  const baseline = timeRun(['-e', '0'], runs);
  const check = timeRun([CLI, 'check', 'examples/crisis-line'], runs);
  console.log(`node -e 0 (baseline):             ${fmt(baseline)}`);
  console.log(`shiftready check crisis-line:     ${fmt(check)}`);
  console.log(`ratio to bare node start-up:      ${(check.median / baseline.median).toFixed(2)}x; goal: within 300 ms wall`);
  return { baseline, check };
}

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'check') benchCheckStartup();
