/** `shiftready check [paths..]`: validate; print findings; exit 0/1 (SPEC §5). */
import { check, loadAsync, type CheckResult } from '../check.js';
import { UsageError } from '../errors.js';
import { fixConfig, unifiedDiff, type RefusedFix } from '../fix.js';
import { formatFindingsJson } from '../format/findings-json.js';
import { formatFindingsMarkdown } from '../format/findings-markdown.js';
import { formatGithub } from '../format/github.js';
import { formatGitlab } from '../format/gitlab.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif, toUri } from '../format/sarif.js';
import { formatStylish } from '../format/stylish.js';
import { countFindings } from '../findings.js';
import { PLAIN, type Paint } from '../format/paint.js';
import { RULES } from '../rules/index.js';
import { paintFor } from './colour.js';
import { outputRequest, outputsOf, type FormatOf, type FormatRequest } from './formats.js';
import { replaceFiles, writeOutputs, type CliIO } from './io.js';
import { configInput, type ConfigCommandOptions, parseCount, parseRuleOptions, readsStdin, timeOptions } from './options.js';
import { inRepository, repositoryOf, type Repository } from './repository.js';
import { rulePage } from './rule-pages.js';

/** What a formatter may need besides the findings: the repository (found once, when first asked), the colours. */
interface FormatContext {
  repository(): Repository;
  paint: Paint;
}

/** Every rule's page that can be read, by rule id (SARIF's `help`). */
function rulePages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const rule of RULES) {
    const page = rulePage(rule.meta.id);
    if (page !== undefined) pages.set(rule.meta.id, page);
  }
  return pages;
}

const FORMATTERS: Record<FormatOf<'check'>, (r: CheckResult, context: FormatContext) => string> = {
  stylish: (r, context) => formatStylish(r, context.paint),
  json: formatFindingsJson,
  sarif: (r, context) => {
    const repository = context.repository();
    return formatSarif(inRepository(r, repository), {
      root: {
        uri: toUri(repository.root).replace(/\/?$/, '/'),
        description:
          repository.kind === 'git'
            ? 'The top of the git work tree shiftready ran in.'
            : 'The directory shiftready ran in (not in a git work tree).',
      },
      pages: rulePages(),
    });
  },
  junit: formatJunit,
  github: formatGithub,
  markdown: formatFindingsMarkdown,
  gitlab: (r, context) => formatGitlab(inRepository(r, context.repository())),
};

export interface CheckCommandOptions extends ConfigCommandOptions {
  format?: FormatRequest[];
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
function checkFixOptions(
  paths: readonly string[],
  options: CheckCommandOptions,
  outputs: readonly { format: FormatOf<'check'>; out: string | undefined }[],
): void {
  if (options.fix && options.fixDryRun)
    throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
  if (options.fix && readsStdin(paths))
    throw new UsageError(
      '--fix writes the fixed files back, and standard input is not a file: use --fix-dry-run to print the fixes as a diff',
    );
  const toStdout = (out: string | undefined) => out === undefined || out === '-' || out === '/dev/stdout';
  const mixed = outputs.find((o) => o.format !== 'stylish' && toStdout(o.out));
  if (options.fixDryRun && mixed)
    throw new UsageError(
      `--fix-dry-run prints the diff on standard output: write the ${mixed.format} report to a file with --format ${mixed.format}=FILE`,
    );
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
  // Several `--format F[=FILE]` in one run (SPEC §5): each to its file, at most one to stdout or --out.
  const outputs = outputsOf('check', options.format, options.out);
  const rules = parseRuleOptions(options.rule);
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
  checkFixOptions(paths, options, outputs);
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
      await writeOutputs(io, [{ output: diff ? `${diff}\n` : '', out: undefined, medium: 'text', label: '--fix-dry-run' }]);
      result = fixed.initial;
    }
  } else result = check(config, checkOptions);
  // --quiet shows errors only; warnings still count for --max-warnings (as in ESLint).
  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
  const printed = options.quiet ? { ...shown, ...countFindings(shown.findings) } : shown;
  let repository: Repository | undefined;
  const findRepository = () => (repository ??= repositoryOf(io.cwd));
  await writeOutputs(
    io,
    outputs.map((target) => {
      // Colour only for people: stylish on standard output, when wanted (./colour.ts).
      const paint = target.format === 'stylish' ? paintFor(io, target.out) : PLAIN;
      const request = outputRequest(target, FORMATTERS[target.format](printed, { repository: findRepository, paint }));
      return paint.on ? { ...request, medium: 'painted' as const } : request;
    }),
    config.sources.map((s) => s.file),
  );
  return checkExitCode(result, options.failOn, maxWarnings);
}
