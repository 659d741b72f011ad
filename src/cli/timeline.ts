/** `compile`, `status` and `explain`: the commands that need a timeline (SPEC §5). */
import { configZone, loadAsync } from '../check.js';
import { compileStream, explain, statusAt } from '../compile.js';
import { formatExplainJson, formatExplainText } from '../format/explain.js';
import { formatStatusJson, formatStatusText } from '../format/status.js';
import { formatTimelineCsv } from '../format/timeline-csv.js';
import { formatTimelineIcs } from '../format/timeline-ics.js';
import { formatTimelineJson } from '../format/timeline-json.js';
import type { Finding } from '../findings.js';
import type { TimelineStream } from '../timeline/types.js';
import { PLAIN } from '../format/paint.js';
import { paintFor } from './colour.js';
import { MEDIUM, type FormatOf } from './formats.js';
import { writeOutput, type CliIO } from './io.js';
import { configInput, type ConfigCommandOptions, parseRuleOptions, timeOptions } from './options.js';

const TIMELINE_FORMATTERS: Record<FormatOf<'compile'>, (timeline: TimelineStream) => Iterable<string>> = {
  json: formatTimelineJson,
  ics: formatTimelineIcs,
  csv: formatTimelineCsv,
};

export interface CompileCommandOptions extends ConfigCommandOptions {
  format: FormatOf<'compile'>;
  from?: string;
  to?: string;
  now?: string;
}

export async function runCompile(paths: string[], options: CompileCommandOptions, io: CliIO): Promise<number> {
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const timeline = compileStream(config, { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) });
  await writeOutput(io, TIMELINE_FORMATTERS[options.format](timeline), options.out, {
    medium: MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}

export interface InstantCommandOptions extends ConfigCommandOptions {
  at?: string;
  now?: string;
  format: FormatOf<'status'> & FormatOf<'explain'>;
}

/** SPEC §5: one line on stderr when `status` / `explain` answer despite non-structural errors. */
function reportSetAside(io: CliIO): (errors: readonly Finding[]) => void {
  return (errors) =>
    io.stderr(
      `shiftready: ${errors.length} configuration error${errors.length === 1 ? ' was' : 's were'} set aside to answer (the users they concern do not count); run \`shiftready check\` to see ${errors.length === 1 ? 'it' : 'them'}\n`,
    );
}

export async function runStatus(paths: string[], options: InstantCommandOptions, io: CliIO): Promise<number> {
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const status = statusAt(config, {
    ...timeOptions(options, io.env),
    rules: parseRuleOptions(options.rule),
    onSetAside: reportSetAside(io),
  });
  const paint = options.format === 'text' ? paintFor(io, options.out) : PLAIN;
  const formatters: Record<FormatOf<'status'>, () => string> = {
    text: () => formatStatusText(status, config.model, configZone(config), paint),
    json: () => formatStatusJson(status),
  };
  await writeOutput(io, formatters[options.format](), options.out, {
    medium: paint.on ? 'painted' : MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}

export async function runExplain(paths: string[], options: InstantCommandOptions & { portal: string }, io: CliIO): Promise<number> {
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const explanation = explain(config, options.portal, {
    ...timeOptions(options, io.env),
    rules: parseRuleOptions(options.rule),
    onSetAside: reportSetAside(io),
  });
  const paint = options.format === 'text' ? paintFor(io, options.out) : PLAIN;
  const formatters: Record<FormatOf<'explain'>, () => string> = {
    text: () => formatExplainText(explanation, config.model, configZone(config), paint),
    json: () => formatExplainJson(explanation),
  };
  await writeOutput(io, formatters[options.format](), options.out, {
    medium: paint.on ? 'painted' : MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}
