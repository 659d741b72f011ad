// shiftready benchmarks: `npm run bench`. Numbers are wall-clock on this machine; each is shown
// with a baseline measured in the same run, because absolute times vary between machines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_DIR, defaultDir, existing, generate } from './generate.mjs';

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
  return { median: times[Math.floor(runs / 2)], p90: times[Math.floor(runs * 0.9)], min: times[0], all: times };
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

// --- cli: the commands as users run them, against the parse floor, at two sizes -------------

/** `--sizes` names; any other positive number is a scale too. */
const SIZE_NAMES = { half: 0.5, full: 1 };
const YEAR = ['--from', '2026-01-01', '--to', '2027-01-01'];
const HTML_PERIOD = ['--from', '2027-01-01', '--to', '2037-01-01'];
const GOALS = { reportFloor: 1.0, checkFloor: 1.0, compileReport: 1.5, rssMB: 1024, htmlMB: 5, htmlLoadMs: 1000 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sec = (x) => `${(x / 1000).toFixed(x < 10_000 ? 2 : 1)} s`;
const x2 = (r) => `${r.toFixed(2)}x`;
const MiB = 2 ** 20;
/** File sizes in MB of 10^6 bytes (as the issue counts them; RSS is in MiB, as Node reports it). */
const MB = 1e6;

function parseSizes(spec) {
  return spec.split(',').map((name) => {
    const scale = SIZE_NAMES[name] ?? Number(name);
    if (!(scale > 0)) throw new Error(`--sizes: ${name} is neither half, full nor a positive scale`);
    return { name, scale };
  });
}

/** Spawns `node args…` once: wall time from spawn to exit, with Node start-up and output. */
function spawnTimed(args, { env, ok = [0] } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!ok.includes(r.status)) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  return { ms: wall, status: r.status, stdout: r.stdout };
}

/**
 * One run of `shiftready <args> --out <file>`, spawned as users run it, with the child's peak RSS
 * from bench/rss-probe.cjs and the size of what it wrote (the file is removed afterwards).
 */
function cliRun(args, work, name) {
  const out = join(work, `${name}.out`);
  const probe = join(work, `${name}.rss`);
  rmSync(probe, { force: true });
  const r = spawnTimed(['--require', `${ROOT}bench/rss-probe.cjs`, CLI, ...args, '--out', out], {
    env: { ...process.env, SHIFTREADY_RSS_PROBE: probe },
  });
  const outBytes = statSync(out).size;
  const maxRssMB = Number(readFileSync(probe, 'utf8')) / MiB;
  let summary;
  if (name === 'check') {
    const o = JSON.parse(readFileSync(out, 'utf8'));
    summary = { errors: o.errorCount, warnings: o.warningCount };
  }
  rmSync(out, { force: true });
  return { ms: r.ms, maxRssMB, outBytes, ...(summary && { summary }) };
}

/** Medians of a list of runs, keeping every run's numbers. */
function summarize(runs) {
  const pick = (k) => runs.map((r) => r[k]);
  const result = { ms: median(pick('ms')), runsMs: pick('ms') };
  if (runs[0].maxRssMB !== undefined) Object.assign(result, { maxRssMB: Math.max(...pick('maxRssMB')), outBytes: runs[0].outBytes });
  if (runs[0].floorMs !== undefined) Object.assign(result, { floorMs: median(pick('floorMs')), floorRunsMs: pick('floorMs') });
  if (runs[0].summary) result.summary = runs[0].summary;
  return result;
}

function ensureOrganization(base, { name, scale }, regenerate) {
  const dir = defaultDir(scale, base);
  let data = regenerate ? undefined : existing(dir, { scale });
  if (!data) {
    const t0 = performance.now();
    data = generate(dir, { scale });
    console.log(`generated ${name} (scale ${scale}) in ${dir} in ${ms(performance.now() - t0)}`);
  } else {
    console.log(`reusing ${name} (scale ${scale}): ${dir} (--regenerate to rebuild)`);
  }
  return { dir, data };
}

