/**
 * The library's front door for the timeline: compile, status at an instant, explain. Each first
 * checks the configuration rules and throws `ConfigHasErrors` if they report errors.
 */
import { check, configZone, periodOf, refuseConfigErrors, requireStructure, requireValid, type Config, type PeriodInput } from './check.js';
import { ConfigHasErrors, UsageError } from './errors.js';
import { formatReportHtml } from './format/report-html/index.js';
import { holidaysInPeriod } from './holidays/index.js';
import { coverageReport, type CoverageReport } from './report/coverage.js';
import { diffReport, type DiffReport } from './report/diff.js';
import { holidayCoverage, type HolidayEntry } from './report/holidays.js';
import { suggestReport, type SuggestReport } from './report/suggest.js';
import { daysFromCivil } from './time/civil.js';
import { zoneTable } from './time/zone.js';
import type { Finding, RuleSeverity } from './findings.js';
import { didYouMean } from './text.js';
import { wallReadingOf, type WallReading } from './time/period.js';
import { givenInstant, nowOf, readInstant, type InputNames } from './when.js';
import { buildTimeline, portalTimelines } from './timeline/build.js';
import { explainAt, type Explanation } from './timeline/explain.js';
import { statusAt as statusOf, type Status } from './timeline/status.js';
import type { Timeline, TimelineStream } from './timeline/types.js';

export interface CompileOptions extends PeriodInput {
  rules?: Readonly<Record<string, RuleSeverity>>;
}

/** The availability timeline of every portal over the period (SPEC §3.2, §5.1). */
export function compile(config: Config, options: CompileOptions = {}): Timeline {
  requireValid(config, options);
  return buildTimeline(config.model, periodOf(config, options));
}

/**
 * Like `compile`, but each portal's timeline is built when the caller reaches it, so memory holds
 * one portal at a time (what `shiftready compile` writes from). Validation happens at once.
 */
export function compileStream(config: Config, options: CompileOptions = {}): TimelineStream {
  requireValid(config, options);
  const period = periodOf(config, options);
  return { period, portals: portalTimelines(config.model, period) };
}

export interface InstantOptions {
  /** The instant: local date-time (or with offset / Z) or epoch ms; default now. */
  at?: string | number;
  now?: string | number;
  /** How the caller names `at` and `now`, for messages (default `at`, `now`). */
  names?: InputNames;
  rules?: Readonly<Record<string, RuleSeverity>>;
  /**
   * Called with the non-structural errors the answer sets aside (SPEC §5: `status` and `explain`
   * refuse only structural errors), when there are any.
   */
  onSetAside?: (errors: readonly Finding[]) => void;
}

/** The instant asked about, and how a local time in a gap or overlap was read (SPEC §5). */
function instantOf(config: Config, options: InstantOptions): { at: number; reading?: WallReading } {
  const zone = configZone(config);
  if (typeof options.at === 'number') return { at: givenInstant(options.at, zone, options.names?.at ?? 'at') };
  if (options.at === undefined) return { at: nowOf(options, zone) };
  // The instant first: it refuses a year outside 1970-2099, which the zone's offset tables do not hold.
  const at = readInstant(options.at, zone, options.names?.at ?? 'at');
  const reading = wallReadingOf(options.at, zone);
  return { at, ...(reading ? { reading } : {}) };
}

function setAside(config: Config, options: InstantOptions): void {
  const errors = requireStructure(config, options);
  if (errors.length) options.onSetAside?.(errors);
}

/** Readiness at an instant (SPEC §5.2). */
export function statusAt(config: Config, options: InstantOptions = {}): Status {
  setAside(config, options);
  const { at, reading } = instantOf(config, options);
  return { ...statusOf(config.model, at), ...(reading ? { reading } : {}) };
}

/** Why a portal is online or offline at an instant. */
export function explain(config: Config, portalId: string, options: InstantOptions = {}): Explanation {
  setAside(config, options);
  const portal = config.model.portalById.get(portalId);
  if (!portal) {
    const guess = didYouMean(portalId, config.model.portalById.keys());
    throw new UsageError(
      `--portal ${portalId}: no such portal${guess ? `; did you mean ${guess}?` : ` (portals: ${[...config.model.portalById.keys()].sort().join(', ')})`}`,
    );
  }
  // A type that is neither chat nor sms (possible with the schema rule off) leaves the portal out of
  // the timeline: there is nothing to explain.
  if (portal.type === undefined)
    throw new UsageError(`--portal ${portalId}: the portal has no messaging type (chat or sms), so it has no timeline: set its type`);
  const { at, reading } = instantOf(config, options);
  return { ...explainAt(config.model, portal, at), ...(reading ? { reading } : {}) };
}

/** The coverage report over a period (SPEC §5.4). */
export function coverage(config: Config, options: CompileOptions = {}): CoverageReport {
  // Streamed: each portal's intervals are summed up and let go before the next is built.
  return coverageReport(config.model, compileStream(config, options), configZone(config));
}

/**
 * Every staffing gap in the period and the users who could fill it, best first (SPEC §5.7).
 * Refuses a configuration with errors, as `coverage` does.
 */
export function suggest(config: Config, options: CompileOptions = {}): SuggestReport {
  const timeline = compile(config, options);
  return suggestReport(config.model, timeline, configZone(config));
}

/**
 * The HTML coverage report over a period (`report --format html`): the coverage numbers, each
 * portal's intervals, the holiday verdicts of the period and the findings of `check`.
 */
export function coveragePage(config: Config, options: CompileOptions = {}): string {
  // One run of the rules, one timeline: the rules use the page's timeline.
  let built: Timeline | undefined;
  const { findings, period } = check(config, options, (p) => (built ??= buildTimeline(config.model, p)));
  refuseConfigErrors(findings);
  const timeline = built ?? buildTimeline(config.model, period);
  const zone = configZone(config);
  const report = coverageReport(config.model, timeline, zone);
  return formatReportHtml({
    report,
    model: config.model,
    intervals: timeline.portals.map((p) => ({ portalId: p.portal.id, intervals: p.intervals })),
    holidays: holidayCoverage(config.model, timeline, zone, report.holidays),
    findings,
  });
}

/** Holiday coverage of a calendar year, local to the organization (SPEC §5.5). */
export function holidayReport(config: Config, year: number, options: Pick<CompileOptions, 'rules'> = {}): HolidayEntry[] {
  const zone = configZone(config);
  const table = zoneTable(zone);
  const period = { from: table.wallToInstant(daysFromCivil(year, 1, 1), 0), to: table.wallToInstant(daysFromCivil(year + 1, 1, 1), 0) };
  requireValid(config, options);
  const timeline = buildTimeline(config.model, period);
  return holidayCoverage(config.model, timeline, zone, holidaysInPeriod(config.model, zone, period));
}

/**
 * What changes from `base` (the configuration at a git ref) to `head` over the period of `head`
 * (SPEC §5.6). Both must be free of configuration errors.
 */
export function diff(base: Config, head: Config, baseName: string, options: CompileOptions = {}): DiffReport {
  requireValid(head, options);
  try {
    requireValid(base, options);
  } catch (e) {
    if (e instanceof ConfigHasErrors) throw new ConfigHasErrors(e.findings, e.runAnyway, `at ${baseName}`);
    throw e;
  }
  const period = periodOf(head, options);
  const zone = configZone(head);
  return diffReport(
    baseName,
    { model: base.model, timeline: buildTimeline(base.model, period) },
    { model: head.model, timeline: buildTimeline(head.model, period) },
    zone,
  );
}
