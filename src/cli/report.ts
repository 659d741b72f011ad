/** `report`, `holidays` and `diff`: the coverage commands teams put in CI (SPEC §5.4-§5.6). */
import { configZone, loadAsync, loadFromTexts } from '../check.js';
import { coverage, coveragePage, diff, holidayReport } from '../compile.js';
import { UsageError } from '../errors.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../format/diff.js';
import { formatHolidaysJson, formatHolidaysMarkdown, formatHolidaysText } from '../format/holidays.js';
import { formatReportJson, formatReportMarkdown, formatReportText } from '../format/report.js';
import { filesAtRef } from '../load/git.js';
import { humansTracked } from '../model/types.js';
import { civilFromDays } from '../time/civil.js';
import { nowOf } from '../when.js';
import { zoneTable } from '../time/zone.js';
import { writeOutput, type CliIO } from './io.js';
import { loadOptions, parseRuleOptions, timeOptions } from './options.js';

interface PeriodCommandOptions {
  from?: string;
  to?: string;
  now?: string;
  out?: string;
  rule: string[];
}

export async function runReport(paths: string[], options: PeriodCommandOptions & { format: 'text' | 'markdown' | 'json' | 'html' }, io: CliIO): Promise<number> {
  const config = await loadAsync(paths, loadOptions(io));
  const input = { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) };
  let output: string;
  if (options.format === 'html') output = coveragePage(config, input);
  else {
    const report = coverage(config, input);
    if (options.format === 'json') output = formatReportJson(report);
    else if (options.format === 'markdown') output = formatReportMarkdown(report, config.model);
    else output = formatReportText(report, config.model);
  }
  writeOutput(io, output, options.out);
  return 0;
}

export async function runHolidays(paths: string[], options: { year?: string; now?: string; format: 'text' | 'markdown' | 'json'; out?: string; rule: string[] }, io: CliIO): Promise<number> {
  const config = await loadAsync(paths, loadOptions(io));
  const zone = configZone(config);
  let year: number;
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year)) throw new UsageError(`--year ${JSON.stringify(options.year)}: give a year such as 2026`);
    year = Number(options.year);
  } else {
    year = civilFromDays(zoneTable(zone).instantToWall(nowOf(timeOptions(options, io.env), zone)).day).year;
  }
  const entries = holidayReport(config, year, { rules: parseRuleOptions(options.rule) });
  const output = options.format === 'json' ? formatHolidaysJson(year, entries, humansTracked(config.model)) : options.format === 'markdown' ? formatHolidaysMarkdown(year, entries, config.model) : formatHolidaysText(year, entries, config.model);
  writeOutput(io, output, options.out);
  return 0;
}

export async function runDiff(paths: string[], options: PeriodCommandOptions & { base: string; format: 'text' | 'markdown' | 'json'; failOnNewGaps?: boolean }, io: CliIO): Promise<number> {
  const head = await loadAsync(paths, loadOptions(io));
  const baseFiles = filesAtRef(options.base, paths, io.cwd);
  if (baseFiles.length === 0) throw new UsageError(`--base ${options.base}: no shiftready files there at ${paths.length ? paths.join(', ') : '.'}; nothing to compare with`);
  const base = loadFromTexts(baseFiles);
  const report = diff(base, head, options.base, { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) });
  const zone = configZone(head);
  const output = options.format === 'json' ? formatDiffJson(report) : options.format === 'markdown' ? formatDiffMarkdown(report, zone) : formatDiffText(report, zone);
  writeOutput(io, output, options.out);
  return options.failOnNewGaps && report.portals.some((p) => p.newGaps.length > 0) ? 1 : 0;
}
