// One measurement of the large benchmark, run by bench/run.mjs in its own process (so each one
// gets a clean heap, a cold JIT and its own peak RSS):
//
//   node bench/large.mjs stages <dir>   parse → resolve → validate → expand → timeline, one process
//   node bench/large.mjs compile <dir>  the whole compile (load + requireValid + buildTimeline), cold
//   node bench/large.mjs floor <dir>    yaml parseDocument (with a LineCounter) of the same files
//   node bench/large.mjs floor-tojs <dir>  the same, plus toJS of every document: the parse floor
//                                          of `node bench/run.mjs cli` (one thread)
//   node bench/large.mjs subset <dir>   naive rrule.js + luxon vs shiftready on the 1,000-series subset
//
// Progress goes to stderr; the result is one JSON line on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import rrule from 'rrule';
import { DateTime } from 'luxon';

const { RRule } = rrule;
const DIST = new URL('../dist/', import.meta.url);
const lib = async (path) => import(new URL(path, DIST).href);

/** The period of the benchmark: one year, in the organization's zone. */
export const PERIOD = { from: '2026-01-01', to: '2027-01-01' };
const SUBSET_FILE = 'shifts-001.yaml';
/** Timed calls after the first, each on a freshly loaded model; and runs of the naive way. */
const STEADY_RUNS = 5;
const NAIVE_RUNS = 3;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) {
  console.error('usage: node bench/large.mjs stages|compile|floor|floor-tojs|subset <dir>');
  process.exit(2);
}

const mem = () => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 };
};
const log = (msg) => process.stderr.write(`  [${mode}] ${msg}\n`);

function timed(name, fn) {
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  log(`${name}: ${ms.toFixed(0)} ms`);
  return { value, ms, ...mem() };
}

function yamlFiles(only) {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n) && (!only || only(n)))
    .sort()
    .map((n) => join(dir, n));
}

function countIntervals(timeline) {
  let intervals = 0;
  let online = 0;
  for (const p of timeline.portals) {
    intervals += p.intervals.length;
    for (const i of p.intervals) if (i.state === 'online') online++;
  }
  return { intervals, online, portals: timeline.portals.length };
}

/** Every occurrence of every series over the period with shiftready's expansion. */
function expandAll(shifts, period, forEachOccurrence) {
  let occurrences = 0;
  let series = 0;
  const count = () => occurrences++;
  for (const shift of shifts) {
    // Parsed once when the model was built (model/normalize.ts).
    const spec = shift.timing.series;
    if (!spec) continue;
    series++;
    forEachOccurrence(spec, period.from, period.to, count);
  }
  return { occurrences, series };
}

// --- the naive way: rrule.js in floating time + luxon per occurrence start and end (docs/recurrence.md) ---
const ymd = (iso) => iso.split('-').map(Number);
const hm = (t) => {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
};

function naiveExpand(shift, zone, period) {
  const startMin = hm(shift.start);
  const endMin = hm(shift.end);
  const endDayOffset = endMin <= startMin || endMin === 1440 ? 1 : 0;
  const endOfDay = endMin % 1440;
  let dates;
  if (shift.date !== undefined) {
    const [y, m, d] = ymd(shift.date);
    dates = [new Date(Date.UTC(y, m - 1, d))];
  } else {
    const options = RRule.parseString(shift.repeat);
    const [y, m, d] = ymd(shift.from);
    options.dtstart = new Date(Date.UTC(y, m - 1, d, Math.floor(startMin / 60), startMin % 60));
    if (shift.until !== undefined) {
      const [uy, um, ud] = ymd(shift.until);
      const until = new Date(Date.UTC(uy, um - 1, ud, 23, 59, 59));
      if (!options.until || until < options.until) options.until = until;
    }
    const rule = new RRule(options, true); // noCache
    // Floating local dates a day either side of the period (overnight shifts, zone offsets).
    dates = rule.between(new Date(Date.UTC(2025, 11, 31)), new Date(Date.UTC(2027, 0, 1, 23, 59, 59)), true);
  }
  const except = new Set(shift.except);
  let occurrences = 0;
  for (const date of dates) {
    if (except.size && except.has(date.toISOString().slice(0, 10))) continue;
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const start = DateTime.fromObject({ year: y, month: mo, day: d, hour: Math.floor(startMin / 60), minute: startMin % 60 }, { zone });
    const endDate = endDayOffset ? new Date(Date.UTC(y, mo - 1, d + 1)) : date;
    const end = DateTime.fromObject(
      {
        year: endDate.getUTCFullYear(),
        month: endDate.getUTCMonth() + 1,
        day: endDate.getUTCDate(),
        hour: Math.floor(endOfDay / 60),
        minute: endOfDay % 60,
      },
      { zone },
    );
    const s = start.toMillis();
    const e = end.toMillis();
    if (e > s ? s < period.to && e > period.from : s >= period.from && s < period.to) occurrences++;
  }
  return occurrences;
}

