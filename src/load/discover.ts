/**
 * Finding config files (SPEC §2): explicit files, directories searched recursively for
 * `*.yaml` / `*.yml` that carry the `shiftready:` marker, skipping `node_modules` and dot-folders.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { systemErrorText, UsageError } from '../errors.js';
import { compareCodeUnits } from '../findings.js';

export interface ConfigFile {
  /** The path as the user wrote it, or joined onto the directory they named. */
  file: string;
  absolute: string;
}

/** Bytes read to recognise a file by its marker. */
const HEAD_BYTES = 64 * 1024;

/**
 * True when the text's first key is `shiftready` and only comments, blank lines and `---` come
 * before it, so files are recognised without parsing them whole. The version value is checked
 * later by the schema (`shiftready: 2` gets a clear message rather than being skipped).
 */
export function hasMarker(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const line of body.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^---(\s|$)/.test(line)) continue;
    return /^(shiftready|"shiftready"|'shiftready')[ \t]*:([ \t]|$)/.test(line);
  }
  return false;
}

/** The usage error for a file named explicitly (or read from standard input) without the marker. */
export function notAConfigFile(name: string): UsageError {
  return new UsageError(
    `${name}: not a shiftready file: its first key must be \`shiftready: 1\` (only comments, blank lines and --- may come before it)`,
  );
}

function describeError(path: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`${path}: no such file or directory`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`${path}: permission denied`);
  if (code === 'ELOOP') return new UsageError(`${path}: too many levels of symbolic links`);
  return new UsageError(`${path}: cannot read: ${systemErrorText(e)}`);
}

function statOf(absolute: string, display: string): Stats {
  try {
    return statSync(absolute);
  } catch (e) {
    throw describeError(display, e);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function readHead(absolute: string, display: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch (e) {
    throw describeError(display, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const CONFIG_EXT = /\.ya?ml$/i;

/** True when `path` is `root` or inside it (both real paths). */
function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Searches a directory; `seen` holds real paths of directories visited (symlink loops). A symlink
 * is followed only when it stays inside `root`, the real path of the directory named on the
 * command line: a link out of it (to `/`, to another project) is skipped, so what is read is what
 * the folder holds. Naming a file or directory explicitly follows its links.
 */
function walk(dir: string, display: string, root: string, seen: Set<string>, out: ConfigFile[]): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    throw describeError(display, e);
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw describeError(display, e);
  }
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const shown = join(display, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        if (!inside(realpathSync(absolute), root)) continue;
        const st = statSync(absolute);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link or a link loop: nothing to read
      }
    }
    if (isDir) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(absolute, shown, root, seen, out);
    } else if (isFile && CONFIG_EXT.test(entry.name) && hasMarker(readHead(absolute, shown))) {
      out.push({ file: shown, absolute });
    }
  }
}

/**
 * Resolves path arguments (none = the current directory) to config files in sorted path order.
 * Throws `UsageError` for a missing path, a path that is neither file nor directory, an explicit
 * file without the marker, or when nothing matched.
 */
export function discoverFiles(paths: readonly string[], cwd: string = process.cwd()): ConfigFile[] {
  const args = paths.length ? paths : ['.'];
  const found: ConfigFile[] = [];
  for (const arg of args) {
    // An empty argument is nearly always an unset variable ("$CONFIG_DIR"), not a wish for ".".
    if (arg.trim() === '')
      throw new UsageError(
        'an empty path was given (is a variable unset?): name a file or directory, or give none for the current directory',
      );
    const absolute = resolve(cwd, arg);
    const stats = statOf(absolute, arg);
    if (stats.isDirectory()) {
      const before = found.length;
      walk(absolute, arg, realpathSync(absolute), new Set(), found);
      if (found.length === before) {
        throw new UsageError(
          `${arg}: no shiftready files found (config files are *.yaml or *.yml files whose first key is \`shiftready: 1\`)`,
        );
      }
    } else if (stats.isFile()) {
      if (!hasMarker(readHead(absolute, arg))) throw notAConfigFile(arg);
      found.push({ file: arg, absolute });
    } else {
      throw new UsageError(`${arg}: ${kindOf(stats)}, not a file or directory that shiftready can read`);
    }
  }
  // The same file named twice (or found through two paths) is read once.
  const unique = new Map<string, ConfigFile>();
  for (const f of found) {
    let key: string;
    try {
      key = realpathSync(f.absolute);
    } catch {
      key = f.absolute;
    }
    if (!unique.has(key)) unique.set(key, f);
  }
  return [...unique.values()].sort((a, b) => compareCodeUnits(a.file, b.file));
}
