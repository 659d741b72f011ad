/**
 * The commander program. Each command's module is imported when the command runs, so a command
 * pays only for what it needs (`schema` never loads yaml or ajv).
 */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import type { CliIO } from './io.js';
import { FORMATS, formatArgParser, type FormattedCommand } from './formats.js';
import { commandHelp, PROGRAM_HELP } from './help.js';
import { collect } from './options.js';

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('shiftready')
    .description('Helpline messaging shifts as code: validate portals, programs, users and shifts; compile availability and coverage.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false)
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (or NO_COLOR=1)')
    .addHelpText('after', PROGRAM_HELP)
    .hook('preAction', () => {
      const { color } = program.opts<{ color?: boolean }>();
      if (color !== undefined) io.color = color;
    });

  const periodOptions = (cmd: Command) =>
    cmd
      .option('--from <date>', 'start of the checked period: local date or date-time (default: today)')
      .option('--to <date>', 'end of the period, exclusive (default: 90 days after --from)')
      .option('--now <date-time>', 'pin "now" for reproducible runs (or SHIFTREADY_NOW)');

  /**
   * A command that reads a configuration: its paths, `--format FORMAT[=FILE]` (the first format
   * is the default; repeatable for `check`), the command's own options, then `--rule` and `--out`, which all of them share.
   */
  const configCommand = (name: FormattedCommand, description: string, own: (cmd: Command) => Command) =>
    own(
      program
        .command(name)
        .description(description)
        .argument('[paths...]', 'config files or directories (default: .)')
        .option(
          '-f, --format <format[=file]>',
          `output format: ${FORMATS[name].join(', ')} (default: ${FORMATS[name][0]}); format=FILE writes it to FILE` +
            (name === 'check' ? ' (repeatable: one format without a file goes to stdout)' : ''),
          formatArgParser(FORMATS[name]),
        ),
    )
      .option('--rule <id=severity>', "set a rule's severity: error, warn or off (repeatable)", collect, [])
      .option('-o, --out <file>', 'write the output to a file (whole or not at all)')
      .option('--stdin-filename <path>', 'the path shown for the config read from standard input (-); it replaces that file')
      .addHelpText('after', commandHelp(name));

  const instantOptions = (cmd: Command) =>
    cmd
      .option('--at <date-time>', 'the instant: local date-time, or with Z or an offset (default: now)')
      .option('--now <date-time>', 'pin "now" (or SHIFTREADY_NOW)');

  configCommand('check', 'validate the configuration and print findings', (cmd) =>
    periodOptions(cmd)
      .addOption(
        new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(['error', 'warn']).default('error'),
      )
      .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
      .option('-q, --quiet', 'report errors only')
      .option('--fix', 'apply the safe fixes to the files (whole or not at all), then report what is left')
      .option('--fix-dry-run', 'print the safe fixes as a unified diff, write nothing, and report the files as they are'),
  ).action(async (paths: string[], options) => {
    const { runCheck } = await import('./check.js');
    setExit(await runCheck(paths, options, io));
  });

  configCommand('compile', 'the availability timeline: when each portal is online, and why not when it is not', (cmd) =>
    periodOptions(cmd).option('--include-offline', 'ics: also an event for each time a switch keeps a portal offline (who, and the note)'),
  ).action(async (paths: string[], options) => {
    const { runCompile } = await import('./timeline.js');
    setExit(await runCompile(paths, options, io));
  });

  configCommand('status', 'readiness at an instant: which portals are online, and what new help seekers get', instantOptions).action(
    async (paths: string[], options) => {
      const { runStatus } = await import('./timeline.js');
      setExit(await runStatus(paths, options, io));
    },
  );

  configCommand('explain', 'why a portal is online or offline at an instant: shifts, users who count and why not, switches', (cmd) =>
    instantOptions(cmd.requiredOption('--portal <id>', 'the portal')),
  ).action(async (paths: string[], options) => {
    const { runExplain } = await import('./timeline.js');
    setExit(await runExplain(paths, options, io));
  });

  configCommand(
    'report',
    'coverage report for a period: hours online, with humans, placeholder-only, alerted; gaps; load per user',
    periodOptions,
  ).action(async (paths: string[], options) => {
    const { runReport } = await import('./report.js');
    setExit(await runReport(paths, options, io));
  });

  configCommand(
    'suggest',
    'who could fill each staffing gap in a period: unstaffed shifts, requirement and holiday gaps, placeholder-only time',
    periodOptions,
  ).action(async (paths: string[], options) => {
    const { runSuggest } = await import('./report.js');
    setExit(await runSuggest(paths, options, io));
  });

  configCommand('holidays', 'holiday coverage for a year: each holiday, each portal, and whether it meets its expectation', (cmd) =>
    cmd.option('--year <year>', 'the calendar year (default: this year)').option('--now <date-time>', 'pin "now" (or SHIFTREADY_NOW)'),
  ).action(async (paths: string[], options) => {
    const { runHolidays } = await import('./report.js');
    setExit(await runHolidays(paths, options, io));
  });

  configCommand('diff', 'what a change does to coverage, compared with the files at a git ref', (cmd) =>
    periodOptions(cmd.requiredOption('--base <git-ref>', 'the ref to compare with, e.g. origin/main')).option(
      '--fail-on-new-gaps',
      'exit 1 when the change opens gaps against requirements',
    ),
  ).action(async (paths: string[], options) => {
    const { runDiff } = await import('./report.js');
    setExit(await runDiff(paths, options, io));
  });

  program
    .command('init')
    .description('write a small, valid starter configuration')
    .argument('[dir]', 'directory to write shiftready.yaml into (default: .)')
    .option('--timezone <zone>', 'IANA time zone of the organization', 'America/Chicago')
    .option('--force', 'overwrite an existing shiftready.yaml')
    .addHelpText('after', commandHelp('init'))
    .action(async (dir: string | undefined, options) => {
      const { runInit } = await import('./init.js');
      setExit(runInit(dir, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of config files (for editors)')
    .action(async () => {
      const { runSchema } = await import('./info.js');
      setExit(runSchema(io));
    });

  program
    .command('rules')
    .description("list the rules, or print one rule's documentation")
    .argument('[id]', 'a rule id')
    .action(async (id: string | undefined) => {
      const { runRulesCommand } = await import('./info.js');
      setExit(runRulesCommand(id, io));
    });

  return program;
}
