#!/usr/bin/env node
/**
 * The CLI entry point and its one top-level catch (SPEC §5 exit codes): 0 clean, 1 findings at
 * or above --fail-on (or a config with errors given to a timeline command), 2 usage or I/O error,
 * 3 internal error with a request to report it. A stack trace is never the user's message.
 */
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { CommanderError } from 'commander';
import { ConfigHasErrors, UsageError } from '../errors.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram } from './program.js';

export const BUG_REPORT_URL = 'https://github.com/shiftready/shiftready/issues';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has printed its message; help and version are not errors.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`shiftready: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigHasErrors) {
      const { findingLines, problemCount } = await import('../format/stylish.js');
      io.stderr(`shiftready: the configuration${e.where ? ` ${e.where}` : ''} has errors; fix them first:\n\n`);
      io.stderr(`${[...findingLines(e.findings), '', problemCount({ errorCount: e.findings.length, warningCount: 0 })].join('\n')}\n`);
      // SPEC §5: say how to run anyway — except past errors that leave no trustworthy structure.
      if (e.runAnyway.length)
        io.stderr(`\nTo run anyway, treat them as warnings: ${e.runAnyway.map((id) => `--rule ${id}=warn`).join(' ')}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `shiftready: internal error: ${message}\n` +
        `This is a bug in shiftready, not in your files. Please report it at ${BUG_REPORT_URL}\n` +
        'with the command you ran and, if you can, the files (set SHIFTREADY_DEBUG=1 to see the stack trace).\n',
    );
    if (io.env.SHIFTREADY_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return 3;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`shiftready … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 3;
    },
  );
}
