/** Where the CLI writes: the process's streams, or buffers in tests. */
import { closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stdout is a terminal (colours, hints). */
  isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/**
 * Writes `text` to `--out FILE` whole or not at all (a temporary file in the same folder, then a
 * rename), or to stdout when no file is given.
 */
export function writeOutput(io: CliIO, output: string | Iterable<string>, out: string | undefined): void {
  const chunks = typeof output === 'string' ? [output] : output;
  if (out === undefined || out === '-') {
    for (const chunk of chunks) io.stdout(chunk);
    return;
  }
  let target = resolve(io.cwd, out);
  try {
    // Write through a symlink to its target, and straight into a device or FIFO (/dev/stdout):
    // renaming over either would replace it.
    target = realpathSync(target);
    if (!statSync(target).isFile()) {
      writeChunks(target, chunks);
      return;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(`--out ${out}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeChunks(tmp, chunks);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${out}: cannot write the file${code ? ` (${code})` : ''}`);
  }
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