// --- modes --------------------------------------------------------------------------------
async function stages() {
  const { loadFiles } = await lib('load/index.js');
  const { resolveModel } = await lib('model/resolve.js');
  const { requireValid, periodOf } = await lib('check.js');
  const { forEachOccurrence } = await lib('time/series.js');
  const { buildTimeline } = await lib('timeline/build.js');
  const { validateData } = await lib('validate/schema.js');
  const start = mem();

  const parse = timed('parse (loadFiles)', () => loadFiles([dir]));
  const sources = parse.value;
  const resolve = timed('resolve (resolveModel)', () => resolveModel(sources));
  const config = { sources, model: resolve.value };
  const validate = timed('validate (requireValid)', () => requireValid(config));
  const findings = {};
  for (const f of validate.value) findings[`${f.rule} ${f.severity}`] = (findings[`${f.rule} ${f.severity}`] ?? 0) + 1;
  // For the breakdown: ajv alone over the same data, measured after the fact.
  const schemaOnly = timed('  of which schema (validateData, re-run)', () => sources.reduce((n, d) => n + validateData(d.data).length, 0));
  const period = periodOf(config, PERIOD);
  const expand = timed('expand (forEachOccurrence)', () => expandAll(config.model.shifts, period, forEachOccurrence));
  const timeline = timed('timeline (buildTimeline)', () => buildTimeline(config.model, period));
  const strip = ({ value: _value, ...rest }) => rest;
  return {
    start,
    files: sources.length,
    model: {
      portals: config.model.portals.length,
      users: config.model.users.length,
      shifts: config.model.shifts.length,
      overrides: config.model.overrides.length,
      requirements: config.model.requirements.length,
    },
    period,
    findings,
    parse: strip(parse),
    resolve: strip(resolve),
    validate: strip(validate),
    schemaOnly: { ...strip(schemaOnly), problems: schemaOnly.value },
    expand: { ...strip(expand), ...expand.value },
    timeline: { ...strip(timeline), ...countIntervals(timeline.value) },
  };
}

async function compileMode() {
  // The CLI's path: loadAsync parses a large configuration across worker threads.
  const { loadAsync } = await lib('check.js');
  const { compile } = await lib('compile.js');
  const t0 = performance.now();
  const t1 = performance.now();
  const loaded = { value: await loadAsync([dir]), ms: 0 };
  loaded.ms = performance.now() - t1;
  log(`load: ${loaded.ms.toFixed(0)} ms`);
  const compiled = timed('compile (requireValid + buildTimeline)', () => compile(loaded.value, PERIOD));
  const ms = performance.now() - t0;
  log(`whole compile: ${ms.toFixed(0)} ms`);
  return { ms, loadMs: loaded.ms, compileMs: compiled.ms, ...mem(), ...countIntervals(compiled.value) };
}

/**
 * Reads and parses every file in this thread, timed in this process (Node start-up and loading
 * `yaml` are not included); with `toJS`, also turns each document into plain data, as any tool
 * that reads the YAML must.
 */
