/** `compile`, `status` and `explain`: the commands that need a timeline (SPEC §5). */
import { configZone, loadAsync, type Config } from '../check.js';
import { UsageError } from '../errors.js';
import { compileStream, explain, statusAt, type InstantOptions } from '../compile.js';
import { formatExplainJson, formatExplainText } from '../format/explain.js';
import type { Paint } from '../format/paint.js';
import { formatStatusJson, formatStatusText } from '../format/status.js';
import { formatTimelineCsv } from '../format/timeline-csv.js';
import { formatTimelineIcs } from '../format/timeline-ics.js';
import { formatTimelineJsonEncoded } from '../format/timeline-json.js';
import type { Finding } from '../findings.js';
import { rangeStart } from '../time/period.js';
import type { TimelineStream } from '../timeline/types.js';
import { uncutStarts } from '../timeline/uncut.js';
import { nowOf, type InputNames } from '../when.js';
import { paintFor } from './colour.js';
import { outputRequest, singleOutput, type FormatOf, type FormatRequest } from './formats.js';
import { writeOutputs, type Chunk, type CliIO, type OutputRequest } from './io.js';
import { configInput, type ConfigCommandOptions, parseRuleOptions, timeOptions } from './options.js';

/** What the timeline formatters need besides the timeline. */
interface TimelineFacts {
  config: Config;
  /** `--now` / SHIFTREADY_NOW as given, if given. */
  now?: string;
  names: InputNames;
  includeOffline: boolean;
}

const TIMELINE_FORMATTERS: Record<FormatOf<'compile'>, (timeline: TimelineStream, facts: TimelineFacts) => Iterable<Chunk>> = {
  json: formatTimelineJsonEncoded,
  ics: (timeline, { config, now, names, includeOffline }) => {
    const zone = configZone(config);
    return formatTimelineIcs(timeline, {
      // DTSTAMP: the pinned "now", else a fixed instant (the epoch), never the clock: the same
      // files and flags give the same calendar (docs/decisions.md).
      stamp: now !== undefined ? nowOf({ now, names }, zone) : 0,
      // Only intervals that become events need their own start.
      runStart: (portal) =>
        uncutStarts(
          config.model,
          { period: timeline.period, portals: [portal] },
          rangeStart(zone),
          (i) => i.state === 'online' || (includeOffline && i.reason === 'override'),
        ).get(portal.portal.id),
      includeOffline,
      model: config.model,
    });
  },
  csv: (timeline, { config }) => formatTimelineCsv(timeline, configZone(config)),
};

export interface CompileCommandOptions extends ConfigCommandOptions {
  format?: FormatRequest[];
  from?: string;
  to?: string;
  now?: string;
  includeOffline?: boolean;
}

export async function runCompile(paths: string[], options: CompileCommandOptions, io: CliIO): Promise<number> {
  const target = singleOutput('compile', options.format, options.out);
  if (options.includeOffline && target.format !== 'ics')
    throw new UsageError('--include-offline is for --format ics (json and csv list every interval)');
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const time = timeOptions(options, io.env);
  // Each portal is built as the writer reaches it: memory holds one portal, not the whole output.
  const timeline = compileStream(config, { ...time, rules: parseRuleOptions(options.rule) });
  const facts = {
    config,
    ...(time.now !== undefined ? { now: time.now } : {}),
    names: time.names,
    includeOffline: options.includeOffline ?? false,
  };
  await writeOutputs(
    io,
    [outputRequest(target, TIMELINE_FORMATTERS[target.format](timeline, facts))],
    config.sources.map((s) => s.file),
  );
  return 0;
}

export interface InstantCommandOptions extends ConfigCommandOptions {
  at?: string;
  now?: string;
  format?: FormatRequest[];
}

/** SPEC §5: one line on stderr when `status` / `explain` answer despite non-structural errors. */
function reportSetAside(io: CliIO): (errors: readonly Finding[]) => void {
  return (errors) =>
    io.stderr(
      `shiftready: ${errors.length} configuration error${errors.length === 1 ? ' was' : 's were'} set aside to answer (the users they concern do not count); run \`shiftready check\` to see ${errors.length === 1 ? 'it' : 'them'}\n`,
    );
}

/** An answer at an instant, as text (painted or not) and as JSON. */
interface Answer {
  text: (paint: Paint) => string;
  json: () => string;
}

/**
 * `status` and `explain`: the configuration's answer at the instant, as text or JSON, coloured
 * when it is text for a terminal that wants it.
 */
async function runAnswer(
  command: 'status' | 'explain',
  paths: string[],
  options: InstantCommandOptions,
  io: CliIO,
  answerOf: (config: Config, input: InstantOptions) => Answer,
): Promise<number> {
  const target = singleOutput(command, options.format, options.out);
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const answer = answerOf(config, {
    ...timeOptions(options, io.env),
    rules: parseRuleOptions(options.rule),
    onSetAside: reportSetAside(io),
  });
  let output: OutputRequest;
  if (target.format === 'json') output = outputRequest(target, answer.json());
  else {
    const paint = paintFor(io, target.out);
    const request = outputRequest(target, answer.text(paint));
    output = paint.on ? { ...request, medium: 'painted' } : request;
  }
  await writeOutputs(
    io,
    [output],
    config.sources.map((s) => s.file),
  );
  return 0;
}

export async function runStatus(paths: string[], options: InstantCommandOptions, io: CliIO): Promise<number> {
  return runAnswer('status', paths, options, io, (config, input) => {
    const status = statusAt(config, input);
    return {
      text: (paint) => formatStatusText(status, config.model, configZone(config), paint),
      json: () => formatStatusJson(status),
    };
  });
}

export async function runExplain(paths: string[], options: InstantCommandOptions & { portal: string }, io: CliIO): Promise<number> {
  return runAnswer('explain', paths, options, io, (config, input) => {
    const explanation = explain(config, options.portal, input);
    return {
      text: (paint) => formatExplainText(explanation, config.model, configZone(config), paint),
      json: () => formatExplainJson(explanation),
    };
  });
}
