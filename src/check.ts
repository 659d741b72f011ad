/** The library's front door for validation: load files, check them. The CLI uses exactly this. */
import { ConfigHasErrors, UsageError } from './errors.js';
import { countFindings, type Finding, type RuleSeverity } from './findings.js';
import { loadFiles, loadFilesParallel, loadTexts, type LoadOptions } from './load/index.js';
import type { SourceDocument } from './load/source.js';
import { resolveModel } from './model/resolve.js';
import type { Model } from './model/types.js';
import { RULE_BY_ID } from './rules/index.js';
import { runRules } from './rules/run.js';
import type { Period } from './time/period.js';
import type { Timeline } from './timeline/types.js';
import { readPeriod, type PeriodInput } from './when.js';

/** A loaded configuration: the parsed files and the merged model. */
export interface Config {
  sources: SourceDocument[];
  model: Model;
}

/** Loads config files and directories (SPEC §2); throws `UsageError` for unusable paths. */
export function load(paths: readonly string[] = [], options: { cwd?: string } = {}): Config {
  const sources = loadFiles(paths, options);
  return { sources, model: resolveModel(sources) };
}

/**
 * Like `load`, but parses a large configuration (over 1 MB in several files) across worker
 * threads; `options.threads` sets how many, this one included. The CLI uses this.
 */
export async function loadAsync(paths: readonly string[] = [], options: LoadOptions = {}): Promise<Config> {
  const sources = await loadFilesParallel(paths, options);
  return { sources, model: resolveModel(sources) };
}

/** Loads in-memory files, e.g. `[{ file: 'org.yaml', text }]`. */
export function loadFromTexts(files: readonly { file: string; text: string }[]): Config {
  const sources = loadTexts(files);
  return { sources, model: resolveModel(sources) };
}

export type { PeriodInput } from './when.js';

export interface CheckOptions extends PeriodInput {
  /** Severities that win over the config's `rules:` (like `--rule id=severity`). */
  rules?: Readonly<Record<string, RuleSeverity>>;
}

export interface CheckResult {
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** The checked period. */
  period: Period;
  /** The files checked, in order. */
  files: string[];
}

/** The organization's zone, or UTC when it has none (the config then has errors anyway). */
export function configZone(config: Config): string {
  return config.model.organization?.zone ?? 'UTC';
}

/** The period a command looks at, in the organization's zone (SPEC §3.1). */
export function periodOf(config: Config, input: PeriodInput): Period {
  return readPeriod(input, configZone(config));
}

/** `--rule`-style severities as the runner takes them; an unknown rule is a usage error. */
function severitiesOf(rules: CheckOptions['rules'] = {}): Map<string, RuleSeverity> {
  const severities = new Map<string, RuleSeverity>();
  for (const [id, severity] of Object.entries(rules)) {
    if (!RULE_BY_ID.has(id)) throw new UsageError(`unknown rule \`${id}\`: run \`shiftready rules\` for the list`);
    severities.set(id, severity);
  }
  return severities;
}

/**
 * Runs every rule (SPEC §4) and returns the findings, sorted. `timeline`: the timeline over the
 * checked period, when the caller builds it anyway (so it is built once).
 */
export function check(config: Config, options: CheckOptions = {}, timeline?: (period: Period) => Timeline): CheckResult {
  const period = periodOf(config, options);
  const findings = runRules(config.model, {
    severities: severitiesOf(options.rules),
    period,
    ...(timeline ? { timeline: () => timeline(period) } : {}),
  });
  return { findings, ...countFindings(findings), period, files: config.sources.map((s) => s.file) };
}

function configFindings(config: Config, options: Pick<CheckOptions, 'rules'>): Finding[] {
  return runRules(config.model, { severities: severitiesOf(options.rules) });
}

/** Throws `ConfigHasErrors` for the errors among `findings` that configuration rules reported. */
export function refuseConfigErrors(findings: readonly Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error' && RULE_BY_ID.get(f.rule)?.meta.kind === 'config');
  if (errors.length)
    throw new ConfigHasErrors(
      errors,
      [...new Set(errors.filter((f) => !RULE_BY_ID.get(f.rule)?.meta.structural).map((f) => f.rule))].sort(),
    );
}

/**
 * Throws `ConfigHasErrors` when the configuration rules report errors. Commands that need a
 * timeline call this first (SPEC §5). Findings about the timeline itself (coverage gaps, holiday
 * openings, …) describe the timeline rather than invalidate it, so they do not block it.
 */
export function requireValid(config: Config, options: Pick<CheckOptions, 'rules'> = {}): Finding[] {
  const findings = configFindings(config, options);
  refuseConfigErrors(findings);
  return findings;
}

/**
 * For the commands people use to ask *why* (`status`, `explain`; SPEC §5): throws
 * `ConfigHasErrors` only for structural errors, and returns the other errors, which the answer
 * sets aside as if they were warnings (the timeline already leaves out users who do not count).
 */
export function requireStructure(config: Config, options: Pick<CheckOptions, 'rules'> = {}): Finding[] {
  const errors = configFindings(config, options).filter((f) => f.severity === 'error');
  const structural = errors.filter((f) => RULE_BY_ID.get(f.rule)?.meta.structural);
  if (structural.length) throw new ConfigHasErrors(structural);
  return errors;
}
