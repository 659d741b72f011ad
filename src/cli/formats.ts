/**
 * The output formats of each command: the names `--format` accepts, the first being the default.
 * Each command module maps every name of its list to a formatter in a `Record`, so a format added
 * here without a formatter (or a formatter for a name not here) does not compile.
 */
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../errors.js';
import type { Chunk, Medium, OutputRequest } from './io.js';

export const FORMATS = {
  check: ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'gitlab'],
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

/** How each format's output is made safe for where it is read (see `writeOutputs`). */
export const MEDIUM = {
  stylish: 'text',
  text: 'text',
  github: 'text',
  markdown: 'text',
  json: 'json',
  sarif: 'json',
  gitlab: 'json',
  junit: 'xml',
  csv: 'csv',
  ics: 'ics',
  html: 'html',
} as const satisfies Record<(typeof FORMATS)[FormattedCommand][number], Medium>;

/** One `--format FORMAT[=FILE]`: the format, and the file it goes to (none: standard output, or `--out`). */
export interface FormatRequest {
  format: string;
  file?: string;
}

/**
 * The parser of `--format FORMAT[=FILE]` for commander: each value is checked against the
 * command's formats and added to the list (so the option can be repeated).
 */
export function formatArgParser(choices: readonly string[]) {
  return (value: string, previous: FormatRequest[] | undefined): FormatRequest[] => {
    const eq = value.indexOf('=');
    const format = eq < 0 ? value : value.slice(0, eq);
    if (!choices.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...(previous ?? []), eq < 0 ? { format } : { format, file: value.slice(eq + 1) }];
  };
}

function label(request: FormatRequest): string {
  return request.file === undefined ? `--format ${request.format}` : `--format ${request.format}=${request.file}`;
}

/**
 * Where each requested format goes (SPEC §5): `--format F=FILE` to FILE, the one format without a
 * file to `--out` when given, else to standard output; no `--format` is the command's default.
 * `--out` with no format left to take it, or an empty FILE, is a usage error; two formats for
 * standard output or the same file are refused by `writeOutputs`.
 */
export function outputsOf<C extends FormattedCommand>(
  command: C,
  requests: readonly FormatRequest[] | undefined,
  out: string | undefined,
): { format: FormatOf<C>; out: string | undefined; label: string }[] {
  const list = requests?.length ? requests : [{ format: FORMATS[command][0] }];
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a file name (or - for standard output)');
  if (out !== undefined && list.every((r) => r.file !== undefined))
    throw new UsageError(`--out ${out}: every --format names its own file, so --out has no output to take; leave it out`);
  return list.map((r) => {
    if (r.file !== undefined && r.file.trim() === '')
      throw new UsageError(`${label(r)}: needs a file name after =, or no = for standard output`);
    const target = r.file ?? out;
    return {
      format: r.format as FormatOf<C>,
      out: target,
      label: r.file === undefined && out !== undefined ? `--out ${out}` : label(r),
    };
  });
}

/** The one output of a command that writes one format: several `--format` are a usage error. */
export function singleOutput<C extends FormattedCommand>(
  command: C,
  requests: readonly FormatRequest[] | undefined,
  out: string | undefined,
): { format: FormatOf<C>; out: string | undefined; label: string } {
  const outputs = outputsOf(command, requests, out);
  if (outputs.length > 1)
    throw new UsageError(`\`${command}\` writes one format per run (${outputs.map((o) => o.label).join(', ')}); several are for \`check\``);
  return outputs[0]!;
}

/** An output request for `writeOutputs`. */
export function outputRequest(
  target: { format: keyof typeof MEDIUM; out: string | undefined; label: string },
  output: string | Iterable<Chunk>,
): OutputRequest {
  return { output, out: target.out, medium: MEDIUM[target.format], label: target.label };
}
