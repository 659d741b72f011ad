/** What every rule module exports: its meta and its check. */
import type { Location, RelatedLocation, Severity } from '../findings.js';
import { locate } from '../load/locate.js';
import type { Path } from '../load/source.js';
import type { Model, Source } from '../model/types.js';
import type { Timeline } from '../timeline/types.js';

export const DOCS_BASE_URL = 'https://github.com/shiftready/shiftready/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  /** Default severity (SPEC §4). */
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /**
   * `config`: looks at the configuration alone. `timeline`: looks at the availability over the
   * checked period; runs only when the configuration has no structural errors.
   */
  kind: 'config' | 'timeline';
  /** The rule may report fatal problems (see `Report.fatal`), so it runs even when off. */
  reportsFatal?: boolean;
  /**
   * Its errors leave the configuration without a trustworthy structure (SPEC §5): while one is
   * reported, timeline rules do not run and `status` / `explain` refuse to answer.
   */
  structural?: boolean;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/** The checked period [from, to) as instants (SPEC §3.1). */
export interface Period {
  from: number;
  to: number;
}

export interface Report {
  at: Location;
  message: string;
  related?: RelatedLocation[];
  /** A problem that leaves a file unreadable: always an error, never silenced. */
  fatal?: boolean;
  /** The items the finding is about (a shift, a user …), so later rules can defer to it. */
  subject?: object | readonly object[];
}

export interface RuleContext {
  readonly model: Model;
  /** The checked period (time-based rules look only here). */
  readonly period: Period;
  /** The availability timeline over the checked period (timeline rules only; computed once). */
  timeline(): Timeline;
  report(finding: Report): void;
  /**
   * True when an earlier rule reported an error about `subject`. Timeline rules run after the
   * configuration rules and leave to them what that error explains (SPEC §4: findings name the
   * root cause).
   */
  hasError(subject: object): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** The location of a field of an item (`path` relative to the item). */
export function at(source: Source, path: Path = [], part: 'value' | 'key' = 'value'): Location {
  return locate(source.doc, [...source.path, ...path], part);
}

/** A related location with its message. */
export function related(source: Source, message: string, path: Path = [], part: 'value' | 'key' = 'value'): RelatedLocation {
  return { ...at(source, path, part), message };
}

/** The position of `value` in the list field `field` of an item (for locating list entries). */
export function indexIn(raw: Record<string, unknown>, field: string, value: unknown): number {
  const list = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
  return Array.isArray(list) ? Math.max(0, list.indexOf(value)) : 0;
}
