/** `shiftready check [paths..]`: validate; print findings; exit 0/1 (SPEC §5). */
import { check, loadAsync, type CheckResult } from '../check.js';
import { UsageError } from '../errors.js';
import { fixConfig, unifiedDiff, type RefusedFix } from '../fix.js';
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
import { replaceFiles, writeOutput, type CliIO } from './io.js';
import { configInput, type ConfigCommandOptions, parseCount, parseRuleOptions, readsStdin, timeOptions } from './options.js';

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
  /** Apply the safe fixes to the files, then report what is left (SPEC §5.7). */
  fix?: boolean;
  /** Print the safe fixes as a unified diff; write nothing (SPEC §5.7). */
  fixDryRun?: boolean;
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

/** Refuses option combinations that `--fix` and `--fix-dry-run` cannot honour (docs/decisions.md). */
function checkFixOptions(paths: readonly string[], options: CheckCommandOptions): void {
  if (options.fix && options.fixDryRun)
    throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
  if (options.fix && readsStdin(paths))
    throw new UsageError(
      '--fix writes the fixed files back, and standard input is not a file: use --fix-dry-run to print the fixes as a diff',
    );
  const toStdout = options.out === undefined || options.out === '-' || options.out === '/dev/stdout';
  if (options.fixDryRun && options.format !== 'stylish' && toStdout)
    throw new UsageError(`--fix-dry-run prints the diff on standard output: write the ${options.format} report to a file with --out FILE`);
}

/** One line on stderr per fix that was not applied, and why. */
function refusedLines(refused: readonly RefusedFix[]): string {
  return refused
    .map(({ finding: f, errors }) => {
      const created = errors.map((e) => `${e.rule} at ${e.file}:${e.line}:${e.column}`).join(', ');
      return `shiftready: ${f.file}:${f.line}:${f.column}  ${f.rule} not fixed: the fix would report ${created}\n`;
    })
    .join('');
}

export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const rules = parseRuleOptions(options.rule);
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
  checkFixOptions(paths, options);
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const checkOptions = { rules, ...timeOptions(options, io.env) };
  let result: CheckResult;
  if (options.fix || options.fixDryRun) {
    // Every file that was parsed can be fixed; its text is the one read (SPEC §5.7).
    const texts = new Map(config.sources.flatMap((s) => (s.tree() ? [[s.file, s.tree()!.text] as const] : [])));
    const fixed = fixConfig(config, texts, checkOptions);
    io.stderr(refusedLines(fixed.refused));
    if (options.fix) {
      replaceFiles(io, fixed.files);
      result = fixed.result;
    } else {
      // Nothing is written, so the files keep every finding: the report and the exit code say so.
      const diff = fixed.files.map((f) => unifiedDiff(f.file, f.before, f.after)).join('');
      await writeOutput(io, diff ? `${diff}\n` : '', undefined, { medium: 'text' });
      result = fixed.initial;
    }
  } else result = check(config, checkOptions);
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
