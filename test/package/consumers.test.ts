/**
 * The published package, as its consumers use it: `npm pack` the built tree, install the tarball
 * into a fresh project, then (1) plain `require('shiftready')` and `import` in Node, calling the
 * API, and (2) TypeScript in the consumer — strict, no `skipLibCheck`, no `@types/node` installed —
 * against the package's declarations, for an ES module (node16), a bundler and a CommonJS (node16)
 * consumer. Run by `npm run test:package` (in CI), not `npm test`: installing takes npm's cache or
 * the registry, and tsc a few seconds per consumer. test/library.test.ts requires dist/index.cjs in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../built.js';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An organization small enough to read at a glance: one portal, one daily 09:00-17:00 shift in UTC. */
const ORG = `shiftready: 1
organization: { id: org, timezone: UTC }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users: [{ id: ana, programs: [chat-program], canReceive: [chat] }]
shifts:
  - { id: day, program: chat-program, messaging: chat, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ana] }
`;

/** A strict consumer's tsconfig: no skipLibCheck, no types beyond the ES library. */
function tsconfig(module: string, moduleResolution: string, files: string[]): string {
  return JSON.stringify({
    compilerOptions: { strict: true, module, moduleResolution, target: 'ES2022', lib: ['ES2022'], noEmit: true },
    files,
  });
}

let consumer = '';
let installError = '';

beforeAll(() => {
  builtFile('dist/index.js');
  const work = tempDir();
  const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  consumer = tempDir({
    'package.json': JSON.stringify({ name: 'consumer', private: true }),
    'org.yaml': ORG,
    // Plain CommonJS: what `require('shiftready')` users write.
    'use.cjs': `const shiftready = require('shiftready');
const config = shiftready.loadFromTexts([{ file: 'org.yaml', text: require('node:fs').readFileSync('org.yaml', 'utf8') }]);
const timeline = shiftready.compile(config, { from: '2026-03-02', to: '2026-03-03' });
const online = timeline.portals[0].intervals.filter((i) => i.state === 'online');
console.log(JSON.stringify({ errors: shiftready.check(config, { now: '2026-03-02' }).errorCount, online: online.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]), usageError: typeof shiftready.UsageError }));
`,
    'use.mjs': `import { load, compile } from 'shiftready';
const timeline = compile(load(['org.yaml']), { from: '2026-03-02', to: '2026-03-03' });
console.log(timeline.portals.map((p) => p.portal.id).join(','));
`,
    // The declarations, type-checked as each kind of consumer reads them.
    'esm.mts': `import { check, compile, loadFromTexts, ConfigHasErrors, type Finding, type Timeline, type OnlineInterval } from 'shiftready';
const config = loadFromTexts([{ file: 'org.yaml', text: 'shiftready: 1' }]);
const findings: Finding[] = check(config).findings;
const timeline: Timeline = compile(config);
const online: OnlineInterval[] = timeline.portals.flatMap((p) => p.intervals.filter((i): i is OnlineInterval => i.state === 'online'));
export const out: [number, number, boolean] = [findings.length, online.length, new ConfigHasErrors([]) instanceof Error];
`,
    'bundler.ts': `import { statusAt, load, type Status } from 'shiftready';
export const status: Status = statusAt(load(['org.yaml']), { at: '2026-03-02T10:00' });
`,
    'cjs.cts': `import shiftready = require('shiftready');
import type { Finding } from 'shiftready';
const findings: Finding[] = shiftready.check(shiftready.load(['org.yaml'])).findings;
export = findings;
`,
    // node16 reads esm.mts as an ES module and cjs.cts as CommonJS (the `require` types).
    'tsconfig.node16.json': tsconfig('node16', 'node16', ['esm.mts', 'cjs.cts']),
    'tsconfig.bundler.json': tsconfig('esnext', 'bundler', ['bundler.ts']),
  });
  const install = run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball!)],
    consumer,
  );
  if (install.status !== 0) installError = install.stderr;
}, 180_000);

describe('the packed package in a consumer project', () => {
  it('installs from its tarball, without @types/node', () => {
    expect(installError).toBe('');
    expect(existsSync(join(consumer, 'node_modules/shiftready/dist/index.cjs'))).toBe(true);
    expect(existsSync(join(consumer, 'node_modules/@types/node'))).toBe(false);
  });

  it('works with plain require() on this Node, and calls the API', () => {
    const r = run(process.execPath, ['use.cjs'], consumer);
    expect(r.stderr).toBe('');
    // The daily shift, 09:00-17:00 UTC on 2026-03-02.
    expect(JSON.parse(r.stdout)).toEqual({
      errors: 0,
      online: [['2026-03-02T09:00:00.000Z', '2026-03-02T17:00:00.000Z']],
      usageError: 'function',
    });
  });

  it('works with import', () => {
    const r = run(process.execPath, ['use.mjs'], consumer);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('web\n');
  });

  it.each(['tsconfig.node16.json', 'tsconfig.bundler.json'])(
    'its declarations type-check in a strict consumer without @types/node or skipLibCheck (%s)',
    (tsconfig) => {
      const r = run(process.execPath, [TSC, '-p', tsconfig], consumer);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );
});
