/** What every rule module exports: its meta and its check. */
import type { Location, RelatedLocation, Severity, Suggestion, TextEdit } from '../findings.js';
import { addKey, asFix, removeKey, replaceValue } from '../load/edits.js';
import { locate } from '../load/locate.js';
import type { Path } from '../load/source.js';
import type { Model, Source } from '../model/types.js';
import type { Period } from '../time/period.js';
import type { Timeline } from '../timeline/types.js';

export const DOCS_BASE_URL = 'https://github.com/shiftready/shiftready/blob/main/docs/rules/';

/** What a rule is, all in one place: nothing elsewhere repeats these facts. */
interface RuleFacts {
  id: string;
  /** Default severity (SPEC §4). */
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** The rule may report fatal problems (see `Report.fatal`), so it runs even when off. */
  reportsFatal?: boolean;
  /**
   * Its errors leave the configuration without a trustworthy structure (SPEC §5): while one is
   * reported, timeline rules do not run and `status` / `explain` refuse to answer.
   */
  structural?: boolean;
  /** `check --fix` can fix its findings (SPEC §5.7): true exactly when some of them carry `fix`. */
  fixable: boolean;
}

/** A rule that looks at the configuration alone. */
export interface ConfigRuleMeta extends RuleFacts {
  kind: 'config';
}

/**
 * A rule that looks at the availability over the checked period; it runs after every
 * configuration rule, and only while no structural error is reported.
 */
export interface TimelineRuleMeta extends RuleFacts {
  kind: 'timeline';
}

export type RuleMeta = ConfigRuleMeta | TimelineRuleMeta;

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export interface Report {
  at: Location;
  message: string;
  related?: RelatedLocation[];
  /** A problem that leaves a file unreadable: always an error, never silenced. */
  fatal?: boolean;
  /** The items the finding is about (a shift, a user …), so later rules can defer to it. */
  subject?: object | readonly object[];
  /**
   * The safe fix (SPEC §5.7): edits with one right answer, which remove this finding without
   * creating another. Only rules whose meta says `fixable` give one.
   */
  fix?: TextEdit[] | undefined;
  /** Fixes that need a choice, best first (SPEC §5.7). */
  suggestions?: Suggestion[];
}

/** What a configuration rule sees. */
export interface ConfigRuleContext {
  readonly model: Model;
  report(finding: Report): void;
  /**
   * True when an earlier rule reported an error about `subject`. Later rules leave to it what that
   * error explains (SPEC §4: findings name the root cause).
   */
  hasError(subject: object): boolean;
}

/** What a timeline rule sees, besides the model: the checked period and its timeline. */
export interface TimelineRuleContext extends ConfigRuleContext {
  /** The checked period (time-based rules look only here). */
  readonly period: Period;
  /** The availability timeline over the checked period (computed once). */
  timeline(): Timeline;
}

export interface ConfigRule {
  meta: ConfigRuleMeta;
  check(ctx: ConfigRuleContext): void;
}

export interface TimelineRule {
  meta: TimelineRuleMeta;
  check(ctx: TimelineRuleContext): void;
}

export type Rule = ConfigRule | TimelineRule;

/** The location of a field of an item (`path` relative to the item). */
export function at(source: Source, path: Path = [], part: 'value' | 'key' = 'value'): Location {
  return locate(source.doc, [...source.path, ...path], part);
}

/** A related location with its message. */
export function related(source: Source, message: string, path: Path = [], part: 'value' | 'key' = 'value'): RelatedLocation {
  return { ...at(source, path, part), message };
}

/** The safe fix that sets the field at `path` of an item to `text` (YAML), or undefined when it cannot be edited safely. */
export function setField(source: Source, path: Path, text: string): TextEdit[] | undefined {
  return asFix(source.doc, replaceValue(source.doc, [...source.path, ...path], text));
}

/** The safe fix that removes the field `key` from an item. */
export function removeField(source: Source, key: string): TextEdit[] | undefined {
  return asFix(source.doc, removeKey(source.doc, [...source.path, key]));
}

/** The safe fix that adds `key: text` to an item, on its own line after the field `after`. */
export function addField(source: Source, key: string, text: string, after?: string): TextEdit[] | undefined {
  return asFix(source.doc, addKey(source.doc, source.path, key, text, { after }));
}

/** The position of `value` in the list field `field` of an item (for locating list entries). */
export function indexIn(raw: Record<string, unknown>, field: string, value: unknown): number {
  const list = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
  return Array.isArray(list) ? Math.max(0, list.indexOf(value)) : 0;
}

/**
 * A suggestion, when every edit it needs could be made (an edit is `undefined` where the file's
 * layout does not allow a safe one, e.g. through an alias); else none, never a partial fix.
 */
export function suggest(desc: string, edits: readonly (TextEdit[] | undefined)[]): Suggestion[] {
  return edits.length > 0 && edits.every((e) => e !== undefined) ? [{ desc, edits: edits.flat() }] : [];
}
