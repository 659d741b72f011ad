/**
 * GitLab Code Quality (a subset of Code Climate's issue format) for `artifacts: reports:
 * codequality`, which puts findings in the merge request's Code Quality widget and on the changed
 * lines: a JSON array of issues with `description`, `check_name`, `fingerprint`, `severity` and
 * `location: { path, lines: { begin } }`. Paths should be relative to the repository root (the CLI
 * passes them so).
 */
import { createHash } from 'node:crypto';
import type { CheckResult } from '../check.js';
import type { Severity } from '../findings.js';

/** GitLab's scale is info, minor, major, critical, blocker: errors fail the job, so they rank above warnings. */
export const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor'> = { error: 'major', warn: 'minor' };

/**
 * The fingerprint GitLab tells issues apart by, across pipelines: a SHA-256 of the rule, the path
 * and the message — not the line, so a finding keeps its fingerprint when unrelated lines move.
 * Identical findings in one file are numbered in file order, so each keeps its own.
 */
export function gitlabFingerprint(rule: string, path: string, message: string, occurrence: number): string {
  return createHash('sha256')
    .update(JSON.stringify([rule, path, message, occurrence]))
    .digest('hex');
}

export function formatGitlab(result: CheckResult): string {
  const seen = new Map<string, number>();
  const issues = result.findings.map((f) => {
    const key = JSON.stringify([f.rule, f.file, f.message]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: gitlabFingerprint(f.rule, f.file, f.message, occurrence),
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
