/** Runs the rules over a model: severities from config and command line, disable comments. */
import { sortFindings, type Finding, type RuleSeverity, type Severity } from '../findings.js';
import type { Model } from '../model/types.js';
import { buildTimeline } from '../timeline/build.js';
import type { Timeline } from '../timeline/types.js';
import { CONFIG_RULES, RULES, TIMELINE_RULES } from './index.js';
import type { Period } from '../time/period.js';
import type { Report, Rule } from './rule.js';

export interface RunOptions {
  /** Severities given on the command line (`--rule id=severity`); they win over `rules:`. */
  severities?: ReadonlyMap<string, RuleSeverity>;
  /**
   * The checked period: the timeline rules look at it. Without one, only the configuration rules
   * run (what commands that need a timeline check first).
   */
  period?: Period;
  /** The timeline over `period`, when the caller builds it too (built here on first use otherwise). */
  timeline?: () => Timeline;
}

/** The severity each rule runs with: command line, else the config's `rules:`, else the default. */
export function effectiveSeverities(model: Model, cli: ReadonlyMap<string, RuleSeverity> = new Map()): Map<string, RuleSeverity> {
  const out = new Map<string, RuleSeverity>();
  for (const rule of RULES) out.set(rule.meta.id, rule.meta.severity);
  const seen = new Set<string>();
  for (const s of model.ruleSettings) {
    if (!out.has(s.rule) || seen.has(s.rule)) continue; // first setting wins; duplicate-id reports the second
    seen.add(s.rule);
    out.set(s.rule, s.severity);
  }
  for (const [id, severity] of cli) if (out.has(id)) out.set(id, severity);
  return out;
}

export function runRules(model: Model, options: RunOptions): Finding[] {
  const severities = effectiveSeverities(model, options.severities);
  const disabledBy = new Map(model.sources.map((d) => [d.file, d.disabled]));
  const findings: Finding[] = [];
  let structuralErrors = false;
  const subjectsWithErrors = new Set<object>();

  /** A rule's reporting: severity, disable comments, and what later rules need to know. */
  const reporter = (rule: Rule, severity: RuleSeverity) => ({
    hasError: (subject: object) => subjectsWithErrors.has(subject),
    report: ({ at, message, related, fatal, subject, fix, suggestions }: Report) => {
      const disabled = disabledBy.get(at.file)?.get(at.line);
      if (!fatal && (severity === 'off' || disabled === 'all' || disabled?.has(rule.meta.id))) return;
      const level = fatal ? 'error' : (severity as Severity);
      const finding: Finding = { rule: rule.meta.id, severity: level, message, file: at.file, line: at.line, column: at.column };
      if (related?.length) finding.related = related;
      if (fix?.length) finding.fix = fix;
      if (suggestions?.length) finding.suggestions = suggestions;
      findings.push(finding);
      if (level !== 'error') return;
      if (rule.meta.structural) structuralErrors = true;
      for (const s of Array.isArray(subject) ? subject : subject ? [subject] : []) subjectsWithErrors.add(s);
    },
  });
  const runs = (rule: Rule) => severities.get(rule.meta.id) !== 'off' || rule.meta.reportsFatal;

  // Configuration rules first, in the registry's order; then the timeline rules.
  for (const rule of CONFIG_RULES) {
    if (!runs(rule)) continue;
    rule.check({ model, ...reporter(rule, severities.get(rule.meta.id)!) });
  }
  const period = options.period;
  if (!period || structuralErrors) return sortFindings(findings);
  let built: Timeline | undefined;
  const timeline = options.timeline ?? (() => (built ??= buildTimeline(model, period)));
  for (const rule of TIMELINE_RULES) {
    if (!runs(rule)) continue;
    rule.check({ model, period, timeline, ...reporter(rule, severities.get(rule.meta.id)!) });
  }
  return sortFindings(findings);
}
