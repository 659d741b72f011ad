/**
 * Running the CLI on hostile input, in-process or as a process, and checking that it ended cleanly:
 * in time, with the expected exit code and messages, and nothing from Node (no stack trace, no
 * uncaught error, no process warning). Shared by bad-input.test.ts and hostile-commands.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { builtFile } from '../built.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const BIN = builtFile('dist/shiftready.mjs').pathname;
/** How long a spawned CLI may take before it counts as hanging. */
export const TIMEOUT_MS = 10_000;
export const ENV: NodeJS.ProcessEnv = { SHIFTREADY_NOW: '2026-01-05T12:00', SHIFTREADY_DEBUG: '' };

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Everything the user would see: stdout, stderr and, in-process, what went around them. */
  out: string;
  timedOut: boolean;
}

/**
 * Runs `shiftready <args>` in-process in `cwd`. What the code writes past the CLI's own output
 * (straight to process.stdout or stderr, the console, process warnings) is added to `out` as a
 * process would print it, e.g. `(node:PID) Warning: …`.
 */
export async function run(args: string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let around = '';
  const capture = (text: unknown) => {
    around += `${String(text)}\n`;
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture)),
    vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
      capture(`(node:${process.pid}) ${typeof warning === 'string' ? `Warning: ${warning}` : `${warning.name}: ${warning.message}`}`);
    }),
  ];
  try {
    const r = await cli(args, cwd, { ...process.env, ...ENV, ...env });
    return { ...r, out: r.stdout + r.stderr + around, timedOut: false };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Runs the built CLI as a process, `node dist/shiftready.mjs <args>` in `cwd`, killed after TIMEOUT_MS. */
export function runBuilt(args: string[], cwd: string = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...ENV },
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  return { code: r.status, stdout, stderr, out: stdout + stderr, timedOut };
}

/** The run finished (a spawned one in time) with `code`, mentions every `messages` pattern, and shows no Node error. */
export function expectClean(r: Run, code: number | number[], ...messages: (string | RegExp)[]): void {
  expect(r.timedOut, `timed out after ${TIMEOUT_MS} ms`).toBe(false);
  // No stack frames, no uncaught Node error ("TypeError: …", "Error: …", "RangeError: …").
  expect(r.out).not.toContain('    at ');
  expect(r.out).not.toContain('Error:');
  expect(r.out).not.toMatch(/internal error|report it/i);
  // No Node process warnings either ("(node:1234) Warning: …").
  expect(r.out).not.toMatch(/\(node:\d+\)|--trace-warnings/);
  const codes = Array.isArray(code) ? code : [code];
  expect(codes, `exit code ${r.code}; output:\n${r.out.slice(0, 2000)}`).toContain(r.code);
  for (const m of messages) {
    if (typeof m === 'string') expect(r.out).toContain(m);
    else expect(r.out).toMatch(m);
  }
}

// Why the tests of special files cannot run here, if they cannot.
export const NO_SPECIAL_FILES = process.platform === 'win32' ? 'no FIFOs, and symlinks need privileges, on Windows' : undefined;
export const NO_MKFIFO =
  NO_SPECIAL_FILES ?? (spawnSync('mkfifo', [join(tempDir(), 'probe')]).status === 0 ? undefined : 'mkfifo failed here');
export const NO_DEV_ZERO = existsSync('/dev/zero') ? undefined : 'no /dev/zero';
export const NO_DEV_NULL = existsSync('/dev/null') ? undefined : 'no /dev/null';
