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

/** Failed system calls in words (Node's codes), for the messages that report them. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  EBADF: 'the stream is closed',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'file name too long',
};

/** What a failed system call means, with its code: "no space left on device (ENOSPC)". */
export function systemErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(SYSTEM_ERRORS, code)) return `${SYSTEM_ERRORS[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}
