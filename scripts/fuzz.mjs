// A fuzz harness over every command (issue 11, point 8): random mutations of the examples and test
// fixtures, each case one run of the built CLI with a time limit, judged by scripts/fuzz/oracle.mjs
// (no exit 3, no stack trace, none over 5 s, no raw control character on a terminal stream, every
// output readable by its consumer).
//
//   npm run fuzz                                  # 2,000 cases, seed 1 (what CI runs)
//   npm run fuzz -- --runs 10000 --seed 42        # more cases, another seed
//   npm run fuzz -- --seed 42 --case 1234         # replay one case (e.g. a failure) alone
//   npm run fuzz -- --verbose                     # print every case as it ends
//
// Case I of seed S is the same on every machine: each case draws from its own generator. On a
// failure the cases that failed are kept in a directory under the system's temp folder, which is
// named; when every case passes nothing is left behind.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBases, makeCase } from './fuzz/cases.mjs';
import { problems } from './fuzz/oracle.mjs';
import { Rng } from './fuzz/rng.mjs';
import { makeRunDir, runCase, running, writeCase } from './fuzz/run.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist/shiftready.mjs');
/** Two child processes at once: CI machines have two cores, and each run is one busy process. */
const JOBS = 2;

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      case: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const only = values.case === undefined ? undefined : Number(values.case);
  if (!Number.isSafeInteger(runs) || runs < 1) usage(`--runs ${values.runs}: give a whole number of cases, at least 1`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    usage(`--seed ${values.seed}: give a whole number from 0 to 4294967295`);
  if (only !== undefined && (!Number.isSafeInteger(only) || only < 0)) usage(`--case ${values.case}: give a case index, 0 or more`);
  return { runs, seed, only, verbose: values.verbose };
}

function usage(message) {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

/** A command line to paste into a shell: `cd DIR && TZ=… node …/shiftready.mjs ARGS`. */
function commandLine(dir, testCase) {
  const quote = (s) => (/^[\w./=:@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const env = Object.entries({ ...testCase.env, SHIFTREADY_NOW: '2027-03-01T12:00' }).map(([k, v]) => `${k}=${quote(v)}`);
  return `cd ${quote(dir)} && ${env.join(' ')} node ${quote(BIN)} ${testCase.args.map(quote).join(' ')}`;
}

async function main() {
  const opts = options();
  const { RULES } = await import(pathToFileURL(join(ROOT, 'dist/rules/index.js')).href);
  const ruleIds = RULES.map((r) => r.meta.id);
  const bases = loadBases(ROOT);
  const runDir = makeRunDir(tmpdir(), opts.seed);
  // Interrupted: end the children first (a child still writing would refill the directory), then
  // remove the cases written so far.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }

  const indexes = opts.only === undefined ? Array.from({ length: opts.runs }, (_, i) => i) : [opts.only];
  const failures = [];
  const started = performance.now();
  let done = 0;
  let next = 0;

  async function worker() {
    while (next < indexes.length) {
      const index = indexes[next++];
      const testCase = makeCase(new Rng(opts.seed, index), bases, ruleIds);
      const dir = writeCase(runDir, index, testCase.files);
      const result = await runCase(BIN, dir, testCase);
      const found = problems(testCase, result);
      done++;
      if (found.length) failures.push({ index, testCase, result, found, dir });
      else rmSync(dir, { recursive: true, force: true });
      if (opts.verbose || found.length) {
        const status = found.length ? 'FAIL' : 'ok  ';
        console.log(
          `${status} #${index} ${testCase.base} [${testCase.mutations.join('; ')}] ${testCase.args.join(' ').slice(0, 200)} → exit ${result.code ?? result.signal} in ${Math.round(result.ms)} ms`,
        );
      } else if (done % 250 === 0) {
        console.log(`${done}/${indexes.length} cases, ${failures.length} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(JOBS, indexes.length) }, worker));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!failures.length) {
    rmSync(runDir, { recursive: true, force: true });
    console.log(`fuzz: ${done} cases passed (seed ${opts.seed}) in ${seconds} s`);
    return 0;
  }
  failures.sort((a, b) => a.index - b.index);
  for (const f of failures) {
    console.log(`\n✖ seed ${opts.seed}, case ${f.index} (${f.testCase.base}): ${f.found.join('; ')}`);
    console.log(`  mutations: ${f.testCase.mutations.join('; ') || 'none'}`);
    console.log(`  files:     ${join(f.dir, 'cfg')}`);
    console.log(`  run:       ${commandLine(f.dir, f.testCase)}`);
    console.log(`  replay:    npm run fuzz -- --seed ${opts.seed} --case ${f.index}`);
    const tail = (text) => text.trim().split('\n').slice(-5).join('\n             ').slice(0, 800);
    if (f.result.stderr.trim()) console.log(`  stderr:    ${tail(f.result.stderr)}`);
  }
  console.log(`\nfuzz: ${failures.length} of ${done} cases failed (seed ${opts.seed}) in ${seconds} s; their files are kept in ${runDir}`);
  return 1;
}

process.exitCode = await main();