/** One round at one size: the parse floor and the three commands, each once. */
function measureRound(size, dir, round, work, heapMB) {
  process.stderr.write(`  round ${round} [${size.name}]: floor`);
  const f = spawnTimed([`--max-old-space-size=${heapMB}`, `${ROOT}bench/large.mjs`, 'floor-tojs', dir]);
  // ms: the whole process (start-up, importing yaml, parsing); floorMs: parsing alone, in-process
  const r = { floor: { ms: f.ms, floorMs: JSON.parse(f.stdout.trim().split('\n').pop()).ms } };
  process.stderr.write(' check');
  r.check = cliRun(['check', dir, ...YEAR, '--rule', 'placeholder-only=off', '--format', 'json'], work, 'check');
  process.stderr.write(' report');
  r.report = cliRun(['report', dir, '--format', 'json', ...YEAR], work, 'report');
  process.stderr.write(' compile');
  r.compile = cliRun(['compile', dir, '--format', 'json', ...YEAR], work, 'compile');
  process.stderr.write(
    ` (floor ${sec(r.floor.floorMs)}, check ${sec(r.check.ms)}, report ${sec(r.report.ms)}, compile ${sec(r.compile.ms)})\n`,
  );
  return r;
}

/**
 * Every size, in rounds: each round runs the floor and the three commands at every size, so a
 * change in the machine's load during the run hits all rows and sizes alike. Each number is the
 * median over the rounds.
 */
function measureSizes(orgs, runs, work, heapMB) {
  const rounds = Object.fromEntries(orgs.map((o) => [o.size.name, { floor: [], check: [], report: [], compile: [] }]));
  const startup = Object.fromEntries(orgs.map((o) => [o.size.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const { size, dir } of orgs) {
      startup[size.name].push(...timeRun(['-e', '0'], 5).all);
      const r = measureRound(size, dir, i + 1, work, heapMB);
      for (const k of Object.keys(r)) rounds[size.name][k].push(r[k]);
    }
  }
  const results = {};
  for (const { size, dir, data } of orgs) {
    const got = rounds[size.name];
    const m = {
      yamlBytes: data.bytes,
      startup: { ms: median(startup[size.name]), runs: startup[size.name].length },
      floor: summarize(got.floor),
      check: summarize(got.check),
      report: summarize(got.report),
      compile: summarize(got.compile),
    };
    if (m.check.summary.errors) throw new Error(`${dir} does not check clean: ${m.check.summary.errors} errors`);
    const floorAlone = m.floor.floorMs;
    const floorStart = floorAlone + m.startup.ms;
    m.ratios = {
      report: { toFloorWithStartup: m.report.ms / floorStart, toFloor: m.report.ms / floorAlone },
      check: { toFloorWithStartup: m.check.ms / floorStart, toFloor: m.check.ms / floorAlone },
      compileToReport: m.compile.ms / m.report.ms,
    };
    results[size.name] = m;
  }
  return results;
}

/** The HTML report of examples/crisis-line over ten years: size, time, and load in Chromium. */
async function measureHtml(runs, work) {
  const args = ['report', 'examples/crisis-line', '--format', 'html', ...HTML_PERIOD];
  const made = [];
  for (let i = 0; i < runs; i++) made.push(cliRun(args, work, 'html'));
  const html = summarize(made);
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { ...html, load: { skipped: `no chromium at ${chromiumPath}` } };
  const file = join(work, 'crisis-line-10y.html');
  spawnTimed([CLI, ...args, '--out', file]);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const loads = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 300_000 });
      const gotoMs = performance.now() - t0;
      // From the start of the navigation to the end of the load event, as the page saw it.
      const navMs = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return (nav.loadEventEnd || nav.loadEventStart) - nav.startTime;
      });
      loads.push({ ms: navMs, gotoMs });
      await context.close();
    }
    return {
      ...html,
      load: { ms: median(loads.map((l) => l.ms)), runsMs: loads.map((l) => l.ms), gotoMs: loads.map((l) => l.gotoMs), chromiumPath },
    };
  } finally {
    await browser.close();
    rmSync(file, { force: true });
  }
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = spawnSync('git', ['diff', '--quiet', 'HEAD', '--', 'src', 'bench', 'package.json'], { cwd: ROOT }).status !== 0;
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * `node bench/run.mjs cli [--sizes half,full] [--runs N] [--json FILE]`: the issue's four rows
 * ("Faster than reading the YAML"), every ratio from numbers measured in this run.
 */
