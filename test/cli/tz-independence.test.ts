/**
 * SPEC §3.1: results never depend on the machine's time zone (`TZ`) or locale. The built CLI
 * (dist/shiftready.mjs) runs in a separate process under each of several TZ / LANG / LC_ALL
 * settings (zones far apart, one of them at UTC+14, locales with other digit grouping, month
 * names and casing rules): one process per setting, since Node reads the locale once at start-up,
 * that runs every command through the bundle's `runCli`. Each command's stdout must be
 * byte-identical across the settings, non-empty, with the same exit code.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../built.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = builtFile('dist/shiftready.mjs');

const ENVIRONMENTS: Record<string, string>[] = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  { TZ: 'Asia/Kolkata', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'Australia/Lord_Howe', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
];

const COMMANDS: string[][] = [
  ['check', 'examples/crisis-line', '--now', '2026-03-07T12:00', '--format', 'json'],
  ['check', 'examples/crisis-line', '--now', '2026-03-07T12:00'],
  ['compile', 'examples/crisis-line', '--from', '2026-03-01', '--to', '2026-03-15', '--format', 'json'],
  ['compile', 'examples/crisis-line', '--from', '2026-03-01', '--to', '2026-03-15', '--format', 'ics'],
  ['compile', 'examples/crisis-line', '--from', '2026-03-01', '--to', '2026-03-15', '--format', 'csv'],
  ['status', 'examples/crisis-line', '--at', '2026-03-08T02:30'],
  ['status', 'examples/crisis-line', '--at', '2026-03-08T02:30', '--format', 'json'],
  ['explain', 'examples/crisis-line', '--portal', 'website-chat', '--at', '2026-11-01T01:30'],
];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

interface Environment {
  /** The process's own view of its zone and locale: `timeZone locale new Date(0).toString()`. */
  probe: string;
  /** One result per command of COMMANDS, in order. */
  results: Result[];
}

/**
 * Runs in the child process: the probe, then every command (SHIFTREADY_TEST_COMMANDS, JSON) in
 * turn through the bundle's runCli, as the bin runs it but with the output kept; prints JSON.
 */
const CHILD = `
const { runCli } = await import(process.env.SHIFTREADY_TEST_BIN);
const o = Intl.DateTimeFormat().resolvedOptions();
const probe = [o.timeZone, o.locale, new Date(0).toString()].join(' ');
const results = [];
for (const argv of JSON.parse(process.env.SHIFTREADY_TEST_COMMANDS)) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: process.cwd(), env: process.env, isTTY: false };
  const code = await runCli(argv, io);
  results.push({ code, stdout, stderr });
}
process.stdout.write(JSON.stringify({ probe, results }));
`;

/** Runs every command in one node process, in the repository root, with the environment's TZ and locale. */
async function runIn(env: Record<string, string>): Promise<Environment> {
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    SHIFTREADY_NOW: '2026-03-07T12:00',
    NO_COLOR: '1',
    SHIFTREADY_TEST_BIN: BIN.href,
    SHIFTREADY_TEST_COMMANDS: JSON.stringify(COMMANDS),
  };
  delete fullEnv.FORCE_COLOR;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: fullEnv,
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Environment;
}

const label = (env: Record<string, string>) => `TZ=${env.TZ} LC_ALL=${env.LC_ALL}`;

describe('output does not depend on TZ or locale (SPEC §3.1)', () => {
  let environments: Environment[] = [];
  beforeAll(async () => {
    environments = await Promise.all(ENVIRONMENTS.map(runIn));
    // Five processes at once: on a busy 2-core machine that takes more than the default 10 s.
  }, 60_000);

  it('the environments really differ (time zone and locale reach Node)', () => {
    const outs = environments.map((e) => e.probe);
    // Five different zones; locales C and en_US both resolve to en-US, the others differ.
    expect(new Set(outs.map((o) => o.split(' ')[0])).size).toBe(ENVIRONMENTS.length);
    expect(new Set(outs.map((o) => o.split(' ')[1])).size).toBe(ENVIRONMENTS.length - 1);
  });

  COMMANDS.forEach((command, i) => {
    it(command.join(' '), () => {
      const [first, ...rest] = environments.map((e) => e.results[i]!);
      expect(first!.stdout.length, `stdout under ${label(ENVIRONMENTS[0]!)} (stderr: ${first!.stderr})`).toBeGreaterThan(0);
      expect(first!.code).toBeLessThan(2);
      rest.forEach((r, k) => {
        const env = label(ENVIRONMENTS[k + 1]!);
        expect(r.code, `exit code under ${env}`).toBe(first!.code);
        expect(r.stdout, `stdout under ${env} differs from ${label(ENVIRONMENTS[0]!)}`).toBe(first!.stdout);
      });
    });
  });
});
