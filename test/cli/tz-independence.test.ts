/**
 * SPEC §3.1: results never depend on the machine's time zone (`TZ`) or locale. The built CLI is
 * run as a separate process under several TZ / LANG / LC_ALL settings (zones far apart, one of
 * them at UTC+14, locales with other digit grouping, month names and casing rules) and its stdout
 * must be byte-identical, non-empty, with the same exit code.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../built.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = builtFile('dist/cli/main.js').pathname;

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

/** Runs `node <args>` in the repository root with the environment's TZ and locale. */
async function node(args: string[], env: Record<string, string>): Promise<Result> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env, SHIFTREADY_NOW: '2026-03-07T12:00', NO_COLOR: '1' };
  delete fullEnv.FORCE_COLOR;
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env: fullEnv, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const label = (env: Record<string, string>) => `TZ=${env.TZ} LC_ALL=${env.LC_ALL}`;

describe('output does not depend on TZ or locale (SPEC §3.1)', () => {
  it('the environments really differ (time zone and locale reach Node)', async () => {
    const probe = ['-e', 'const o = Intl.DateTimeFormat().resolvedOptions(); console.log(o.timeZone, o.locale, new Date(0).toString())'];
    const outs = await Promise.all(ENVIRONMENTS.map((env) => node(probe, env)));
    // Five different zones; locales C and en_US both resolve to en-US, the others differ.
    expect(new Set(outs.map((o) => o.stdout.split(' ')[0])).size).toBe(ENVIRONMENTS.length);
    expect(new Set(outs.map((o) => o.stdout.split(' ')[1])).size).toBe(ENVIRONMENTS.length - 1);
  });

  for (const command of COMMANDS) {
    it(command.join(' '), async () => {
      const results = await Promise.all(ENVIRONMENTS.map((env) => node([MAIN, ...command], env)));
      const [first, ...rest] = results;
      expect(first!.stdout.length, `stdout under ${label(ENVIRONMENTS[0]!)} (stderr: ${first!.stderr})`).toBeGreaterThan(0);
      expect(first!.code).toBeLessThan(2);
      rest.forEach((r, k) => {
        const env = label(ENVIRONMENTS[k + 1]!);
        expect(r.code, `exit code under ${env}`).toBe(first!.code);
        expect(r.stdout, `stdout under ${env} differs from ${label(ENVIRONMENTS[0]!)}`).toBe(first!.stdout);
      });
    });
  }
});
