/**
 * shiftready's library API: the same functions the CLI uses.
 *
 * ```ts
 * import { load, check, compile, statusAt, explain } from 'shiftready';
 * const config = load(['config/']);
 * const { findings, errorCount } = check(config, { from: '2026-01-05', to: '2026-02-02' });
 * const timeline = compile(config, { from: '2026-01-05', to: '2026-01-12' }); // throws ConfigHasErrors
 * ```
 */
export {
  check,
  load,
  loadAsync,
  loadFromTexts,
  periodOf,
  requireValid,
  type CheckOptions,
  type CheckResult,
  type Config,
  type PeriodInput,
} from './check.js';
export {
  compile,
  compileStream,
  coverage,
  coveragePage,
  diff,
  explain,
  holidayReport,
  statusAt,
  suggest,
  type CompileOptions,
  type InstantOptions,
} from './compile.js';
export type { CoverageReport, Gap, PortalReport } from './report/coverage.js';
export type { DiffReport } from './report/diff.js';
export type { HolidayEntry, HolidayPortal } from './report/holidays.js';
export type { Candidate } from './report/candidates.js';
export type { StaffingGap, StaffingGapKind, SuggestReport } from './report/suggest.js';
export { ConfigHasErrors, UsageError } from './errors.js';
export type { Finding, Location, RelatedLocation, RuleSeverity, Severity, Suggestion, TextEdit } from './findings.js';
export { fixConfig, unifiedDiff, type FixedFile, type FixResult, type RefusedFix } from './fix.js';
export type { Model } from './model/types.js';
export { RULES } from './rules/index.js';
export type { Rule, RuleMeta } from './rules/rule.js';
export type { Period } from './time/period.js';
export { wallToInstant } from './time/zone.js';
export type { Explanation } from './timeline/explain.js';
export type { Status, PortalStatus } from './timeline/status.js';
export type { OfflineInterval, OnlineInterval, PortalInterval, PortalTimeline, Timeline, TimelineStream } from './timeline/types.js';
