/** `report`, `holidays` and `diff`: the coverage commands teams put in CI (SPEC §5.4-§5.6). */
import { configZone, loadAsync, loadFromTexts, type Config } from '../check.js';
import { coverage, coveragePage, diff, holidayReport, suggest, type CompileOptions } from '../compile.js';
import { UsageError } from '../errors.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../format/diff.js';
import { formatHolidaysJson, formatHolidaysMarkdown, formatHolidaysText } from '../format/holidays.js';
import { formatReportJson, formatReportMarkdown, formatReportText } from '../format/report.js';
import { formatSuggestJson, formatSuggestMarkdown, formatSuggestText } from '../format/suggest.js';
import { filesAtRef } from '../load/git.js';
import { humansTracked, type Model } from '../model/types.js';
import type { DiffReport } from '../report/diff.js';
import type { HolidayEntry } from '../report/holidays.js';
import { outputRequest, singleOutput, type FormatOf, type FormatRequest } from './formats.js';
import { civilFromDays, FIRST_YEAR, LAST_YEAR, YEAR_RANGE_TEXT } from '../time/civil.js';
import { nowOf } from '../when.js';
import { zoneTable } from '../time/zone.js';
import { writeOutputs, type CliIO } from './io.js';
import { configInput, loadOptions, type ConfigCommandOptions, parseRuleOptions, timeOptions } from './options.js';

interface PeriodCommandOptions extends ConfigCommandOptions {
  from?: string;
  to?: string;
  now?: string;
}

const REPORT_FORMATTERS: Record<FormatOf<'report'>, (config: Config, input: CompileOptions) => string> = {
  text: (config, input) => formatReportText(coverage(config, input), config.model),
  markdown: (config, input) => formatReportMarkdown(coverage(config, input), config.model),
  json: (config, input) => formatReportJson(coverage(config, input)),
  html: coveragePage,
};

/** `report` and `suggest`: one format of what the configuration gives over the period. */
async function runPeriodReport<C extends 'report' | 'suggest'>(
  command: C,
  formatters: Record<FormatOf<C>, (config: Config, input: CompileOptions) => string>,
  paths: string[],
  options: PeriodCommandOptions & { format?: FormatRequest[] },
  io: CliIO,
): Promise<number> {
  const target = singleOutput(command, options.format, options.out);
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const input = { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) };
  await writeOutputs(
    io,
    [outputRequest(target, formatters[target.format](config, input))],
    config.sources.map((s) => s.file),
  );
  return 0;
}

export async function runReport(paths: string[], options: PeriodCommandOptions & { format?: FormatRequest[] }, io: CliIO): Promise<number> {
  return runPeriodReport('report', REPORT_FORMATTERS, paths, options, io);
}

const SUGGEST_FORMATTERS: Record<FormatOf<'suggest'>, (config: Config, input: CompileOptions) => string> = {
  text: (config, input) => formatSuggestText(suggest(config, input), config.model),
  markdown: (config, input) => formatSuggestMarkdown(suggest(config, input), config.model),
  json: (config, input) => formatSuggestJson(suggest(config, input)),
};

/** `suggest` (SPEC §5.7): who could fill each staffing gap; refuses errors and exits as `report`. */
export async function runSuggest(
  paths: string[],
  options: PeriodCommandOptions & { format?: FormatRequest[] },
  io: CliIO,
): Promise<number> {
  return runPeriodReport('suggest', SUGGEST_FORMATTERS, paths, options, io);
}

const HOLIDAYS_FORMATTERS: Record<FormatOf<'holidays'>, (year: number, entries: readonly HolidayEntry[], model: Model) => string> = {
  text: formatHolidaysText,
  markdown: formatHolidaysMarkdown,
  json: (year, entries, model) => formatHolidaysJson(year, entries, humansTracked(model)),
};

export async function runHolidays(
  paths: string[],
  options: ConfigCommandOptions & { year?: string; now?: string; format?: FormatRequest[] },
  io: CliIO,
): Promise<number> {
  const target = singleOutput('holidays', options.format, options.out);
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const zone = configZone(config);
  let year: number;
  if (options.year !== undefined) {
    year = Number(options.year);
    if (!/^\d{4}$/.test(options.year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new UsageError(`--year ${JSON.stringify(options.year)}: give a year from ${YEAR_RANGE_TEXT}, such as 2026`);
    }
  } else {
    year = civilFromDays(zoneTable(zone).instantToWall(nowOf(timeOptions(options, io.env), zone)).day).year;
  }
  const entries = holidayReport(config, year, { rules: parseRuleOptions(options.rule) });
  await writeOutputs(
    io,
    [outputRequest(target, HOLIDAYS_FORMATTERS[target.format](year, entries, config.model))],
    config.sources.map((s) => s.file),
  );
  return 0;
}

const DIFF_FORMATTERS: Record<FormatOf<'diff'>, (report: DiffReport, zone: string) => string> = {
  text: formatDiffText,
  markdown: formatDiffMarkdown,
  json: formatDiffJson,
};

export async function runDiff(
  paths: string[],
  options: PeriodCommandOptions & { base: string; format?: FormatRequest[]; failOnNewGaps?: boolean },
  io: CliIO,
): Promise<number> {
  const target = singleOutput('diff', options.format, options.out);
  if (paths.some((p) => p === '-' || p === '/dev/stdin'))
    throw new UsageError('diff compares the files with their versions at --base in git; it does not read standard input');
  const head = await loadAsync(paths, loadOptions(io));
  const baseFiles = filesAtRef(options.base, paths, io.cwd);
  if (baseFiles.length === 0)
    throw new UsageError(
      `--base ${options.base}: no shiftready files there at ${paths.length ? paths.join(', ') : '.'}; nothing to compare with`,
    );
  const base = loadFromTexts(baseFiles);
  const report = diff(base, head, options.base, { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) });
  const zone = configZone(head);
  await writeOutputs(
    io,
    [outputRequest(target, DIFF_FORMATTERS[target.format](report, zone))],
    head.sources.map((s) => s.file),
  );
  return options.failOnNewGaps && report.portals.some((p) => p.newGaps.length > 0) ? 1 : 0;
}
