/** `compile`, `status` and `explain`: the commands that need a timeline (SPEC §5). */
import { configZone, loadAsync } from '../check.js';
import { compile, explain, statusAt } from '../compile.js';
import { formatExplainJson, formatExplainText } from '../format/explain.js';
import { formatStatusJson, formatStatusText } from '../format/status.js';
import { formatTimelineCsv } from '../format/timeline-csv.js';
import { formatTimelineIcs } from '../format/timeline-ics.js';
import { formatTimelineJson } from '../format/timeline-json.js';
import type { Finding } from '../findings.js';
import type { Timeline } from '../timeline/types.js';
import { outputRequest, singleOutput, type FormatOf, type FormatRequest } from './formats.js';
import { writeOutputs, type CliIO } from './io.js';
import { loadOptions, parseRuleOptions, timeOptions } from './options.js';

const TIMELINE_FORMATTERS: Record<FormatOf<'compile'>, (timeline: Timeline) => Iterable<string>> = {
  json: formatTimelineJson,
  ics: formatTimelineIcs,
  csv: formatTimelineCsv,
};

export interface CompileCommandOptions {
  format?: FormatRequest[];
  from?: string;
  to?: string;
  now?: string;
  out?: string;
  rule: string[];
}

export async function runCompile(paths: string[], options: CompileCommandOptions, io: CliIO): Promise<number> {
  const target = singleOutput('compile', options.format, options.out);
  const config = await loadAsync(paths, loadOptions(io));
  const timeline = compile(config, { ...timeOptions(options, io.env), rules: parseRuleOptions(options.rule) });
  await writeOutputs(
    io,
    [outputRequest(target, TIMELINE_FORMATTERS[target.format](timeline))],
    config.sources.map((s) => s.file),
  );
  return 0;
}

export interface InstantCommandOptions {
  at?: string;
  now?: string;
  format?: FormatRequest[];
  rule: string[];
  out?: string;
}

/** SPEC §5: one line on stderr when `status` / `explain` answer despite non-structural errors. */
function reportSetAside(io: CliIO): (errors: readonly Finding[]) => void {
  return (errors) =>
    io.stderr(
      `shiftready: ${errors.length} configuration error${errors.length === 1 ? ' was' : 's were'} set aside to answer (the users they concern do not count); run \`shiftready check\` to see ${errors.length === 1 ? 'it' : 'them'}\n`,
    );
}

export async function runStatus(paths: string[], options: InstantCommandOptions, io: CliIO): Promise<number> {
  const target = singleOutput('status', options.format, options.out);
  const config = await loadAsync(paths, loadOptions(io));
  const status = statusAt(config, {
    ...timeOptions(options, io.env),
    rules: parseRuleOptions(options.rule),
    onSetAside: reportSetAside(io),
  });
  const formatters: Record<FormatOf<'status'>, () => string> = {
    text: () => formatStatusText(status, config.model, configZone(config)),
    json: () => formatStatusJson(status),
  };
  await writeOutputs(
    io,
    [outputRequest(target, formatters[target.format]())],
    config.sources.map((s) => s.file),
  );
  return 0;
}

export async function runExplain(paths: string[], options: InstantCommandOptions & { portal: string }, io: CliIO): Promise<number> {
  const target = singleOutput('explain', options.format, options.out);
  const config = await loadAsync(paths, loadOptions(io));
  const explanation = explain(config, options.portal, {
    ...timeOptions(options, io.env),
    rules: parseRuleOptions(options.rule),
    onSetAside: reportSetAside(io),
  });
  const formatters: Record<FormatOf<'explain'>, () => string> = {
    text: () => formatExplainText(explanation, config.model, configZone(config)),
    json: () => formatExplainJson(explanation),
  };
  await writeOutputs(
    io,
    [outputRequest(target, formatters[target.format]())],
    config.sources.map((s) => s.file),
  );
  return 0;
}
