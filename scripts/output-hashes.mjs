// Prints a SHA-256 of every output of a fixed set of CLI runs, over the examples and the bench's
// large organization, so that a change meant to keep behaviour (a refactor, a speed-up) can show
// that every output is byte-identical: run it before and after and compare the two lists.
//
//   npm run build && node scripts/output-hashes.mjs [--large-dir DIR] [--no-large] > hashes.txt
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, existing, generate } from '../bench/generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/shiftready.mjs`;
const args = process.argv.slice(2);
const largeDir = args.includes('--large-dir') ? args[args.indexOf('--large-dir') + 1] : DEFAULT_DIR;
const NOW = ['--now', '2026-03-01T00:00'];
const WEEKS = ['--from', '2026-03-02', '--to', '2026-03-16'];

const runs = [];
const add = (label, argv) => runs.push({ label, argv });
for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown']) {
  add(`check mistakes ${format}`, ['check', 'examples/mistakes', '--format', format, ...NOW]);
  add(`check crisis-line ${format}`, ['check', 'examples/crisis-line', '--format', format, ...NOW]);
}
add('check crisis-line year', ['check', 'examples/crisis-line', '--from', '2026-01-01', '--to', '2027-01-01', ...NOW]);
for (const format of ['json', 'csv', 'ics'])
  add(`compile crisis-line ${format}`, ['compile', 'examples/crisis-line', '--format', format, ...WEEKS, ...NOW]);
add('compile crisis-line year', ['compile', 'examples/crisis-line', '--from', '2026-01-01', '--to', '2027-01-01', ...NOW]);
for (const format of ['text', 'markdown', 'json', 'html'])
  add(`report crisis-line ${format}`, ['report', 'examples/crisis-line', '--format', format, ...WEEKS, ...NOW]);
for (const format of ['text', 'markdown', 'json'])
  add(`holidays crisis-line ${format}`, ['holidays', 'examples/crisis-line', '--year', '2026', '--format', format]);
for (const at of ['2026-03-02T10:00', '2026-03-02T22:30', '2026-03-08T02:30', '2026-11-01T01:30', '2026-07-06T12:00']) {
  for (const format of ['text', 'json']) {
    add(`status crisis-line ${at} ${format}`, ['status', 'examples/crisis-line', '--at', at, '--format', format]);
    for (const portal of ['website-chat', 'teen-chat', 'text-line']) {
      add(`explain crisis-line ${portal} ${at} ${format}`, [
        'explain',
        'examples/crisis-line',
        '--portal',
        portal,
        '--at',
        at,
        '--format',
        format,
      ]);
    }
  }
}
add('rules', ['rules']);
add('rules staff-not-in-program', ['rules', 'staff-not-in-program']);
add('schema', ['schema']);

if (!args.includes('--no-large')) {
  if (!existing(largeDir)) generate(largeDir);
  add('large check year', ['check', largeDir, '--from', '2026-01-01', '--to', '2027-01-01', '--rule', 'placeholder-only=off', ...NOW]);
  add('large check json', ['check', largeDir, '--format', 'json', ...NOW]);
  for (const format of ['json', 'text'])
    add(`large report year ${format}`, ['report', largeDir, '--format', format, '--from', '2026-01-01', '--to', '2027-01-01', ...NOW]);
  for (const format of ['json', 'csv', 'ics']) add(`large compile ${format}`, ['compile', largeDir, '--format', format, ...WEEKS, ...NOW]);
  add('large holidays', ['holidays', largeDir, '--year', '2026', '--format', 'json']);
  add('large status', ['status', largeDir, '--at', '2026-03-04T12:00', '--format', 'json']);
}

for (const { label, argv } of runs) {
  const r = spawnSync(process.execPath, [CLI, ...argv], {
    cwd: ROOT,
    maxBuffer: 2 ** 31 - 1,
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  });
  const hash = createHash('sha256').update(r.stdout).update('\0').update(r.stderr).digest('hex').slice(0, 16);
  console.log(`${hash}  exit ${r.status}  ${label}`);
}
