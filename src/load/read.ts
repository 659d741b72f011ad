/** Reading one config file: the limits (./limits.ts), UTF-8, then parsing. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { systemErrorText, UsageError } from '../errors.js';
import type { ConfigFile } from './discover.js';
import { countEntries, fileOverLimit } from './limits.js';
import { parseSource } from './parse.js';
import { unreadableSource, type SourceDocument } from './source.js';

/** Reads and parses one file; `text` is the file's text when it could be read. */
export function readAndParse(f: ConfigFile): { source: SourceDocument; text?: string } {
  const read = readConfigText(f);
  return 'text' in read ? { source: parseSource(f.file, read.text), text: read.text } : read;
}

/**
 * Reads one file's text (with its size and entries, for the limits of all files together), or
 * gives the `source` that says why it cannot be used (over its limits, not UTF-8). Throws
 * `UsageError` when the file cannot be read at all.
 */
export function readConfigText(f: ConfigFile): { text: string; bytes: number; entries: number } | { source: SourceDocument } {
  let fd: number | undefined;
  try {
    fd = openSync(f.absolute, 'r');
    const size = fstatSync(fd).size;
    const tooBig = fileOverLimit(size);
    if (tooBig) return { source: unreadableSource(f.file, tooBig) };
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
    // Checked before parsing: yaml's time and memory grow with the entries (./limits.ts).
    const entries = countEntries(text);
    const tooMany = fileOverLimit(size, entries);
    if (tooMany) return { source: unreadableSource(f.file, tooMany) };
    return { text, bytes: size, entries };
  } catch (e) {
    throw new UsageError(`${f.file}: cannot read: ${systemErrorText(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
