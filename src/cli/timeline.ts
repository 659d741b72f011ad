/** `compile`, `status` and `explain`: the commands that need a timeline (SPEC §5). */
import { configZone, loadAsync, type Config } from '../check.js';
import { UsageError } from '../errors.js';
import { compile, explain, statusAt } from '../compile.js';
import { formatExplainJson, formatExplainText } from '../format/explain.js';
import { formatStatusJson, formatStatusText } from '../format/status.js';
import { formatTimelineCsv } from '../format/timeline-csv.js';
import { formatTimelineIcs } from '../format/timeline-ics.js';
import { formatTimelineJson } from '../format/timeline-json.js';
import type { Finding } from '../findings.js';
import { rangeStart } from '../time/period.js';
import type { Timeline } from '../timeline/types.js';
import { uncutStarts } from '../timeline/uncut.js';
import { nowOf, type InputNames } from '../when.js';
import { MEDIUM, type FormatOf } from './formats.js';
import { writeOutput, type CliIO } from './io.js';
import { loadOptions, parseRuleOptions, timeOptions } from './options.js';

/** What the timeline formatters need besides the timeline. */
interface TimelineFacts {
  config: Config;
  /** `--now` / SHIFTREADY_NOW as given, if given. */
  now?: string;
  names: InputNames;
  includeOffline: boolean;
}

const TIMELINE_FORMATTERS: Record<FormatOf<'compile'>, (timeline: Timeline, facts: TimelineFacts) => Iterable<string>> = {
  json: formatTimelineJson,
  ics: (timeline, { config, now, names, includeOffline }) => {
    const zone = configZone(config);
    return formatTimelineIcs(timeline, {
      // DTSTAMP: the pinned "now", else a fixed instant (the epoch), never the clock: the same
      // files and flags give the same calendar (docs/decisions.md).
      stamp: now !== undefined ? nowOf({ now, names }, zone) : 0,
      // Only intervals that become events need their own start.
      runStarts: uncutStarts(
        config.model,
        timeline,
        rangeStart(zone),
        (i) => i.state === 'online' || (includeOffline && i.reason === 'override'),
      ),
      includeOffline,
      model: config.model,
    });
  },
  csv: (timeline, { config }) => formatTimelineCsv(timeline, configZone(config)),
};

export interface CompileCommandOptions {
  format: FormatOf<'compile'>;
  from?: string;
  to?: string;
  now?: string;
  out?: string;
  rule: string[];
  includeOffline?: boolean;
}

export async function runCompile(paths: string[], options: CompileCommandOptions, io: CliIO): Promise<number> {
  if (options.includeOffline && options.format !== 'ics')
    throw new UsageError('--include-offline is for --format ics (json and csv list every interval)');
  const config = await loadAsync(paths, loadOptions(io));
  const time = timeOptions(options, io.env);
  const timeline = compile(config, { ...time, rules: parseRuleOptions(options.rule) });
  const facts = {
    config,
    ...(time.now !== undefined ? { now: time.now } : {}),
    names: time.names,
    includeOffline: options.includeOffline ?? false,
  };
  await writeOutput(io, TIMELINE_FORMATTERS[options.format](timeline, facts), options.out, {
    medium: MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}

export interface InstantCommandOptions {
  at?: string;
  now?: string;
  format: FormatOf<'status'> & FormatOf<'explain'>;
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
  await writeOutput(io, formatters[options.format](), options.out, {
    medium: MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}

export async function runExplain(paths: string[], options: InstantCommandOptions & { portal: string }, io: CliIO): Promise<number> {
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
  await writeOutput(io, formatters[options.format](), options.out, {
    medium: MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return 0;
}
