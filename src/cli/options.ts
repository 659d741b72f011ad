/** Parsing of option values shared by several commands. */
import { UsageError } from '../errors.js';
import type { RuleSeverity } from '../findings.js';
import { RULE_BY_ID } from '../rules/index.js';
import type { LoadOptions } from '../load/index.js';
import { LIMITS } from '../load/limits.js';
import { didYouMean } from '../text.js';
import type { InputNames } from '../when.js';
import type { CliIO } from './io.js';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--rule id=severity` values → a map; unknown ids and severities are usage errors. */
export function parseRuleOptions(values: readonly string[]): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  for (const value of values) {
    const m = /^([^=]+)=(error|warn|off)$/.exec(value.trim());
    if (!m) throw new UsageError(`--rule ${value}: write --rule <rule-id>=<error|warn|off>, e.g. --rule placeholder-only=error`);
    const id = m[1]!.trim();
    if (!RULE_BY_ID.has(id)) {
      const guess = didYouMean(id, RULE_BY_ID.keys());
      throw new UsageError(
        `--rule ${value}: unknown rule \`${id}\`${guess ? `; did you mean \`${guess}\`?` : '; run `shiftready rules` for the list'}`,
      );
    }
    out[id] = m[2] as RuleSeverity;
  }
  return out;
}

export function parseCount(value: string, what: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new UsageError(`${what} ${JSON.stringify(value)}: give a whole number of 0 or more`);
  return Number(value);
}

/**
 * Where and how to load files: from the CLI's working directory, parsing with as many threads as
 * `SHIFTREADY_WORKERS` says (0 or 1 = one; unset or empty = as many as the configuration's size
 * calls for). A value that is not a number parses in one thread.
 */
export function loadOptions(io: Pick<CliIO, 'cwd' | 'env'>): LoadOptions {
  const workers = io.env.SHIFTREADY_WORKERS;
  if (workers === undefined || workers === '') return { cwd: io.cwd };
  // A whole number of threads; anything else (2.5, "abc") parses in one.
  const threads = Number(workers);
  return { cwd: io.cwd, threads: Number.isInteger(threads) && threads > 0 ? threads : 0 };
}

/**
 * The time options of a command as the library takes them: `--from`, `--to`, `--at` as written,
 * and "now" from `--now`, else the environment's `SHIFTREADY_NOW`, else the clock — each named in
 * messages as the user gave it.
 */
export function timeOptions(
  options: { from?: string; to?: string; at?: string; now?: string },
  env: NodeJS.ProcessEnv,
): { from?: string; to?: string; at?: string; now?: string; names: InputNames } {
  const names: InputNames = { from: '--from', to: '--to', at: '--at', now: '--now' };
  const fromEnv = options.now === undefined && env.SHIFTREADY_NOW !== undefined && env.SHIFTREADY_NOW !== '';
  if (fromEnv) names.now = 'SHIFTREADY_NOW';
  const now = fromEnv ? env.SHIFTREADY_NOW : options.now;
  return {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.at !== undefined ? { at: options.at } : {}),
    ...(now !== undefined ? { now } : {}),
    names,
  };
}

/** The options every command that reads a configuration has (see `configCommand` in ./program.ts). */
export interface ConfigCommandOptions {
  rule: string[];
  out?: string;
  stdinFilename?: string;
}

/** Paths that mean standard input. */
const STDIN_PATHS = new Set(['-', '/dev/stdin']);

/** True when the paths name standard input (`-` or `/dev/stdin`). */
export function readsStdin(paths: readonly string[]): boolean {
  return paths.some((p) => STDIN_PATHS.has(p));
}

/**
 * The paths and load options of a command that reads a configuration: `-` (or `/dev/stdin`) among
 * the paths reads a config file from standard input, shown as `--stdin-filename` (default
 * `<stdin>`); when that names a file among the other paths, the text is read in its place (an
 * editor checking an unsaved buffer with the rest of its folder).
 */
export async function configInput(
  paths: readonly string[],
  options: { stdinFilename?: string },
  io: Pick<CliIO, 'cwd' | 'env' | 'stdin'>,
): Promise<{ paths: string[]; load: LoadOptions }> {
  const files = paths.filter((p) => !STDIN_PATHS.has(p));
  const stdinCount = paths.length - files.length;
  if (stdinCount === 0) {
    if (options.stdinFilename !== undefined)
      throw new UsageError(
        '--stdin-filename names the text read from standard input: add - to the paths, e.g. `shiftready check - --stdin-filename org.yaml`',
      );
    return { paths: [...paths], load: loadOptions(io) };
  }
  if (stdinCount > 1) throw new UsageError('standard input can be read once: give - only once');
  if (!io.stdin) throw new UsageError('standard input cannot be read here');
  const file = options.stdinFilename ?? '<stdin>';
  const bytes = await io.stdin();
  // Only the first bytes over the limit are read (io.stdin), so say "more than", not how many.
  if (bytes.length > LIMITS.fileBytes)
    throw new UsageError(
      `${file} (standard input): more than ${LIMITS.fileBytes.toLocaleString('en-US')} bytes (4 MB) came; shiftready reads config files of up to 4 MB: split it into several files`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} (standard input): the text is not UTF-8; send it as UTF-8`);
  }
  return { paths: files, load: { ...loadOptions(io), text: { file, text } } };
}
