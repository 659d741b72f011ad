/**
 * The library's front door for the timeline: compile, status at an instant, explain. Each first
 * checks the configuration rules and throws `ConfigHasErrors` if they report errors.
 */
import { configZone, periodOf, requireValid, type Config, type PeriodInput } from './check.js';
import { UsageError } from './errors.js';
import type { RuleSeverity } from './findings.js';
import { didYouMean } from './text.js';
import { resolveNow, parseInstantArg } from './time/period.js';
import { buildTimeline } from './timeline/build.js';
import { explainAt, type Explanation } from './timeline/explain.js';
import { statusAt as statusOf, type Status } from './timeline/status.js';
import type { Timeline } from './timeline/types.js';

export interface CompileOptions extends PeriodInput {
  rules?: Readonly<Record<string, RuleSeverity>>;
}

/** The availability timeline of every portal over the period (SPEC §3.2, §5.1). */
export function compile(config: Config, options: CompileOptions = {}): Timeline {
  requireValid(config, options);
  return buildTimeline(config.model, periodOf(config, options));
}

export interface InstantOptions {
  /** The instant: local date-time (or with offset / Z) or epoch ms; default now. */
  at?: string | number;
  now?: string | number;
  nowLabel?: string;
  rules?: Readonly<Record<string, RuleSeverity>>;
}

function instantOf(config: Config, options: InstantOptions): number {
  const zone = configZone(config);
  if (typeof options.at === 'number') return options.at;
  return options.at !== undefined ? parseInstantArg(options.at, zone, '--at') : resolveNow(options.now, zone, options.nowLabel);
}

/** Readiness at an instant (SPEC §5.2). */
export function statusAt(config: Config, options: InstantOptions = {}): Status {
  requireValid(config, options);
  return statusOf(config.model, instantOf(config, options));
}

/** Why a portal is online or offline at an instant. */
export function explain(config: Config, portalId: string, options: InstantOptions = {}): Explanation {
  requireValid(config, options);
  const portal = config.model.portalById.get(portalId);
  if (!portal) {
    const guess = didYouMean(portalId, config.model.portalById.keys());
    throw new UsageError(`--portal ${portalId}: no such portal${guess ? `; did you mean ${guess}?` : ` (portals: ${[...config.model.portalById.keys()].sort().join(', ')})`}`);
  }
  return explainAt(config.model, portal, instantOf(config, options));
}
