/**
 * Whether the CLI colours what it prints (SPEC §5): `--color` / `--no-color` first (a flag given
 * for one run wins over the environment, as no-color.org asks), then `NO_COLOR` (set and not
 * empty: never), then `FORCE_COLOR` (set: always, unless `0` or `false`), else only when standard
 * output is a terminal that is not `TERM=dumb`. Output written to a file (`--out`) is never coloured.
 */
import { COLOURS, PLAIN, type Paint } from '../format/paint.js';
import type { CliIO } from './io.js';

export function colourWanted(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/** The painter for an output: colours only for standard output, and only when wanted. */
export function paintFor(io: CliIO, out: string | undefined): Paint {
  const toStdout = out === undefined || out === '-' || out === '/dev/stdout';
  return toStdout && colourWanted(io.color, io.env, io.isTTY) ? COLOURS : PLAIN;
}
