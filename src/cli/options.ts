/** Parsing of option values shared by several commands. */
import { UsageError } from '../errors.js';
import type { RuleSeverity } from '../findings.js';
import { RULE_BY_ID } from '../rules/index.js';
import type { LoadOptions } from '../load/index.js';
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
