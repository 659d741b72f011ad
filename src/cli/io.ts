/** Where the CLI writes: the process's streams, or buffers in tests. */
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemErrorText, UsageError } from '../errors.js';
import { forJson, forTerminal, forXml } from '../format/escape.js';
import { LIMITS } from '../load/limits.js';

export interface CliIO {
  /** Writes to standard output; a promise when the stream asks to wait (backpressure). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stdout is a terminal (colours, hints). */
  isTTY: boolean;
  /** `--color` (true) or `--no-color` (false), when given (see ./colour.ts). */
  color?: boolean;
  /** Standard input, read whole (`check -`); tests give a text. */
  stdin?: () => Promise<Buffer>;
}

/** The first error writing to standard output (a full disk, a closed stream), if any. */
let stdoutError: NodeJS.ErrnoException | undefined;

export function processIO(): CliIO {
  return {
    stdout: (t) => {
      if (stdoutError) throw new UsageError(`cannot write the output to standard output: ${systemErrorText(stdoutError)}`);
      if (process.stdout.write(t)) return;
      // Wait for the stream to take more, or to fail (then the next write says so).
      return new Promise<void>((done) => {
        const settle = () => {
          process.stdout.off('drain', settle);
          process.stdout.off('error', settle);
          process.stdout.off('close', settle);
          done();
        };
        process.stdout.once('drain', settle).once('error', settle).once('close', settle);
      });
    },
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stdin: () => readStream(process.stdin, LIMITS.fileBytes + 1),
  };
}

/** Reads a stream whole, or its first `max` bytes (the rest is not read: a config is never that big). */
async function readStream(stream: NodeJS.ReadableStream & { destroy(): void }, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buf);
    bytes += buf.length;
    if (bytes >= max) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/**
 * Watches the process's standard output: a closed pipe (`shiftready … | head`) ends the process
 * quietly; any other failure is remembered for `stdoutFailure` (SPEC §5: exit 2, with a message).
 */
export function watchStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    stdoutError ??= e;
  });
}

/** Waits until standard output has taken everything, and says whether writing it failed. */
export async function stdoutFailure(): Promise<NodeJS.ErrnoException | undefined> {
  if (!stdoutError) {
    await new Promise<void>((done) => {
      try {
        process.stdout.write('', (e) => {
          if (e) stdoutError ??= e as NodeJS.ErrnoException;
          done();
        });
      } catch (e) {
        stdoutError ??= e as NodeJS.ErrnoException;
        done();
      }
    });
  }
  return stdoutError;
}

/** Temporary files being written, removed if a signal stops the process (see `removeTemporaryFiles`). */
const temporaryFiles = new Set<string>();

/** Removes the temporary files of writes in progress (on SIGINT, SIGTERM, SIGHUP). */
export function removeTemporaryFiles(): void {
  for (const path of temporaryFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already renamed or gone
    }
  }
  temporaryFiles.clear();
}

/**
 * How an output is made safe for where it is read (src/format/escape.ts), after its formatter has
 * escaped for the format: text and Markdown show control characters for a terminal, JSON and XML
 * write them as escapes that parse back to the same text, an HTML page shows them as text.
 */
export type Medium = 'text' | 'painted' | 'json' | 'xml' | 'csv' | 'ics' | 'html';

const FINISH: Record<Medium, (chunk: string) => string> = {
  text: forTerminal,
  // Coloured text: its formatter escaped every value before adding colour codes (format/paint.ts).
  painted: (chunk) => chunk,
  json: forJson,
  xml: forXml,
  // Fields and text values are escaped by their formatters (csvField, icsText), and the line ends are CRLF.
  csv: (chunk) => chunk,
  ics: (chunk) => chunk,
  // A page's text is read, never run: a control character is shown as `\x1B` there too.
  html: forTerminal,
};

export interface OutputOptions {
  medium: Medium;
  /** The configuration files read: `--out` may not replace one of them. */
  inputs?: readonly string[];
}

/** Writes of at least this many characters let the event loop turn (signals are handled there). */
const YIELD_EVERY = 1 << 22;

