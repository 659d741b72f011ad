/** The load stage: paths → parsed source documents, in sorted path order. */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { compareCodeUnits } from '../findings.js';
import { COMPILED, packageFile } from '../paths.js';
import { discoverFiles, hasMarker, notAConfigFile, type ConfigFile } from './discover.js';
import { checkTotals, countEntries, fileOverLimit } from './limits.js';
import { readAndParse, readConfigText } from './read.js';
import { parseSource, plainSource, yamlSource } from './parse.js';
import { fromRecord, type ParsedRecord } from './record.js';
import { unreadableSource, type SourceDocument } from './source.js';
import type { WorkerReply } from './worker.js';

export type { SourceDocument } from './source.js';

/** Below this many bytes in all, files are parsed in this thread (a worker costs ~40 ms to start). */
const PARALLEL_MIN_BYTES = 1024 * 1024;

const WORKER_URL = packageFile('dist/load/worker.js');

/** How the load stage finds and parses files. */
export interface LoadOptions {
  /** The directory relative paths start from; default the process's current directory. */
  cwd?: string;
  /**
   * How many threads parse, this one included (0 or 1 = this thread only; never more than there
   * are files); default one per core (at most 4) for configurations over 1 MB in several files.
   */
  threads?: number;
  /**
   * A text read in place of a file: standard input (`check -`), an editor's unsaved buffer. `file`
   * names it in findings; a file found under the same path is not read. With no paths, the text
   * is the whole configuration. Like a file named explicitly, it must start with `shiftready: 1`.
   */
  text?: InputText;
}

/** A config file's text given in memory, and the path it is shown under. */
export interface InputText {
  file: string;
  text: string;
}

/**
 * How many threads to parse with, this one included. Running from the TypeScript sources (tests),
 * there is no compiled worker, so parsing stays here whatever `threads` says.
 */
function workerCount(files: readonly ConfigFile[], threads: number | undefined): number {
  if (!COMPILED) return 0;
  if (threads !== undefined) return Math.max(0, Math.min(threads, files.length));
  if (files.length < 2) return 0;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f.absolute).size;
    } catch {
      // reported when the file is read
    }
  }
  return bytes < PARALLEL_MIN_BYTES ? 0 : Math.min(availableParallelism(), 4, files.length);
}

/** Whether to parse across threads, and with how many (this one included). */
function threadCount(files: readonly ConfigFile[], threads: number | undefined): number {
  const n = workerCount(files, threads);
  return n >= 2 ? n : 0;
}

/**
 * Parses files across `count` threads — this one and `count - 1` workers — each taking about the
 * same number of bytes. This thread's share needs no copying between threads.
 */
