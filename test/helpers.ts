/** Shared test helpers: check YAML in memory, run the CLI in-process, a minimal valid config, temporary directories. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { check, loadFromTexts, type CheckOptions, type CheckResult } from '../src/check.js';
import { runCli } from '../src/cli/main.js';
import type { Finding } from '../src/findings.js';

/** A small valid organization (one chat portal, one SMS portal, two users), as one file. */
export const BASE = `shiftready: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
  offlineMessages:
    sms: "Text line closed. In danger? Call 911."
programs:
  - id: chat-program
  - id: sms-program
  - id: phones
portals:
  - id: web
    type: chat
    program: chat-program
  - id: text
    type: sms
    program: sms-program
users:
  - id: ana
    role: admin
    programs: [chat-program, sms-program]
    canReceive: [chat, sms]
    mobileAlerts: true
  - id: ben
    role: basic
    programs: [chat-program]
    canReceive: [chat]
`;

/** A Monday-Friday 09:00-17:00 chat shift with ana for BASE (America/Chicago), from 2026-01-05. */
export const SHIFTS = `shifts:
  - id: web-day
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana]
`;

/** Fixed "now" for reproducible tests: Monday 2026-01-05 12:00 in Chicago. */
export const NOW = '2026-01-05T12:00';

/** Checks in-memory files (`{ 'a.yaml': text }`) with a pinned now. */
export function checkFiles(files: Record<string, string>, options: CheckOptions = {}): CheckResult {
  const config = loadFromTexts(Object.entries(files).map(([file, text]) => ({ file, text })));
  return check(config, { now: NOW, ...options });
}

/** Checks one file `test.yaml`. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return checkFiles({ 'test.yaml': text }, options);
}

/** Findings reduced to `rule@line:column` for compact assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}:${f.column}`);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a terminal would give the CLI: standard input's text, and whether stdout is a terminal. */
export interface CliTerminal {
  stdin?: string | Buffer;
  isTTY?: boolean;
}

/** Runs the CLI in-process in `cwd`. */
export async function cli(
  argv: string[],
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  terminal: CliTerminal = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env,
    isTTY: terminal.isTTY ?? false,
    ...(terminal.stdin === undefined ? {} : { stdin: () => Promise.resolve(Buffer.from(terminal.stdin!)) }),
  });
  return { code, stdout, stderr };
}

const madeHere: string[] = [];
// Registered when a test file first imports this module, so it runs after that file's tests.
afterAll(() => {
  for (const dir of madeHere.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes files into a fresh temporary directory and returns its path. The directory is inside the
 * run's own temporary directory (test/global-setup.ts) and is removed after the test file.
 */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(inject('tempRoot') ?? tmpdir(), 'shiftready-test-'));
  madeHere.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/**
 * The end of a test's title when it is skipped: ` (skipped: reason)`, so the output says why;
 * nothing when `reason` is undefined (the test runs). Use with `it.skipIf(reason)`.
 */
export function skipNote(reason: string | undefined): string {
  return reason === undefined ? '' : ` (skipped: ${reason})`;
}
