/**
 * Paths relative to the repository, for the formats read by code hosts (SARIF for code scanning,
 * GitLab Code Quality): they place a finding on a file of the repository, whatever directory
 * shiftready ran in. The root is the top of the git work tree holding the working directory; out
 * of git, the working directory itself.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CheckResult } from '../check.js';
import { workTreeTop } from '../load/git.js';

export interface Repository {
  /** The root, a real absolute path. */
  root: string;
  /** `git`: the top of the git work tree; `cwd`: the working directory (not in a git work tree). */
  kind: 'git' | 'cwd';
  /** A path as shiftready prints it (relative to the working directory) → relative to the root with `/`; absolute when outside it. */
  path(file: string): string;
}

export function repositoryOf(cwd: string): Repository {
  let real = cwd;
  try {
    real = realpathSync(cwd);
  } catch {
    // a working directory that is gone: paths stay as they are
  }
  const top = workTreeTop(real);
  const root = top ?? real;
  return {
    root,
    kind: top ? 'git' : 'cwd',
    path(file) {
      const absolute = resolve(real, file);
      const inside = relative(root, absolute);
      const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
      return (outside ? absolute : inside).split(sep).join('/');
    },
  };
}

/** The result with every path relative to the repository root. */
export function inRepository(result: CheckResult, repository: Repository): CheckResult {
  const path = (file: string) => repository.path(file);
  return {
    ...result,
    files: result.files.map(path),
    findings: result.findings.map((f) => ({
      ...f,
      file: path(f.file),
      ...(f.related ? { related: f.related.map((r) => ({ ...r, file: path(r.file) })) } : {}),
      ...(f.fix ? { fix: f.fix.map((e) => ({ ...e, file: path(e.file) })) } : {}),
      ...(f.suggestions
        ? { suggestions: f.suggestions.map((s) => ({ ...s, edits: s.edits.map((e) => ({ ...e, file: path(e.file) })) })) }
        : {}),
    })),
  };
}