export async function parseInWorkers(files: readonly ConfigFile[], count: number): Promise<SourceDocument[]> {
  const sizes = files.map((f) => {
    try {
      return statSync(f.absolute).size;
    } catch {
      return 0;
    }
  });
  const shares: ConfigFile[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const i of files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!)) {
    const least = load.indexOf(Math.min(...load));
    shares[least]!.push(files[i]!);
    load[least]! += sizes[i]!;
  }
  const [own, ...others] = shares;
  const pending = Promise.allSettled(
    others.map(
      (share) =>
        new Promise<ParsedRecord[]>((resolve, reject) => {
          const worker = new Worker(WORKER_URL, { workerData: { files: share } });
          worker.once('message', (reply: WorkerReply) =>
            'records' in reply ? resolve(reply.records) : reject(new UsageError(reply.usageError)),
          );
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a parser thread stopped with exit code ${code}`));
          });
        }),
    ),
  );
  // Parse this thread's share while the workers parse theirs. Whichever fails first, every worker
  // is waited for, so no failure is left unhandled; a file that cannot be read is a usage error.
  let here: Map<string, SourceDocument>;
  try {
    here = new Map(own!.map((f) => [f.file, readAndParse(f).source]));
  } catch (e) {
    await pending;
    throw e;
  }
  const settled = await pending;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  const byFile = new Map(settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : [])).map((r) => [r.file, r]));
  return files.map((f) => here.get(f.file) ?? fromRecord(byFile.get(f.file)!));
}

/**
 * Finds and parses the config files named by `paths` (files or directories; none = `cwd`).
 * Throws `UsageError` for paths that cannot be used; YAML problems are kept on each document.
 */
export function loadFiles(paths: readonly string[], options: Pick<LoadOptions, 'cwd'> = {}): SourceDocument[] {
  const files = discoverFiles(paths, options.cwd);
  checkFileTotals(files);
  return files.map((f) => readAndParse(f).source);
}

/**
 * Throws `UsageError` when the files together are over the limits (./limits.ts), before any is
 * parsed. Files over a file's own limit are left to `readAndParse`, which reports them.
 */
function checkFileTotals(files: readonly ConfigFile[], extra?: InputText): void {
  let bytes = 0;
  let entries = 0;
  if (extra && !fileOverLimit(Buffer.byteLength(extra.text), countEntries(extra.text))) {
    bytes += Buffer.byteLength(extra.text);
    entries += countEntries(extra.text);
  }
  for (const f of files) {
    let size: number;
    try {
      size = statSync(f.absolute).size;
    } catch {
      continue; // reported when the file is read
    }
    if (fileOverLimit(size)) continue;
    let count: number;
    try {
      count = countEntries(readFileSync(f.absolute, 'utf8'));
    } catch {
      continue; // reported when the file is read
    }
    if (fileOverLimit(size, count)) continue;
    bytes += size;
    entries += count;
  }
  checkTotals(bytes, entries);
}

/** Like `loadFiles`, parsing large configurations (or as `options.threads` says) across worker threads. */
export async function loadFilesParallel(paths: readonly string[], options: LoadOptions = {}): Promise<SourceDocument[]> {
  if (options.text) return loadWithText(paths, options.text, options.cwd);
  const files = discoverFiles(paths, options.cwd);
  if (options.threads !== undefined) {
    checkFileTotals(files);
    const count = threadCount(files, options.threads);
    return count > 0 ? parseInWorkers(files, count) : files.map((f) => readAndParse(f).source);
  }
  // Every file is read once, here; the totals are checked before any is parsed. Files in the fast
  // reader's subset are read to data here too, quicker than a thread starts; the others (yaml
  // parses about 1 MB/s) are parsed across threads when they are large together.
  const got = files.map((f) => readConfigText(f));
  let bytes = 0;
  let entries = 0;
  for (const g of got) {
    if (!('text' in g)) continue;
    bytes += g.bytes;
    entries += g.entries;
  }
  checkTotals(bytes, entries);
  const read = new Map<string, SourceDocument>();
  const texts = new Map<string, string>();
  files.forEach((f, i) => {
    const g = got[i]!;
    const source = 'source' in g ? g.source : plainSource(f.file, g.text);
    if (source) read.set(f.file, source);
    else if ('text' in g) texts.set(f.file, g.text);
  });
  const rest = files.filter((f) => texts.has(f.file));
  const count = threadCount(rest, undefined);
  const parsed = count > 0 ? await parseInWorkers(rest, count) : rest.map((f) => yamlSource(f.file, texts.get(f.file)!));
  for (const source of parsed) read.set(source.file, source);
  return files.map((f) => read.get(f.file)!);
}

/** The files of `paths` (none: only the text), with `given` read in place of the file of its name. */
function loadWithText(paths: readonly string[], given: InputText, cwd?: string): SourceDocument[] {
  if (given.file.trim() === '') throw new UsageError('the name given to standard input is empty: write --stdin-filename <path>');
  if (!hasMarker(given.text)) throw notAConfigFile(given.file);
  const replaced = realOrResolved(resolve(cwd ?? process.cwd(), given.file));
  const files = (paths.length ? discoverFiles(paths, cwd) : []).filter((f) => realOrResolved(f.absolute) !== replaced);
  checkFileTotals(files, given);
  const sources = [...files.map((f) => readAndParse(f).source), ...loadTexts([given])];
  return sources.sort((a, b) => compareCodeUnits(a.file, b.file));
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Parses in-memory texts as config files (e.g. files read from git, or tests). */
export function loadTexts(files: readonly { file: string; text: string }[]): SourceDocument[] {
  const sized = files.map((f) => ({ ...f, bytes: Buffer.byteLength(f.text), entries: countEntries(f.text) }));
  const within = sized.filter((f) => !fileOverLimit(f.bytes, f.entries));
  checkTotals(
    within.reduce((n, f) => n + f.bytes, 0),
    within.reduce((n, f) => n + f.entries, 0),
  );
  return sized.map(({ file, text, bytes, entries }) => {
    const tooBig = fileOverLimit(bytes, entries);
    return tooBig ? unreadableSource(file, tooBig) : parseSource(file, text);
  });
}