function floor({ toJS = false } = {}) {
  const files = yamlFiles();
  let bytes = 0;
  const r = timed(toJS ? 'yaml parseDocument + toJS floor' : 'yaml parseDocument floor', () => {
    const docs = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      bytes += text.length;
      const doc = parseDocument(text, { lineCounter: new LineCounter() });
      if (doc.errors.length) throw new Error(`YAML errors in ${file}: ${doc.errors[0].message}`);
      docs.push(toJS ? doc.toJS() : doc);
    }
    return docs;
  });
  return { ms: r.ms, toJS, files: files.length, docs: r.value.length, bytes, rssMB: r.rssMB, heapMB: r.heapMB, maxRssMB: r.maxRssMB };
}

async function subset() {
  const { load, periodOf, configZone } = await lib('check.js');
  const { forEachOccurrence } = await lib('time/series.js');
  const { buildTimeline } = await lib('timeline/build.js');
  // The model with only the subset's series: every file except the other shift files. Loading
  // is not timed (both ways start from the same model). Our rules were parsed when the model was
  // built (about a microsecond each, a millisecond for the subset); the naive way parses its own.
  const paths = yamlFiles((n) => !n.startsWith('shifts-') || n === SUBSET_FILE);
  const t0 = performance.now();
  const config = load(paths);
  log(`loaded the subset model in ${(performance.now() - t0).toFixed(0)} ms (not timed)`);
  const { model } = config;
  const period = periodOf(config, PERIOD);
  const zone = configZone(config);

  // buildTimeline expands every series itself: it is "expansion + timeline". The first call in
  // this fresh process pays for V8's warm-up (interpreter, JIT, inline caches) and the zone tables.
  const oursCold = timed('ours: expansion + timeline, first call in the process (cold)', () => buildTimeline(model, period));
  // Then the usual benchmark measure: the median of STEADY_RUNS calls, each on a freshly loaded
  // model (loading not timed), so no per-model cache (parsed rules, eligibility) carries over.
  const steady = [];
  for (let i = 0; i < STEADY_RUNS; i++) {
    const fresh = load(paths);
    const freshPeriod = periodOf(fresh, PERIOD);
    steady.push(timed(`ours: expansion + timeline, run ${i + 2} on a fresh model`, () => buildTimeline(fresh.model, freshPeriod)).ms);
  }
  const oursExpand = timed('ours: expand alone', () => expandAll(model.shifts, period, forEachOccurrence));
  // The naive way, measured the same way: the median of NAIVE_RUNS runs.
  const naive = [];
  let naiveOccurrences = 0;
  for (let i = 0; i < NAIVE_RUNS; i++) {
    const run = timed(`naive: rrule.js between() + luxon fromObject, run ${i + 1}`, () => {
      let occurrences = 0;
      for (const shift of model.shifts) occurrences += naiveExpand(shift, shift.timezone ?? zone, period);
      return occurrences;
    });
    naive.push(run.ms);
    naiveOccurrences = run.value;
  }
  return {
    series: model.shifts.length,
    portals: new Set(model.shifts.map((s) => s.program)).size,
    ours: {
      expandMs: oursExpand.ms,
      coldMs: oursCold.ms,
      /** Peak RSS after the first call (the later runs load more models). */
      coldMaxRssMB: oursCold.maxRssMB,
      steadyMs: median(steady),
      steadyRuns: steady,
      occurrences: oursExpand.value.occurrences,
      ...countIntervals(oursCold.value),
    },
    naive: { ms: median(naive), runs: naive, occurrences: naiveOccurrences },
    maxRssMB: mem().maxRssMB,
  };
}

const modes = { stages, compile: compileMode, floor, 'floor-tojs': () => floor({ toJS: true }), subset };
if (!modes[mode]) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const result = await modes[mode]();
process.stdout.write(`${JSON.stringify({ mode, ...result, end: mem() })}\n`);
