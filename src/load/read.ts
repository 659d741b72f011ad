/** Reading one config file: size limit, UTF-8, then parsing. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { ConfigFile } from './discover.js';
import { parseSource } from './parse.js';
import { unreadableSource, type SourceDocument } from './source.js';

/**
 * Largest config file read. yaml parses about 1 MB/s on a small machine and a real helpline's
 * configuration is tens of kilobytes, so a bigger file is refused at once rather than parsed
 * for tens of seconds.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Reads and parses one file; `text` is the file's text when it could be read. */
export function readAndParse(f: ConfigFile): { source: SourceDocument; text?: string } {
  let fd: number | undefined;
  try {
    fd = openSync(f.absolute, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      const mb = (size / (1024 * 1024)).toFixed(1);
      return {
        source: unreadableSource(
          f.file,
          `the file is ${mb} MB; shiftready reads config files of up to ${MAX_FILE_BYTES / (1024 * 1024)} MB: split it into several files`,
        ),
      };
    }
    const buf = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, read));
    } catch {
      return { source: unreadableSource(f.file, 'the file is not UTF-8 text; save it as UTF-8') };
    }
    return { source: parseSource(f.file, text), text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${f.file}: cannot read${code ? ` (${code})` : ''}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
