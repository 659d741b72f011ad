/**
 * A worker thread that reads and parses config files (yaml parses about 1 MB/s, so a large
 * configuration is parsed across cores). It sends back data and problems, not syntax trees.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { ConfigFile } from './discover.js';
import { readAndParse } from './read.js';
import { toRecord, type ParsedRecord } from './record.js';

export type WorkerReply = { records: ParsedRecord[] } | { usageError: string };

const files = (workerData as { files: ConfigFile[] }).files;
let reply: WorkerReply;
try {
  reply = {
    records: files.map((f) => {
      const { source, text } = readAndParse(f);
      return toRecord(source, text);
    }),
  };
} catch (e) {
  // A file that cannot be read is a usage error; it must reach the CLI as one (exit 2).
  if (!(e instanceof UsageError)) throw e;
  reply = { usageError: e.message };
}
parentPort!.postMessage(reply);
