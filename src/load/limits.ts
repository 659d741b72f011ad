/**
 * What shiftready reads, at most (SPEC §2): limits that bound the time and memory of parsing, and
 * are checked before it. yaml builds a node per entry (about 1 µs and a few hundred bytes each),
 * so what matters is how many entries a file holds, not only its bytes: a 2 MB flow list holds a
 * million. Lines plus commas count them from above in a few milliseconds per megabyte. A large
 * organization (200 portals, 20,000 users, 10,000 shift series) is 6 MB and 210,000 of them.
 */
import { UsageError } from '../errors.js';

export const LIMITS = {
  /** Bytes of one file. */
  fileBytes: 4 * 1024 * 1024,
  /** Lines plus commas of one file. */
  fileEntries: 200_000,
  /** Bytes of all files. */
  totalBytes: 24 * 1024 * 1024,
  /** Lines plus commas of all files. */
  totalEntries: 600_000,
} as const;

/** Lines plus commas: an upper bound on the entries (list items, keys) a YAML text holds. */
export function countEntries(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) n++;
  }
  return n;
}

const MB = 1024 * 1024;
const number = (n: number) => n.toLocaleString('en-US');

/** Why one file is not read, or undefined when it is within the limits. */
export function fileOverLimit(bytes: number, entries?: number): string | undefined {
  if (bytes > LIMITS.fileBytes) {
    return `the file is ${number(bytes)} bytes (${(bytes / MB).toFixed(1)} MB); shiftready reads config files of up to ${number(LIMITS.fileBytes)} bytes (4 MB): split it into several files`;
  }
  if (entries !== undefined && entries > LIMITS.fileEntries) {
    return `the file holds ${number(entries)} lines and commas (entries); shiftready reads up to ${number(LIMITS.fileEntries)} per file: split it into several files`;
  }
  return undefined;
}

/** Throws `UsageError` when all files together are over the limits. */
export function checkTotals(bytes: number, entries: number): void {
  if (bytes > LIMITS.totalBytes) {
    throw new UsageError(
      `the configuration is ${(bytes / MB).toFixed(1)} MB in all; shiftready reads up to ${LIMITS.totalBytes / MB} MB of config files at a time`,
    );
  }
  if (entries > LIMITS.totalEntries) {
    throw new UsageError(
      `the configuration holds ${number(entries)} lines and commas (entries) in all; shiftready reads up to ${number(LIMITS.totalEntries)} at a time`,
    );
  }
}
