// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time, and by
// total (inclusive) time for functions in shiftready's own code.
//
//   node bench/profile-top.mjs <file.cpuprofile> [top=25] [--under <function name>]
//
// --under keeps only the samples whose stack contains that function (e.g. buildTimeline).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const argv = process.argv.slice(2);
const underAt = argv.indexOf('--under');
const under = underAt >= 0 ? argv.splice(underAt, 2)[1] : undefined;
const [file, topArg] = argv;
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);

export function summarise(profile, top = 25, under = undefined) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  const onStack = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) if (byId.get(at).callFrame.functionName === under) return true;
    return false;
  };
  for (let i = 0; i < samples.length; i++) {
    if (under && !onStack(samples[i])) continue;
    selfMs.set(samples[i], (selfMs.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const where = (cf) => {
    // paths relative to the repository: dist/… is shiftready, node_modules/<pkg>/… a dependency
    const url = cf.url.replace(/^file:\/\//, '').replace(ROOT, '');
    return `${cf.functionName || '(anonymous)'} ${url ? `${url}:${cf.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const inclusive = new Map();
  for (const [id, ms] of selfMs) {
    const key = where(byId.get(id).callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    // inclusive: each distinct function on the stack once
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = where(byId.get(at).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const rows = (m, filter = () => true) =>
    [...m]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `total sampled: ${total.toFixed(0)} ms${under ? ` (only stacks through ${under})` : ''}`,
    `-- top ${top} by self time --`,
    ...rows(self),
    `-- top ${top} by total time (shiftready dist/ functions) --`,
    ...rows(inclusive, (k) => / dist\//.test(k)),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(summarise(JSON.parse(readFileSync(file, 'utf8')), top, under));
