/** Runs the rules over a model: severities from config and command line, disable comments. */
import { sortFindings, type Finding, type RuleSeverity, type Severity } from '../findings.js';
import type { Model } from '../model/types.js';
import { buildTimeline } from '../timeline/build.js';
import type { Timeline } from '../timeline/types.js';
import { RULES } from './index.js';
import type { Period, RuleContext } from './rule.js';

export interface RunOptions {
  /** Severities given on the command line (`--rule id=severity`); they win over `rules:`. */
  severities?: ReadonlyMap<string, RuleSeverity>;
  period: Period;
  /** Run only the configuration rules (what commands needing a timeline check first). */
  configOnly?: boolean;
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
  let timeline: Timeline | undefined;
  let structuralErrors = false;
  const subjectsWithErrors = new Set<object>();

  const ordered = [...RULES].sort((a, b) => (a.meta.kind === b.meta.kind ? 0 : a.meta.kind === 'config' ? -1 : 1));
  for (const rule of ordered) {
    const severity = severities.get(rule.meta.id)!;
    if (severity === 'off' && !rule.meta.reportsFatal) continue;
    if (rule.meta.kind === 'timeline' && (structuralErrors || options.configOnly)) continue;
    const ctx: RuleContext = {
      model,
      period: options.period,
      timeline: () => (timeline ??= buildTimeline(model, options.period)),
      hasError: (subject) => subjectsWithErrors.has(subject),
      report: ({ at, message, related, fatal, subject }) => {
        const disabled = disabledBy.get(at.file)?.get(at.line);
        if (!fatal && (severity === 'off' || disabled === 'all' || disabled?.has(rule.meta.id))) return;
        const level = fatal ? 'error' : (severity as Severity);
        const finding: Finding = { rule: rule.meta.id, severity: level, message, file: at.file, line: at.line, column: at.column };
        if (related?.length) finding.related = related;
        findings.push(finding);
        if (level !== 'error') return;
        if (rule.meta.structural) structuralErrors = true;
        for (const s of Array.isArray(subject) ? subject : subject ? [subject] : []) subjectsWithErrors.add(s);
      },
    };
    rule.check(ctx);
  }
  return sortFindings(findings);
}
