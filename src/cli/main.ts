#!/usr/bin/env node
/**
 * The CLI entry point and its one top-level catch (SPEC §5 exit codes): 0 clean, 1 findings at
 * or above --fail-on (or a config with errors given to a timeline command), 2 usage or I/O error,
 * 3 internal error with a request to report it. A stack trace is never the user's message.
 */
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { CommanderError } from 'commander';
import { ConfigHasErrors, systemErrorText, UsageError } from '../errors.js';
import { forTerminal } from '../format/escape.js';
import { processIO, removeTemporaryFiles, stdoutFailure, watchStdout, type CliIO } from './io.js';
import { buildProgram } from './program.js';

export const BUG_REPORT_URL = 'https://github.com/shiftready/shiftready/issues';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], processIo: CliIO = processIO()): Promise<number> {
  // Whatever a message quotes (a path, a value), it must not act on the terminal (SPEC §5).
  const io: CliIO = { ...processIo, stderr: (t) => processIo.stderr(forTerminal(t)) };
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    // No arguments: the help, on standard output, as asked for (SPEC §5).
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
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

/** Exit codes for the signals that stop a run, as shells report them (128 + the signal's number). */
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

if (isMain()) {
  watchStdout();
  // A signal stops the run; an output file half written is removed, never left behind.
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
  runCli(process.argv.slice(2)).then(
    async (code) => {
      // SPEC §5: output that could not be written (a full disk, a closed stream) is an I/O error.
      const failure = await stdoutFailure();
      // (A usage error, exit 2, has said so already when the failure stopped the writing.)
      if (failure && code !== 2) {
        process.stderr.write(`shiftready: cannot write the output to standard output: ${systemErrorText(failure)}\n`);
      }
      process.exitCode = failure ? 2 : code;
    },
    () => {
      process.exitCode = 3;
    },
  );
}