/**
 * Writes the output to `--out FILE` whole or not at all (a temporary file in the same folder,
 * then a rename), or to standard output when no file is given (or `-`, `/dev/stdout`). The file
 * may be a symlink (its target is written), a device or a FIFO (written straight into), but not
 * one of the configuration files being read.
 */
export async function writeOutput(
  io: CliIO,
  output: string | Iterable<string>,
  out: string | undefined,
  options: OutputOptions,
): Promise<void> {
  const finish = FINISH[options.medium];
  const chunks = typeof output === 'string' ? [output] : output;
  if (out === undefined || out === '-' || out === '/dev/stdout') {
    for (const chunk of chunks) await io.stdout(finish(chunk));
    return;
  }
  if (out.trim() === '') throw new UsageError('--out needs a file name (or - for standard output)');
  let target = resolve(io.cwd, out);
  try {
    // Write through a symlink to its target, and straight into a device or FIFO: renaming over
    // either would replace it.
    target = realpathSync(target);
    if (!statSync(target).isFile()) {
      await writeChunks(target, chunks, finish);
      return;
    }
    const inputs = new Set((options.inputs ?? []).map((file) => safeRealpath(resolve(io.cwd, file))));
    if (inputs.has(target))
      throw new UsageError(`--out ${out}: that is one of the configuration files being read; write the output to another file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`--out ${out}: cannot write the file: ${systemErrorText(e)}`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  temporaryFiles.add(tmp);
  try {
    await writeChunks(tmp, chunks, finish);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new UsageError(`--out ${out}: cannot write the file: ${systemErrorText(e)}`);
  } finally {
    temporaryFiles.delete(tmp);
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

async function writeChunks(path: string, chunks: Iterable<string>, finish: (chunk: string) => string): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    for (const chunk of chunks) {
      const text = finish(chunk);
      writeSync(fd, text);
      written += text.length;
      if (written >= YIELD_EVERY) {
        written = 0;
        await new Promise((next) => setImmediate(next));
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** A configuration file to replace with its fixed text (`check --fix`). */
export interface FileReplacement {
  /** The path as shown (relative to the CLI's working directory). */
  file: string;
  /** The text as it was read (without a byte order mark): the file must still hold it. */
  before: string;
  after: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Replaces configuration files with their fixed texts, each whole or not at all (a temporary file
 * in the same folder, then a rename; a symlink's target is written; the file's mode and byte
 * order mark are kept). Every file is first read again: if one no longer holds the text that was
 * fixed (an editor saved it meanwhile), nothing is written (exit 2).
 */
export function replaceFiles(io: Pick<CliIO, 'cwd'>, files: readonly FileReplacement[]): void {
  const planned = files.map((f) => {
    let target: string;
    let bytes: Buffer;
    try {
      target = realpathSync(resolve(io.cwd, f.file));
      bytes = readFileSync(target);
    } catch (e) {
      throw new UsageError(`${f.file}: cannot read it again to write the fixes: ${systemErrorText(e)}`);
    }
    const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
    if (new TextDecoder('utf-8').decode(bytes) !== f.before)
      throw new UsageError(`${f.file} changed while shiftready was fixing it: no file was written; run check --fix again`);
    return { ...f, target, bom, mode: statSync(target).mode & 0o7777 };
  });
  for (const f of planned) {
    const tmp = join(dirname(f.target), `.${basename(f.target)}.${process.pid}.${Date.now()}.tmp`);
    temporaryFiles.add(tmp);
    try {
      writeFileSync(tmp, (f.bom ? '\uFEFF' : '') + f.after, { flag: 'wx' });
      chmodSync(tmp, f.mode);
      renameSync(tmp, f.target);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      throw new UsageError(`${f.file}: cannot write the fixed file: ${systemErrorText(e)}`);
    } finally {
      temporaryFiles.delete(tmp);
    }
  }
}

/**
 * Makes a directory and its missing parents, one at a time: the nearest existing ancestor must be
 * a directory (Node's recursive mkdir loops for ever under /proc). Throws `UsageError`.
 */
export function makeDirectory(dir: string, shown: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw new UsageError(`${shown}: ${at} is not a directory`);
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (e) {
      throw new UsageError(`${shown}: cannot create ${path}: ${systemErrorText(e)}`);
    }
  }
}
