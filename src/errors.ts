/**
 * The error kinds that reach the CLI's one top-level catch. Anything else thrown is a bug and
 * becomes exit 3 with a request to report it.
 */

/** Bad invocation or unreadable input: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that needs a timeline was given a configuration with errors: exit 1. */
export class ConfigHasErrors extends Error {
  override readonly name = 'ConfigHasErrors';
  /** `where`: which configuration, when it is not the one in the working tree (e.g. "at origin/main"). */
  /**
   * `runAnyway`: the rules whose errors `--rule ID=warn` would let the command run past (SPEC §5);
   * none for structural errors.
   */
  constructor(
    readonly findings: readonly import('./findings.js').Finding[],
    readonly runAnyway: readonly string[] = [],
    readonly where?: string,
  ) {
    super(`the configuration${where ? ` ${where}` : ''} has errors; fix them first (run \`shiftready check\`)`);
  }
}
