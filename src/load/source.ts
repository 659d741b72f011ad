/**
 * A config file as the load stage hands it on: its data, the problems found reading it, the
 * rules its comments silence, and its syntax tree for locating nodes. Parsing is in `parse.ts`,
 * locating in `locate.ts`; all access to the YAML syntax tree lives in this folder.
 */
import type { Document, LineCounter } from 'yaml';
import type { PlainPositions } from './plain-yaml.js';

/** A path of mapping keys and sequence indexes from the document root. */
export type Path = readonly (string | number)[];

/** A problem found while reading or parsing a file (becomes a `yaml-syntax` finding). */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
  /** True when the file cannot be read at all; such a problem is always an error. */
  fatal: boolean;
  related?: { line: number; column: number; message: string };
}

/** Rules silenced on a line by `# shiftready-disable-next-line <rule-id>[, …] [-- reason]`. */
export type DisabledRules = ReadonlyMap<number, ReadonlySet<string> | 'all'>;

/** A parsed file's syntax tree with node positions. */
export interface SyntaxTree {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The text it was parsed from (fixes and suggestions edit it, keeping everything around the node they change). */
  text: string;
}

export interface SourceDocument {
  /** The path as given on the command line (relative paths stay relative). */
  file: string;
  /** The file's data as plain JS; `undefined` when the file is unusable. */
  data: unknown;
  /** Problems that become `yaml-syntax` findings. */
  problems: SyntaxProblem[];
  /** False when YAML errors make the content untrustworthy; its sections are then not merged. */
  usable: boolean;
  disabled: DisabledRules;
  /**
   * The syntax tree, for locating nodes. A file parsed in a worker thread has none until a
   * finding needs a location in it; it is then parsed again from the same text.
   */
  tree(): SyntaxTree | undefined;
  /**
   * For a file the fast reader (./plain-yaml.ts) read: where its nodes start, read again from the
   * text when a finding first needs a location (much quicker than a syntax tree).
   */
  positions?(): PlainPositions | undefined;
}

/** A file that could not be read as text (too big, not UTF-8): one problem at 1:1. */
export function unreadableSource(file: string, message: string): SourceDocument {
  return {
    file,
    data: undefined,
    problems: [{ message, line: 1, column: 1, fatal: true }],
    usable: false,
    disabled: new Map(),
    tree: () => undefined,
  };
}
