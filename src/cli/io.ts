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
  write,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemErrorText, UsageError } from '../errors.js';
import { forJson, forTerminal, forXml } from '../format/escape.js';
import { LIMITS } from '../load/limits.js';

export interface CliIO {
  /** Writes to standard output; a promise when the stream asks to wait (backpressure). */
  stdout(text: string): void | Promise<void>;
  /**
   * Writes UTF-8 already made safe for its medium (`compile --format json` encodes as it goes);
   * without it, such bytes are decoded and given to `stdout`.
   */
  stdoutBytes?(bytes: Uint8Array): void | Promise<void>;
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
  const stdout = (t: string | Uint8Array): void | Promise<void> => {
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
  };
  return {
    stdout,
    stdoutBytes: stdout,
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

/**
 * A piece of an output: text, or text already encoded as UTF-8 (a formatter that writes the same
 * text many times encodes it once). Bytes are written as they are: the formatter has made them
 * safe for the medium itself.
 */
export type Chunk = string | Uint8Array;

/** One output of a run: its text, where it goes (a file, or standard output when undefined) and its medium. */
export interface OutputRequest {
  output: string | Iterable<Chunk>;
  /** A file name; undefined, `-` or `/dev/stdout` is standard output. */
  out: string | undefined;
  medium: Medium;
  /** How the user named this output, for messages: `--out report.xml` (the default) or `--format junit=report.xml`. */
  label?: string;
}

function isStdout(out: string | undefined): boolean {
  return out === undefined || out === '-' || out === '/dev/stdout';
}

type Target =
  | { kind: 'stdout'; request: OutputRequest }
  | { kind: 'direct'; request: OutputRequest; path: string }
  | { kind: 'file'; request: OutputRequest; path: string; tmp: string };

/**
 * Writes several outputs of one run: at most one to standard output, every file whole or not at
 * all. All targets are checked first (no file twice, none of the configuration files, at most one
 * standard output: exit 2 before anything is written); then every file is written to a temporary
 * file beside it, and only when all of them are written are they renamed into place, so a failure
 * leaves every file as it was. Devices and FIFOs are written straight into; standard output last.
 */
export async function writeOutputs(io: CliIO, requests: readonly OutputRequest[], inputs: readonly string[] = []): Promise<void> {
  const targets: Target[] = [];
  const seen = new Map<string, string>();
  let stdoutLabel: string | undefined;
  const inputSet = new Set(inputs.map((file) => safeRealpath(resolve(io.cwd, file))));
  for (const request of requests) {
    const { out } = request;
    const label = request.label ?? `--out ${out}`;
    if (isStdout(out)) {
      if (stdoutLabel !== undefined)
        throw new UsageError(`${stdoutLabel} and ${label}: both write to standard output; give all but one of them a file`);
      stdoutLabel = label;
      targets.push({ kind: 'stdout', request });
      continue;
    }
    if (out!.trim() === '') throw new UsageError(`${label}: needs a file name (or - for standard output)`);
    let target = resolve(io.cwd, out!);
    let direct = false;
    try {
      // Write through a symlink to its target, and straight into a device or FIFO: renaming over
      // either would replace it.
      target = realpathSync(target);
      direct = !statSync(target).isFile();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`${label}: cannot write the file: ${systemErrorText(e)}`);
    }
    if (!direct && inputSet.has(target))
      throw new UsageError(`${label}: that is one of the configuration files being read; write the output to another file`);
    const earlier = seen.get(target);
    if (earlier !== undefined) throw new UsageError(`${earlier} and ${label}: both write ${out}; give each output its own file`);
    seen.set(target, label);
    targets.push(
      direct
        ? { kind: 'direct', request, path: target }
        : { kind: 'file', request, path: target, tmp: join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`) },
    );
  }
  const files = targets.filter((t) => t.kind === 'file');
  try {
    for (const t of files) {
      temporaryFiles.add(t.tmp);
      try {
        await writeChunks(t.tmp, t.request.output, FINISH[t.request.medium]);
      } catch (e) {
        throw new UsageError(`${t.request.label ?? `--out ${t.request.out}`}: cannot write the file: ${systemErrorText(e)}`);
      }
    }
    for (const t of files) {
      try {
        renameSync(t.tmp, t.path);
      } catch (e) {
        throw new UsageError(`${t.request.label ?? `--out ${t.request.out}`}: cannot write the file: ${systemErrorText(e)}`);
      }
    }
  } finally {
    for (const t of files) {
      if (!temporaryFiles.delete(t.tmp)) continue;
      try {
        unlinkSync(t.tmp);
      } catch {
        // renamed, or nothing was written
      }
    }
  }
  for (const t of targets) {
    if (t.kind !== 'direct') continue;
    try {
      await writeChunks(t.path, t.request.output, FINISH[t.request.medium]);
    } catch (e) {
      throw new UsageError(`${t.request.label ?? `--out ${t.request.out}`}: cannot write the file: ${systemErrorText(e)}`);
    }
  }
  for (const t of targets) {
    if (t.kind !== 'stdout') continue;
    const finish = FINISH[t.request.medium];
    for (const chunk of chunksOf(t.request.output)) {
      if (typeof chunk === 'string') await io.stdout(finish(chunk));
      else if (io.stdoutBytes) await io.stdoutBytes(chunk);
      else await io.stdout(decoder.decode(chunk));
    }
  }
}

/** Chunks are joined up to this many characters before a write: one system call per piece, not per line. */
const BATCH_CHARS = 1 << 16;

function chunksOf(output: string | Iterable<Chunk>): Iterable<Chunk> {
  return typeof output === 'string' ? [output] : batched(output);
}

const decoder = new TextDecoder();

/**
 * Text chunks joined into pieces of about BATCH_CHARS (a timeline yields one short chunk per
 * interval); encoded chunks are passed on as they are, in their place.
 */
function* batched(chunks: Iterable<Chunk>): Generator<Chunk> {
  let parts: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (parts.length) yield parts.join('');
      parts = [];
      size = 0;
      yield chunk;
      continue;
    }
    parts.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Bytes gathered before a write to a file. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes an output to a file: its chunks are encoded into a buffer, which is written (by libuv's
 * thread pool, while the next buffer fills) when full, so a timeline of millions of short lines
 * costs a few thousand system calls, no joined strings, and the kernel's copying runs beside the
 * formatting. Waiting for each write lets the event loop turn, so signals are handled.
 */
async function writeChunks(path: string, output: string | Iterable<Chunk>, finish: (chunk: string) => string): Promise<void> {
  const fd = openSync(path, 'w');
  let pending: Promise<void> = Promise.resolve();
  try {
    const spare: Buffer[] = [Buffer.allocUnsafe(BUFFER_BYTES), Buffer.allocUnsafe(BUFFER_BYTES)];
    let buffer = spare.pop()!;
    let used = 0;
    const flush = async () => {
      // One write in flight: wait for it, then hand this buffer over and take the other.
      await pending;
      const full = buffer;
      const length = used;
      pending = writeAll(fd, full, length).then(() => void spare.push(full));
      buffer = spare.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);
      used = 0;
    };
    for (const chunk of typeof output === 'string' ? [output] : output) {
      if (typeof chunk !== 'string') {
        if (chunk.length >= BUFFER_BYTES / 2) {
          // A large piece is written as it is, after what came before it (its maker does not reuse it).
          if (used > 0) await flush();
          await pending;
          pending = writeAll(fd, chunk, chunk.length);
          continue;
        }
        if (chunk.length > BUFFER_BYTES - used) await flush();
        buffer.set(chunk, used);
        used += chunk.length;
        continue;
      }
      const text = finish(chunk);
      // A UTF-16 code unit is at most 3 bytes of UTF-8: a chunk that may not fit goes after a flush.
      if (text.length * 3 > BUFFER_BYTES - used) {
        await flush();
        if (text.length * 3 > BUFFER_BYTES) {
          const bytes = Buffer.from(text);
          await pending;
          await writeAll(fd, bytes, bytes.length);
          continue;
        }
      }
      used += buffer.write(text, used);
    }
    await flush();
    await pending;
  } finally {
    // A failed write leaves `pending` rejected: its error is the one thrown above.
    await pending.catch(() => undefined);
    closeSync(fd);
  }
}

/** Writes `length` bytes of `data` to `fd`, however many calls it takes. */
async function writeAll(fd: number, data: Uint8Array, length: number): Promise<void> {
  let at = 0;
  while (at < length) {
    at += await new Promise<number>((done, fail) => write(fd, data, at, length - at, null, (e, n) => (e ? fail(e) : done(n))));
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
