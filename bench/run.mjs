// shiftready benchmarks: `npm run bench`. Numbers are wall-clock on this machine; each is shown
// with a baseline measured in the same run, because absolute times vary between machines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, existing, generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/shiftready.mjs`;

function timeRun(args, runs, cwd = ROOT) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
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

// --- hostile: inputs that must be refused at once (test/cli/bad-input.test.ts checks how) ------

/** Nine levels of nine aliases each: 9^9 ≈ 387 million strings if expanded. */
const ALIAS_BOMB = `shiftready: 1\n${[...'abcdefghi']
  .map(
    (name, i) =>
      `${name}: &${name} [${Array(9)
        .fill(i === 0 ? '"lol"' : `*${'abcdefghi'[i - 1]}`)
        .join(',')}]`,
  )
  .join('\n')}\n`;

export function benchHostileInput(runs = 5) {
  console.log('## hostile input: `shiftready check FILE` on inputs refused before any real work');
  const dir = mkdtempSync(join(tmpdir(), 'shiftready-bench-hostile-'));
  try {
    writeFileSync(join(dir, 'bomb.yaml'), ALIAS_BOMB);
    writeFileSync(join(dir, 'big.yaml'), `shiftready: 1\n# ${'x'.repeat(20 * 1024 * 1024)}\n`);
    const baseline = timeRun(['-e', '0'], runs);
    const bomb = timeRun([CLI, 'check', 'bomb.yaml'], runs, dir);
    const big = timeRun([CLI, 'check', 'big.yaml'], runs, dir);
    console.log(`node -e 0 (baseline):             ${fmt(baseline)}`);
    console.log(`alias bomb (9^9 if expanded):     ${fmt(bomb)}; goal: under 10 s`);
    console.log(`20 MB file (the limit is 4 MB):   ${fmt(big)}; goal: under 5 s`);
    return { baseline, bomb, big };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- large: a 200-portal, 20,000-user, 10,000-series organization over one year -------------

const n0 = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => `${n0(x)} ms`;
const mb = (x) => `${n0(x)} MB`;
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

/**
 * Runs one measurement of bench/large.mjs in a fresh process (clean heap, own peak RSS) and
 * returns its JSON result.
 */
function measure(mode, dir, { heapMB, profileDir }) {
  const args = [`--max-old-space-size=${heapMB}`];
  if (profileDir) args.push('--cpu-prof', `--cpu-prof-dir=${join(profileDir, mode)}`);
  args.push(`${ROOT}bench/large.mjs`, mode, dir);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench/large.mjs ${mode} exited ${r.status ?? r.signal}`);
  const last = r.stdout.trim().split('\n').pop();
  return JSON.parse(last);
}

/** Full `shiftready check` over the benchmark year (all rules, timeline ones too). */
function verify(dir) {
  const args = [CLI, 'check', dir, '--format', 'json', '--from', '2026-01-01', '--to', '2027-01-01', '--rule', 'placeholder-only=off'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    throw new Error(`the generated organization does not check clean (exit ${r.status}): ${r.stdout.slice(0, 2000)}${r.stderr}`);
  const out = JSON.parse(r.stdout);
  const rules = {};
  for (const f of out.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  console.log(
    `verified: \`shiftready check --rule placeholder-only=off\` over 2026: exit 0, ${out.errorCount} errors, ${out.warningCount} warnings ${JSON.stringify(rules)} (${ms(wall)})`,
  );
}

export function benchLarge({
  dir = process.env.SHIFTREADY_BENCH_DIR || DEFAULT_DIR,
  regenerate = false,
  verifyCheck = false,
  profile = false,
} = {}) {
  const heapMB = Number(process.env.BENCH_HEAP_MB || 4096);
  let data = regenerate ? undefined : existing(dir);
  if (!data) {
    const t0 = performance.now();
    data = generate(dir);
    console.log(`generated ${dir} in ${ms(performance.now() - t0)}`);
    verifyCheck = true;
  } else {
    console.log(`reusing ${dir} (generator v${data.generator}, seed ${data.seed}; --regenerate to rebuild)`);
  }
  if (verifyCheck) verify(dir);
  let profileDir;
  if (profile) {
    profileDir = join(tmpdir(), 'shiftready-bench-profiles');
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const opts = { heapMB, profileDir };
  console.log('measuring, each in a fresh process: stages, whole compile, parse floor, 1,000-series subset …');
  const stages = measure('stages', dir, opts);
  const whole = measure('compile', dir, opts);
  const floor = measure('floor', dir, opts);
  const subset = measure('subset', dir, opts);

  const warnings = Object.entries(stages.findings).reduce((n, [k, v]) => n + (k.endsWith(' warn') ? v : 0), 0);
  const errors = Object.entries(stages.findings).reduce((n, [k, v]) => n + (k.endsWith(' error') ? v : 0), 0);
  const W = [52, 11, 10, 0];
  const row = (name, t, rss, note = '') => console.log(pad([name, t, rss, ''], W) + note);
  const iso = (t) => new Date(t).toISOString().replace('.000', '');

  console.log('');
  console.log(
    `## large: ${data.portals} portals (${data.chatPortals} chat, ${data.smsPortals} sms), ${n0(data.users)} users (${data.placeholders} placeholders, ${n0(data.usersAway)} with away periods), ${n0(data.shifts)} shift series, ${data.overrides} overrides, ${data.requirements} requirements`,
  );
  console.log(
    `   ${data.files} files, ${(data.bytes / 2 ** 20).toFixed(2)} MB (largest ${(data.largestFile / 2 ** 20).toFixed(2)} MB), in ${dir}`,
  );
  console.log(
    `   period ${iso(stages.period.from)} .. ${iso(stages.period.to)} (2026-01-01 .. 2027-01-01 America/Chicago); ${process.version}; --max-old-space-size=${heapMB}`,
  );
  console.log('');
  console.log(pad(['stage (all in one process)', 'wall', 'peak RSS', ''], W) + 'produced');
  row('parse     load files: yaml parseDocument + toJS', ms(stages.parse.ms), mb(stages.parse.maxRssMB), `${stages.files} files`);
  row(
    'resolve   merge into one model',
    ms(stages.resolve.ms),
    mb(stages.resolve.maxRssMB),
    `${n0(stages.model.users)} users, ${n0(stages.model.shifts)} shifts`,
  );
  row(
    'validate  requireValid: schema + config rules',
    ms(stages.validate.ms),
    mb(stages.validate.maxRssMB),
    `${errors} errors, ${warnings} warnings`,
  );
  row('            of which schema (ajv), re-run alone', ms(stages.schemaOnly.ms), '', '');
  row(
    'expand    forEachOccurrence, every series, 1 year',
    ms(stages.expand.ms),
    mb(stages.expand.maxRssMB),
    `${n0(stages.expand.occurrences)} occurrences of ${n0(stages.expand.series)} series`,
  );
  row(
    'timeline  buildTimeline, 1 year',
    ms(stages.timeline.ms),
    mb(stages.timeline.maxRssMB),
    `${n0(stages.timeline.intervals)} intervals (${n0(stages.timeline.online)} online) in ${stages.timeline.portals} portals`,
  );
  row('= parse + resolve + validate + timeline', ms(stages.parse.ms + stages.resolve.ms + stages.validate.ms + stages.timeline.ms), '', '');
  console.log('');
  console.log(pad(['separate processes', 'wall', 'peak RSS', ''], W) + 'produced');
  row(
    'whole compile  load + requireValid + buildTimeline',
    ms(whole.ms),
    mb(whole.end.maxRssMB),
    `load ${ms(whole.loadMs)}, compile() ${ms(whole.compileMs)}; ${n0(whole.intervals)} intervals`,
  );
  row(
    'parse floor    yaml parseDocument + LineCounter',
    ms(floor.ms),
    mb(floor.end.maxRssMB),
    `${floor.files} files, ${(floor.bytes / 2 ** 20).toFixed(2)} MB of text`,
  );
  console.log('');
  console.log(
    pad([`1,000-series subset (${data.subsetFile}: ${subset.series} series, ${subset.portals} portals)`, 'wall', '', ''], W) + 'produced',
  );
  row(
    'naive  rrule.js between() + luxon fromObject x2',
    ms(subset.naive.ms),
    '',
    `${n0(subset.naive.occurrences)} occurrences; median of ${subset.naive.runs.length} runs (${subset.naive.runs.map(ms).join(', ')})`,
  );
  row(
    'ours   buildTimeline = expand + timeline',
    ms(subset.ours.steadyMs),
    '',
    `${n0(subset.ours.intervals)} intervals (${n0(subset.ours.online)} online); median of ${subset.ours.steadyRuns.length} runs on fresh models`,
  );
  row(
    'ours   the same, first call in a fresh process',
    ms(subset.ours.coldMs),
    mb(subset.ours.coldMaxRssMB),
    'cold: V8 warm-up, zone tables',
  );
  row(
    'ours   expand alone (seriesOf + forEachOccurrence)',
    ms(subset.ours.expandMs),
    '',
    `${n0(subset.ours.occurrences)} occurrences${subset.ours.occurrences === subset.naive.occurrences ? ' (same count)' : ' (COUNT DIFFERS)'}`,
  );
  console.log('');
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const GB = 1024;
  const naiveRatio = subset.naive.ms / subset.ours.steadyMs;
  const compileRatio = whole.ms / floor.ms;
  const peak = Math.max(whole.end.maxRssMB, stages.end.maxRssMB);
  console.log(pad(['goal', 'measured', 'goal', ''], [52, 11, 10, 0]));
  row('naive / ours (expand + timeline), medians, subset', `${naiveRatio.toFixed(1)}x`, '>= 20x', `  ${verdict(naiveRatio >= 20)}`);
  row(
    '  naive / ours first call in a fresh process (cold)',
    `${(subset.naive.ms / subset.ours.coldMs).toFixed(1)}x`,
    '',
    '  for reference',
  );
  row('  naive / ours (expand only), for reference', `${(subset.naive.ms / subset.ours.expandMs).toFixed(1)}x`, '', '');
  row('whole compile / parse floor', `${compileRatio.toFixed(1)}x`, '<= 2x', `  ${verdict(compileRatio <= 2)}`);
  row(
    '  (parse + resolve + validate + timeline) / floor',
    `${((stages.parse.ms + stages.resolve.ms + stages.validate.ms + stages.timeline.ms) / floor.ms).toFixed(1)}x`,
    '',
    '  (stages process)',
  );
  row('peak RSS (max of whole compile, stages)', mb(peak), '< 1 GB', `  ${verdict(peak < GB)}`);
  if (profileDir) {
    console.log('');
    console.log(`CPU profiles: ${profileDir}/<stages|compile|floor|subset>/*.cpuprofile`);
    for (const mode of ['stages', 'compile', 'subset']) {
      const files = readdirSync(join(profileDir, mode)).filter((f) => f.endsWith('.cpuprofile'));
      for (const f of files) console.log(`  node bench/profile-top.mjs ${join(profileDir, mode, f)}`);
    }
  }
  return { data, stages, whole, floor, subset, naiveRatio, compileRatio, peak };
}

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const which = argv.find((a) => !a.startsWith('--')) ?? 'all';
if (!['all', 'check', 'hostile', 'large'].includes(which)) {
  console.error(`usage: node bench/run.mjs [all|check|hostile|large] [--regenerate] [--verify] [--cpu-prof]`);
  process.exit(2);
}
if (which === 'all' || which === 'check') benchCheckStartup();
if (which === 'all') console.log('');
if (which === 'all' || which === 'hostile') benchHostileInput();
if (which === 'all') console.log('');
if (which === 'all' || which === 'large') {
  benchLarge({ regenerate: flags.has('--regenerate'), verifyCheck: flags.has('--verify'), profile: flags.has('--cpu-prof') });
}
