/** `shiftready check [paths..]`: validate; print findings; exit 0/1 (SPEC §5). */
import { check, loadAsync, type CheckResult } from '../check.js';
import { formatFindingsJson } from '../format/findings-json.js';
import { formatFindingsMarkdown } from '../format/findings-markdown.js';
import { formatGithub } from '../format/github.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif } from '../format/sarif.js';
import { formatStylish } from '../format/stylish.js';
import { countFindings } from '../findings.js';
import { PLAIN, type Paint } from '../format/paint.js';
import { paintFor } from './colour.js';
import { MEDIUM, type FormatOf } from './formats.js';
import { writeOutput, type CliIO } from './io.js';
import { configInput, type ConfigCommandOptions, parseCount, parseRuleOptions, timeOptions } from './options.js';

const FORMATTERS: Record<FormatOf<'check'>, (r: CheckResult, paint: Paint) => string> = {
  stylish: formatStylish,
  json: formatFindingsJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatFindingsMarkdown,
};

export interface CheckCommandOptions extends ConfigCommandOptions {
  format: FormatOf<'check'>;
  failOn: 'error' | 'warn';
  maxWarnings?: string;
  quiet?: boolean;
  from?: string;
  to?: string;
  now?: string;
}

/** Exit code: 1 when a finding is at or above `failOn`, or warnings exceed `maxWarnings`. */
export function checkExitCode(
  result: Pick<CheckResult, 'errorCount' | 'warningCount'>,
  failOn: 'error' | 'warn',
  maxWarnings?: number,
): number {
  if (result.errorCount > 0) return 1;
  if (failOn === 'warn' && result.warningCount > 0) return 1;
  if (maxWarnings !== undefined && result.warningCount > maxWarnings) return 1;
  return 0;
}

export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const rules = parseRuleOptions(options.rule);
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const result = check(config, { rules, ...timeOptions(options, io.env) });
  // --quiet shows errors only; warnings still count for --max-warnings (as in ESLint).
  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
  const printed = options.quiet ? { ...shown, ...countFindings(shown.findings) } : shown;
  const paint = options.format === 'stylish' ? paintFor(io, options.out) : PLAIN;
  await writeOutput(io, FORMATTERS[options.format](printed, paint), options.out, {
    medium: paint.on ? 'painted' : MEDIUM[options.format],
    inputs: config.sources.map((s) => s.file),
  });
  return checkExitCode(result, options.failOn, maxWarnings);
}
