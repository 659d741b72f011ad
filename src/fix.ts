/**
 * The library's front door for safe fixes (SPEC §5.7; `check --fix`, `--fix-dry-run`): apply the
 * fixes that rules attach to their findings, in passes, in memory. Writing files is the caller's
 * business (the CLI writes them whole or not at all).
 *
 * One pass: check; take every finding's fix in the fixable files (per file in order of position,
 * a fix that overlaps one taken waits for the next pass); apply them; check again. A pass whose
 * fixes create an error that was not there (matched by rule, file and line, lines mapped through
 * the edits) is tried fix by fix: a fix that creates an error alone is refused and not tried
 * again. Passes repeat until nothing is left to fix, at most `MAX_PASSES` times.
 */
import { check, type CheckOptions, type CheckResult, type Config } from './check.js';
import type { Finding, TextEdit } from './findings.js';
import { applyFixes } from './fix/apply.js';
import { loadTexts } from './load/index.js';
import type { SourceDocument } from './load/source.js';
import { resolveModel } from './model/resolve.js';
import { RULE_BY_ID } from './rules/index.js';

export { unifiedDiff } from './fix/unified-diff.js';

/** At most this many passes: each fix may reveal the next (a file fixed to parse, then its shift). */
const MAX_PASSES = 10;

/** A file whose text the fixes changed. */
export interface FixedFile {
  file: string;
  before: string;
  after: string;
}

/** A fix that was not applied because it would have created errors. */
export interface RefusedFix {
  finding: Finding;
  /** The errors the fix would have created (as located in the text with the fix applied). */
  errors: Finding[];
}

export interface FixResult {
  /** The files the fixes changed, in the configuration's order. */
  files: FixedFile[];
  /** The check over the files as they were given (before any fix). */
  initial: CheckResult;
  /** The configuration as fixed, and the check over it: what is left. */
  config: Config;
  result: CheckResult;
  /** How many fixes were applied, over all passes. */
  applied: number;
  refused: RefusedFix[];
}

type Fixable = Finding & { fix: TextEdit[] };

/** A fix's identity across passes (its edits move as other fixes apply; its finding does not change). */
function keyOf(f: Fixable): string {
  return JSON.stringify([f.rule, f.file, f.message, f.fix.map((e) => e.text)]);
}

/** True when a structural error kept the timeline rules from running (rules/run.ts). */
function timelineSkipped(result: CheckResult): boolean {
  return result.findings.some((f) => f.severity === 'error' && RULE_BY_ID.get(f.rule)?.meta.structural);
}

/**
 * The errors of `after` that `before` did not have. Findings are matched by rule, file and line
 * (mapped through the edits), so that an error whose words change (a shorter gap) is the same
 * error. When a structural error kept the timeline rules from running before, their errors after
 * are not counted: the fix revealed them, it did not create them.
 */
function newErrors(before: CheckResult, after: CheckResult, lineMaps: ReadonlyMap<string, (line: number) => number>): Finding[] {
  const seen = new Map<string, number>();
  const key = (rule: string, file: string, line: number) => `${rule}\u0000${file}\u0000${line}`;
  for (const f of before.findings) {
    if (f.severity !== 'error') continue;
    const k = key(f.rule, f.file, lineMaps.get(f.file)?.(f.line) ?? f.line);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const onlyConfig = timelineSkipped(before);
  const created: Finding[] = [];
  for (const f of after.findings) {
    if (f.severity !== 'error') continue;
    if (onlyConfig && RULE_BY_ID.get(f.rule)?.meta.kind !== 'config') continue;
    const k = key(f.rule, f.file, f.line);
    const n = seen.get(k) ?? 0;
    if (n > 0) seen.set(k, n - 1);
    else created.push(f);
  }
  return created;
}

/** The configuration with some files' texts replaced (parsed again; the others kept as they are). */
function withTexts(config: Config, texts: ReadonlyMap<string, string>): Config {
  const sources: SourceDocument[] = config.sources.map((s) => {
    const text = texts.get(s.file);
    return text === undefined || s.tree()?.text === text ? s : loadTexts([{ file: s.file, text }])[0]!;
  });
  return { sources, model: resolveModel(sources) };
}

interface Trial {
  texts: Map<string, string>;
  config: Config;
  result: CheckResult;
  applied: Fixable[];
  created: Finding[];
}

/** Applies `fixes` to the texts (per file, in order of position), checks, and says what they created. */
function attempt(
  texts: ReadonlyMap<string, string>,
  config: Config,
  before: CheckResult,
  fixes: readonly Fixable[],
  options: CheckOptions,
): Trial {
  const next = new Map(texts);
  const lineMaps = new Map<string, (line: number) => number>();
  const applied: Fixable[] = [];
  const byFile = new Map<string, Fixable[]>();
  for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    const ordered = [...list].sort((a, b) => a.fix[0]!.line - b.fix[0]!.line || a.fix[0]!.column - b.fix[0]!.column);
    const done = applyFixes(texts.get(file)!, ordered);
    next.set(file, done.text);
    lineMaps.set(file, done.lines);
    applied.push(...done.applied);
  }
  const fixed = withTexts(config, next);
  const result = check(fixed, options);
  return { texts: next, config: fixed, result, applied, created: newErrors(before, result, lineMaps) };
}

/**
 * Applies the safe fixes to the files whose texts are given (`texts`: file → text as read; other
 * files are checked but never changed), and checks what is left. `options` as for `check`.
 */
export function fixConfig(config: Config, texts: ReadonlyMap<string, string>, options: CheckOptions = {}): FixResult {
  let current = { texts: new Map(texts), config: withTexts(config, texts) };
  let result = check(current.config, options);
  const initial = result;
  const refusedKeys = new Set<string>();
  const refused: RefusedFix[] = [];
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = result.findings.filter(
      (f): f is Fixable => f.fix !== undefined && current.texts.has(f.file) && !refusedKeys.has(keyOf(f as Fixable)),
    );
    if (fixes.length === 0) break;
    let trial = attempt(current.texts, current.config, result, fixes, options);
    if (trial.applied.length === 0) break;
    if (trial.created.length > 0) {
      // Fix by fix, from the same texts: each that creates an error on its own is refused, and the
      // others are taken together in the next pass. When none does alone (they clash together),
      // the first is taken alone.
      let first: Trial | undefined;
      let refusedNow = false;
      for (const fix of trial.applied) {
        const alone = attempt(current.texts, current.config, result, [fix], options);
        if (alone.created.length) {
          refusedKeys.add(keyOf(fix));
          refused.push({ finding: fix, errors: alone.created });
          refusedNow = true;
        } else first ??= alone;
      }
      if (refusedNow || !first) continue;
      trial = first;
    }
    current = { texts: trial.texts, config: trial.config };
    result = trial.result;
    applied += trial.applied.length;
  }
  const files = config.sources.flatMap((s) => {
    const before = texts.get(s.file);
    const after = current.texts.get(s.file);
    return before !== undefined && after !== undefined && before !== after ? [{ file: s.file, before, after }] : [];
  });
  return { files, initial, config: current.config, result, applied, refused };
}
