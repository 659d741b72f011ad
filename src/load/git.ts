/**
 * Config files as they are at a git ref (`diff --base REF`), found with the same rules as in the
 * working tree: the same path arguments, `*.yaml` / `*.yml` with the marker, no `node_modules` or
 * dot-folders. Files are read through git (`git ls-tree`, `git show`); nothing is checked out.
 */
import { execFileSync } from 'node:child_process';
import { compareCodeUnits } from '../findings.js';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { hasMarker } from './discover.js';
import { LIMITS } from './limits.js';

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (err.code === 'ENOENT') throw new UsageError('git is not installed or not on PATH; `diff` reads the base through git');
    throw new GitFailed((err.stderr ?? '').trim() || err.message);
  }
}

class GitFailed extends Error {}

const CONFIG_EXT = /\.ya?ml$/i;

/**
 * The files at `ref` for the path arguments (none = `.`), as `{ file, text }`, sorted by path.
 * Each path is looked up in the repository that contains it (its own directory, or a file's
 * directory), and files are shown as the working tree shows them: joined onto the path given.
 */
export function filesAtRef(ref: string, paths: readonly string[], cwd: string): { file: string; text: string }[] {
  const args = paths.length ? paths : ['.'];
  const found = new Map<string, string>();
  for (const arg of args) {
    if (arg.trim() === '') throw new UsageError('an empty path was given (is a variable unset?)');
    const absolute = resolve(cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      // gone from the working tree: look it up at the ref from its parent directory
      isDir = false;
    }
    const gitCwd = isDir ? absolute : dirname(absolute);
    if (!existsSync(gitCwd)) throw new UsageError(`${arg}: no such file or directory`);
    let top: string;
    try {
      top = git(['rev-parse', '--show-toplevel'], gitCwd).trim();
    } catch (e) {
      if (e instanceof GitFailed) throw new UsageError(`${arg}: not inside a git repository, so there is no base to compare with`);
      throw e;
    }
    try {
      git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], gitCwd);
    } catch (e) {
      if (e instanceof GitFailed)
        throw new UsageError(
          `--base ${ref}: no such commit, branch or tag in the repository of ${arg} (try \`git fetch\`, or a ref such as origin/main or HEAD~1)`,
        );
      throw e;
    }
    const pathspec = isDir ? '.' : basename(absolute);
    let listing: string;
    try {
      listing = git(['ls-tree', '-r', '-z', '--full-name', '--name-only', ref, '--', pathspec], gitCwd);
    } catch (e) {
      if (e instanceof GitFailed) throw new UsageError(`--base ${ref}: cannot list ${arg}: ${e.message}`);
      throw e;
    }
    for (const full of listing.split('\0').filter(Boolean)) {
      const inside = relative(absolute, join(top, full));
      const display = isDir ? join(arg, inside) : arg;
      const parts = inside.split('/');
      if (isDir && (!CONFIG_EXT.test(full) || parts.slice(0, -1).some((p) => p === 'node_modules' || p.startsWith('.')))) continue;
      const text = git(['show', `${ref}:${full}`], gitCwd);
      if (text.length > LIMITS.fileBytes) throw new UsageError(`${display} at ${ref} is over ${LIMITS.fileBytes / (1024 * 1024)} MB`);
      if (!hasMarker(text)) {
        if (!isDir) throw new UsageError(`${display} at ${ref}: not a shiftready file: its first key must be \`shiftready: 1\``);
        continue;
      }
      found.set(display, text);
    }
  }
  return [...found.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([file, text]) => ({ file, text }));
}

/**
 * The top of the git work tree that holds `dir` (a real path), or undefined when `dir` is not in
 * one or git is not installed. Code scanning and GitLab want paths relative to it.
 */
export function workTreeTop(dir: string): string | undefined {
  try {
    return git(['rev-parse', '--show-toplevel'], dir).trim() || undefined;
  } catch {
    return undefined;
  }
}
