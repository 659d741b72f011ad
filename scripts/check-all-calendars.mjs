// Every holiday calendar date-holidays knows (each country, state and region) over every year
// shiftready reads (1970-2099, SPEC §3.1): no year throws, hangs or takes over 5 s, and every
// answer is a list of real dates with names. Then the slowest calendar-years again through the
// CLI as users run it (`shiftready holidays --year Y`): exit 0, within 5 s, start-up included.
//
//   npm run build && node scripts/check-all-calendars.mjs [--jobs N] [--from Y] [--to Y]
//
// CI runs it (.ci/run). Each year of each calendar is computed by date-holidays itself, never from
// the precomputed tables (data/holidays/), which only cover 2024-2035.
import { spawnSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const LIMIT_MS = 5_000;
const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '../..');

if (process.argv[2] === '--worker') await worker();
else await main();

/** All calendar codes: countries, states, regions. */
async function allCodes() {
  const { default: Holidays } = await import('date-holidays');
  const hd = new Holidays();
  const codes = [];
  for (const country of Object.keys(hd.getCountries())) {
    codes.push(country);
    for (const state of Object.keys(hd.getStates(country) ?? {})) {
      codes.push(`${country}-${state}`);
      for (const region of Object.keys(hd.getRegions(country, state) ?? {})) codes.push(`${country}-${state}-${region}`);
    }
  }
  return codes;
}

/** A child process: computes each calendar-year it is sent and reports it (or its error) back. */
async function worker() {
  const { computeYear } = await import('../dist/holidays/calendars.js');
  process.on('message', ({ code, year }) => {
    const t0 = performance.now();
    let problem;
    try {
      const list = computeYear(code, year);
      problem = listProblem(list, year);
    } catch (error) {
      problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    }
    process.send({ code, year, ms: performance.now() - t0, problem });
  });
  process.send({ ready: true });
}

/** What is wrong with one year's answer, if anything. */
function listProblem(list, year) {
  if (!Array.isArray(list)) return 'not a list';
  for (const h of list) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(h.date);
    if (!m) return `a date ${JSON.stringify(h.date)} that is not YYYY-MM-DD`;
    const y = Number(m[1]);
    // Multi-day holidays can run into the next year; date-holidays also lists the eve of 1 January.
    if (y < year - 1 || y > year + 1) return `a date ${h.date} outside ${year}`;
    const d = new Date(`${h.date}T00:00:00Z`);
    if (d.toISOString().slice(0, 10) !== h.date) return `a date ${h.date} that does not exist`;
    if (typeof h.name !== 'string' || h.name.trim() === '') return `a holiday on ${h.date} without a name`;
  }
  return undefined;
}

async function main() {
  const { values } = parseArgs({
    options: {
      jobs: { type: 'string', default: String(availableParallelism()) },
      from: { type: 'string', default: '1970' },
      to: { type: 'string', default: '2099' },
    },
  });
  const jobs = Math.max(1, Number(values.jobs) || 1);
  const years = [];
  for (let y = Number(values.from); y <= Number(values.to); y++) years.push(y);
  const codes = await allCodes();
  // Calendar by calendar, so each process keeps date-holidays' per-country data warm.
  const queue = codes.flatMap((code) => years.map((year) => ({ code, year })));
  const total = queue.length;
  const failures = [];
  const slowest = [];
  const t0 = Date.now();
  let done = 0;

  /** One process working through the queue; a fresh one takes over from one that hangs or dies. */
  const runWorker = () =>
    new Promise((resolve) => {
      const child = fork(SELF, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let current;
      let timer;
      let ended = false;
      const end = (failure) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        if (failure) {
          failures.push({ ...current, problem: failure });
          runWorker().then(resolve);
        } else resolve();
      };
      const next = () => {
        clearTimeout(timer);
        current = queue.shift();
        if (!current) return end();
        // Over the limit counts as a hang: the process is killed and a fresh one carries on.
        timer = setTimeout(() => end(`no answer within ${LIMIT_MS} ms`), LIMIT_MS);
        child.send(current);
      };
      child.on('message', (m) => {
        if (m.ready) return next();
        done++;
        if (m.problem) failures.push(m);
        else if (m.ms > LIMIT_MS) failures.push({ ...m, problem: `took ${Math.round(m.ms)} ms` });
        slowest.push(m);
        if (slowest.length > 50) slowest.sort((a, b) => b.ms - a.ms).splice(10);
        next();
      });
      child.on('exit', (code, signal) => end(`the process ended (${signal ?? `exit ${code}`})`));
    });

  await Promise.all(Array.from({ length: jobs }, runWorker));
  slowest.sort((a, b) => b.ms - a.ms);
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(
    `${codes.length} calendars × ${years.length} years = ${total} calendar-years, ${done} answered, in ${seconds} s (${jobs} processes)`,
  );
  console.log(
    `slowest: ${slowest
      .slice(0, 5)
      .map((s) => `${s.code} ${s.year} ${Math.round(s.ms)} ms`)
      .join(', ')}`,
  );

  // The slowest through the CLI, start-up and output included.
  const dir = mkdtempSync(join(tmpdir(), 'shiftready-calendars-'));
  try {
    for (const { code, year } of slowest.slice(0, 3)) {
      writeFileSync(join(dir, 'org.yaml'), cliConfig(code));
      const started = Date.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/shiftready.mjs'), 'holidays', dir, '--year', String(year)], {
        encoding: 'utf8',
        timeout: 2 * LIMIT_MS,
      });
      const ms = Date.now() - started;
      console.log(`shiftready holidays --year ${year} with ${code}: exit ${r.status}, ${ms} ms`);
      if (r.status !== 0 || ms > LIMIT_MS) {
        failures.push({ code, year, problem: `through the CLI: exit ${r.status}, ${ms} ms\n${r.stderr}` });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  for (const f of failures) console.log(`FAIL ${f.code} ${f.year}: ${f.problem}`);
  console.log(failures.length ? `${failures.length} failures` : 'no failures');
  process.exitCode = failures.length ? 1 : 0;
}

/** The smallest valid organization that uses one calendar. */
function cliConfig(code) {
  return `shiftready: 1
organization:
  id: org
  name: Calendar check
  timezone: UTC
programs:
  - id: p
portals:
  - id: web
    type: chat
    program: p
holidays:
  calendars: [${code}]
`;
}
