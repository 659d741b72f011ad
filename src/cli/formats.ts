/**
 * The output formats of each command: the names `--format` accepts, the first being the default.
 * Each command module maps every name of its list to a formatter in a `Record`, so a format added
 * here without a formatter (or a formatter for a name not here) does not compile.
 */
import type { Medium } from './io.js';

export const FORMATS = {
  check: ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'],
  compile: ['json', 'ics', 'csv'],
  status: ['text', 'json'],
  explain: ['text', 'json'],
  report: ['text', 'markdown', 'json', 'html'],
  holidays: ['text', 'markdown', 'json'],
  diff: ['text', 'markdown', 'json'],
  suggest: ['text', 'markdown', 'json'],
} as const;

export type FormattedCommand = keyof typeof FORMATS;

/** The formats of a command, e.g. `FormatOf<'compile'>` = 'json' | 'ics' | 'csv'. */
export type FormatOf<C extends FormattedCommand> = (typeof FORMATS)[C][number];

/** How each format's output is made safe for where it is read (see `writeOutput`). */
export const MEDIUM = {
  stylish: 'text',
  text: 'text',
  github: 'text',
  markdown: 'text',
  json: 'json',
  sarif: 'json',
  junit: 'xml',
  csv: 'csv',
  ics: 'ics',
  html: 'html',
} as const satisfies Record<(typeof FORMATS)[FormattedCommand][number], Medium>;
