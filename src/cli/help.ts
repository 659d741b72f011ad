/**
 * What `--help` says beyond the options commander lists: examples to copy, the exit codes and the
 * environment variables (SPEC §5). One place, so the top-level help and each command agree.
 */

const EXAMPLES: Record<string, readonly string[]> = {
  check: [
    'shiftready check examples/crisis-line',
    'shiftready check config --format stylish --format sarif=shiftready.sarif --format junit=junit.xml',
    'shiftready check config --fail-on warn --max-warnings 0',
    'shiftready check config --fix-dry-run',
    'cat org.yaml | shiftready check - --stdin-filename config/org.yaml config',
  ],
  compile: ['shiftready compile config --from 2027-01-04 --to 2027-01-11', 'shiftready compile config --format ics --out shifts.ics'],
  status: ['shiftready status config', 'shiftready status config --at "2027-03-14 02:30" --format json'],
  explain: ['shiftready explain config --portal website-chat --at "2027-01-05 22:15"'],
  report: ['shiftready report config --from 2027-01-01 --to 2027-04-01', 'shiftready report config --format html --out coverage.html'],
  suggest: ['shiftready suggest config --from 2027-01-04 --to 2027-02-01', 'shiftready suggest config --format markdown --out gaps.md'],
  holidays: ['shiftready holidays config --year 2027', 'shiftready holidays config --year 2027 --format markdown'],
  diff: ['shiftready diff config --base origin/main', 'shiftready diff config --base origin/main --format markdown --fail-on-new-gaps'],
  init: ['shiftready init config --timezone Europe/Berlin'],
};

const EXIT_CODES = [
  '  0    no findings at or above --fail-on (check); the command did its job',
  '  1    findings at or above --fail-on, or a configuration with errors given to a command that needs a valid one',
  '  2    usage or I/O error: a bad option, a file that cannot be read or written, nothing matched',
  '  3    internal error: a bug in shiftready (please report it)',
  '  129, 130, 143  stopped by SIGHUP, SIGINT or SIGTERM (a file being written is removed)',
];

const ENVIRONMENT = [
  '  SHIFTREADY_NOW      pin "now" for reproducible runs, like --now (e.g. 2027-01-05T09:00)',
  '  SHIFTREADY_WORKERS  threads that parse large configurations (0 or 1: one thread)',
  '  SHIFTREADY_DEBUG    set to show the stack trace of an internal error',
  '  NO_COLOR            set (not empty) to never colour the output; --color wins over it',
  '  FORCE_COLOR         set to colour the output even when it is not a terminal (0 or false: never)',
];

function section(title: string, lines: readonly string[]): string {
  return `\n${title}:\n${lines.join('\n')}\n`;
}

/** The top-level help's epilogue: examples of the main commands, exit codes, environment. */
export const PROGRAM_HELP =
  section('Examples', [...['check', 'status', 'report'].map((c) => `  $ ${EXAMPLES[c]![0]}`), '  $ shiftready rules placeholder-only']) +
  section('Exit codes', EXIT_CODES) +
  section('Environment', ENVIRONMENT) +
  '\nDocumentation: https://github.com/shiftready/shiftready#readme\n';

/** A command's help epilogue: its examples, the exit codes and the environment. */
export function commandHelp(command: string): string {
  const examples = EXAMPLES[command] ?? [];
  return (
    (examples.length
      ? section(
          'Examples',
          examples.map((e) => `  $ ${e}`),
        )
      : '') +
    section('Exit codes', EXIT_CODES) +
    section('Environment', ENVIRONMENT)
  );
}