export async function benchCli({ sizes = 'half,full', runs = 3, htmlRuns = 3, json, regenerate = false } = {}) {
  const heapMB = Number(process.env.BENCH_HEAP_MB || 4096);
  const base = process.env.SHIFTREADY_BENCH_DIR || DEFAULT_DIR;
  const list = parseSizes(sizes);
  const load = loadavg();
  const cpus = availableParallelism();
  const underLoad = load[0] > cpus * 0.5 || load[1] > cpus * 0.5;
  const commit = gitCommit();
  const date = new Date().toISOString().slice(0, 10);
  console.log('## cli: `node dist/shiftready.mjs …` as users run it (Node start-up and output included)');
  console.log(
    `   ${date}, commit ${commit}, ${process.version}, ${cpus} CPUs, load average ${load.map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)${underLoad ? ': measured under load from other work' : ''}`,
  );
  console.log(`   each number the median of ${runs} rounds; each round runs the floor, check, report and compile at every size`);
  const orgs = list.map((size) => ({ size, ...ensureOrganization(base, size, regenerate) }));
  const work = mkdtempSync(join(tmpdir(), 'shiftready-bench-cli-'));
  let results;
  let html;
  try {
    results = measureSizes(orgs, runs, work, heapMB);
    process.stderr.write('  [html] crisis-line, 10 years\n');
    html = await measureHtml(htmlRuns, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const names = list.map((s) => s.name);
  const first = results[names[0]];
  const last = results[names[names.length - 1]];
  const growth = names.length > 1 ? (get) => x2(get(last) / get(first)) : () => '';
  const growthHead = names.length > 1 ? `${names[names.length - 1]}/${names[0]}` : '';

  console.log('');
  for (const { size, dir, data } of orgs) {
    console.log(
      `   ${size.name} (scale ${size.scale}): ${data.portals} portals, ${n0(data.users)} users, ${n0(data.shifts)} series, ${data.files} files, ${(data.bytes / MB).toFixed(2)} MB, in ${dir}`,
    );
  }
  console.log('');
  const W = [50, ...names.flatMap(() => [10, 9, 10]), 10];
  console.log(pad(['measured', ...names.flatMap((n) => [`${n}: wall`, 'peak RSS', 'output']), growthHead], W));
  const line = (label, get, rss, out) =>
    console.log(
      pad(
        [
          label,
          ...names.flatMap((n) => [
            sec(get(results[n])),
            rss ? mb(rss(results[n])) : '',
            out ? `${(out(results[n]) / MB).toFixed(out(results[n]) < 10 * MB ? 2 : 1)} MB` : '',
          ]),
          growth(get),
        ],
        W,
      ),
    );
  line(`node -e 0 (Node start-up, median of ${5 * runs})`, (r) => r.startup.ms);
  line('parse floor: parseDocument + toJS, in-process', (r) => r.floor.floorMs);
  line('  + Node start-up', (r) => r.floor.floorMs + r.startup.ms);
  line('  (the floor process, spawned: + importing yaml)', (r) => r.floor.ms);
  line(
    'check --format json --out F',
    (r) => r.check.ms,
    (r) => r.check.maxRssMB,
    (r) => r.check.outBytes,
  );
  line(
    'report --format json --out F',
    (r) => r.report.ms,
    (r) => r.report.maxRssMB,
    (r) => r.report.outBytes,
  );
  line(
    'compile --format json --out F',
    (r) => r.compile.ms,
    (r) => r.compile.maxRssMB,
    (r) => r.compile.outBytes,
  );
  console.log(
    pad(
      [
        'YAML read (all files)',
        ...names.flatMap((n) => [`${(results[n].yamlBytes / MB).toFixed(2)} MB`, '', '']),
        growth((r) => r.yamlBytes),
      ],
      W,
    ),
  );

  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const G = [50, ...names.map(() => 16), 22];
  console.log('');
  console.log(pad(['goal (ratios of numbers measured in this run)', ...names, 'goal'], G));
  const goalRow = (label, value, goal, ok) =>
    console.log(pad([label, ...names.map((n) => `${value(results[n])}${ok ? ` ${verdict(ok(results[n]))}` : ''}`), goal], G));
  goalRow(
    'report json / (Node start-up + floor)',
    (r) => x2(r.ratios.report.toFloorWithStartup),
    '<= 1.0x',
    (r) => r.ratios.report.toFloorWithStartup <= GOALS.reportFloor,
  );
  goalRow('  report json / floor alone', (r) => x2(r.ratios.report.toFloor), '');
  goalRow(
    'check / (Node start-up + floor)',
    (r) => x2(r.ratios.check.toFloorWithStartup),
    '<= 1.0x',
    (r) => r.ratios.check.toFloorWithStartup <= GOALS.checkFloor,
  );
  goalRow('  check / floor alone', (r) => x2(r.ratios.check.toFloor), '');
  goalRow(
    'compile json --out F / report json',
    (r) => x2(r.ratios.compileToReport),
    '<= 1.5x',
    (r) => r.ratios.compileToReport <= GOALS.compileReport,
  );
  goalRow(
    'compile peak RSS',
    (r) => mb(r.compile.maxRssMB),
    '< 1 GB at any size',
    (r) => r.compile.maxRssMB < GOALS.rssMB,
  );
  const htmlMB = html.outBytes / MB;
  const loadNote = html.load.skipped
    ? `skipped: ${html.load.skipped}`
    : `${sec(html.load.ms)} ${verdict(html.load.ms <= GOALS.htmlLoadMs)}`;
  console.log(
    pad(
      ['report html, crisis-line, 10 years: size', `${htmlMB.toFixed(1)} MB ${verdict(htmlMB <= GOALS.htmlMB)}`, '<= 5 MB'],
      [50, 16 * names.length + 2 * (names.length - 1), 22],
    ),
  );
  console.log(pad(['  written in (wall, median)', sec(html.ms), ''], [50, 16 * names.length + 2 * (names.length - 1), 22]));
  console.log(
    pad(['  load in headless Chromium (to the load event)', loadNote, '<= 1 s'], [50, 16 * names.length + 2 * (names.length - 1), 22]),
  );
  if (names.length > 1) {
    console.log('');
    const growthOf = (k) => (k === 'floor' ? last.floor.floorMs / first.floor.floorMs : last[k].ms / first[k].ms);
    console.log(
      `growth ${growthHead} (ratio of times): floor ${x2(growthOf('floor'))}, check ${x2(growthOf('check'))}, report ${x2(growthOf('report'))}, compile ${x2(growthOf('compile'))}; compile RSS ${x2(last.compile.maxRssMB / first.compile.maxRssMB)}, YAML ${x2(orgs[orgs.length - 1].data.bytes / orgs[0].data.bytes)}`,
    );
  }

  // A row for the history in docs/performance.md.
  const cell = (f) => names.map((n) => `${n} ${f(results[n])}`).join('; ');
  const history = [
    date,
    commit,
    `load ${load.map((l) => l.toFixed(1)).join(' ')} on ${cpus} CPUs${underLoad ? ', measured under load from other work' : ''}`,
    cell((r) => `${sec(r.floor.floorMs)}`),
    cell((r) => `${sec(r.report.ms)} = ${r.ratios.report.toFloorWithStartup.toFixed(2)}×`),
    cell((r) => `${sec(r.check.ms)} = ${r.ratios.check.toFloorWithStartup.toFixed(2)}×`),
    cell(
      (r) =>
        `${sec(r.compile.ms)} = ${r.ratios.compileToReport.toFixed(2)}× report, ${(r.compile.outBytes / MB).toFixed(0)} MB, RSS ${mb(r.compile.maxRssMB)}`,
    ),
    `${htmlMB.toFixed(1)} MB, ${html.load.skipped ? 'load skipped' : `loads in ${sec(html.load.ms)}`}`,
  ];
  console.log('');
  console.log('history row for docs/performance.md:');
  console.log(`| ${history.join(' | ')} |`);

  const result = {
    date,
    commit,
    node: process.version,
    cpus,
    loadavg: load,
    underLoad,
    runs,
    sizes: list,
    organizations: Object.fromEntries(orgs.map((o) => [o.size.name, { dir: o.dir, ...o.data }])),
    results,
    html,
    goals: GOALS,
  };
  if (json) {
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${json}`);
  }
  return result;
}

const argv = process.argv.slice(2);
const WITH_VALUE = new Set(['--sizes', '--runs', '--json']);
const flags = new Set();
const values = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  if (WITH_VALUE.has(argv[i])) values[argv[i]] = argv[++i];
  else if (argv[i].startsWith('--')) flags.add(argv[i]);
  else positional.push(argv[i]);
}
const which = positional[0] ?? 'all';
const runsArg = values['--runs'] === undefined ? 3 : Number(values['--runs']);
if (!['all', 'check', 'hostile', 'large', 'cli'].includes(which) || positional.length > 1 || !(runsArg >= 1)) {
  console.error(
    `usage: node bench/run.mjs [all|check|hostile|large|cli] [--regenerate] [--verify] [--cpu-prof] [--sizes half,full] [--runs N] [--json FILE]`,
  );
  process.exit(2);
}
if (which === 'all' || which === 'check') benchCheckStartup();
if (which === 'all') console.log('');
if (which === 'all' || which === 'hostile') benchHostileInput();
if (which === 'all') console.log('');
if (which === 'all' || which === 'large') {
  benchLarge({ regenerate: flags.has('--regenerate'), verifyCheck: flags.has('--verify'), profile: flags.has('--cpu-prof') });
}
if (which === 'all') console.log('');
if (which === 'all' || which === 'cli') {
  await benchCli({ sizes: values['--sizes'], runs: runsArg, json: values['--json'], regenerate: flags.has('--regenerate') });
}
