/** `shiftready check [paths..]`: validate; print findings; exit 0/1 (SPEC §5). */
import { check, loadAsync, type CheckResult } from '../check.js';
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
import { writeOutputs, type CliIO } from './io.js';
import { configInput, type ConfigCommandOptions, parseCount, parseRuleOptions, timeOptions } from './options.js';
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
  // Several `--format F[=FILE]` in one run (SPEC §5): each to its file, at most one to stdout or --out.
  const outputs = outputsOf('check', options.format, options.out);
  const rules = parseRuleOptions(options.rule);
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
  const given = await configInput(paths, options, io);
  const config = await loadAsync(given.paths, given.load);
  const result = check(config, { rules, ...timeOptions(options, io.env) });
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
