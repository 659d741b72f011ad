/** `shiftready init [dir]`: a small, valid starter configuration that `check` passes. */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemErrorText, UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { checkZoneName } from '../time/zone.js';
import { makeDirectory, type CliIO } from './io.js';

export const STARTER_FILE = 'shiftready.yaml';

/** The schema's path inside the package. */
const SCHEMA_IN_PACKAGE = join('schema', 'shiftready.schema.json');

/** Where editors find the schema from a file written into `dir`. */
export interface SchemaLink {
  /** The modeline's path: relative to `dir`, with `/`, starting with `./` or `../`. */
  path: string;
  /** Not installed there yet: the directory where `npm install --save-dev shiftready` puts it. */
  installIn?: string;
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function modelinePath(from: string, to: string): string {
  const rel = relative(from, to).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/**
 * The schema a file in `dir` should name in its modeline. yaml-language-server resolves a relative
 * `$schema` from the file's own folder, so the path is computed from `dir` (decisions.md, Editors):
 * the nearest `node_modules/shiftready` of `dir` or an ancestor (where Node finds the package);
 * else, inside a checkout of shiftready itself, its own schema; else (npx, a global install) the
 * place a local install will put it, in the nearest folder with a `package.json` (or `cwd`).
 * Never an absolute path or a cache folder: the file is committed and opened on other machines.
 */
export function schemaLink(dir: string, cwd: string): SchemaLink {
  const installed = findUp(dir, (at) => join(at, 'node_modules', 'shiftready', SCHEMA_IN_PACKAGE));
  if (installed !== undefined) return { path: modelinePath(dir, installed) };
  const root = fileURLToPath(PACKAGE_ROOT);
  if (isInside(dir, root)) return { path: modelinePath(dir, join(root, SCHEMA_IN_PACKAGE)) };
  const manifest = findUp(dir, (at) => join(at, 'package.json'));
  const project = manifest !== undefined ? dirname(manifest) : isInside(dir, cwd) ? cwd : dir;
  return { path: modelinePath(dir, join(project, 'node_modules', 'shiftready', SCHEMA_IN_PACKAGE)), installIn: project };
}

/** The first of `candidate(dir)`, `candidate(parent)`, … up to the root that exists. */
function findUp(dir: string, candidate: (at: string) => string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(candidate(at))) return candidate(at);
    if (dirname(at) === at) return undefined;
  }
}

export function starterConfig(timezone: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# A starter shiftready configuration: one Live Chat portal, two people, weekday shifts.
# Check it with:  npx shiftready check
shiftready: 1

organization:
  id: my-helpline
  name: My Helpline
  timezone: ${timezone}              # IANA zone of every local date and time below
  offlineControl: [admin]            # roles that may take portals offline
  offlineMessages:
    chat: "We apologize...The Chat is currently unavailable. Please try back later"

programs:
  - id: chat-program
    name: Live Chat Portal Program

portals:
  - id: website-chat
    name: Website Live Chat
    type: chat                       # chat | sms
    program: chat-program            # the portal's own program

users:
  - id: alex
    name: Alex Rivera
    role: admin
    programs: [chat-program]         # program assignment ...
    canReceive: [chat]               # ... and permission: both are needed
    mobileAlerts: true
  - id: sam
    name: Sam Lee
    role: basic
    programs: [chat-program]
    canReceive: [chat]
    mobileAlerts: true

shifts:
  - id: weekday-chat
    program: chat-program
    messaging: chat                  # exactly one messaging type: the portal's
    start: "09:00"                   # quote times
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [alex, sam]

requirements:
  - id: weekday-daytime-chat
    portal: website-chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
`;
}

export function runInit(dir: string | undefined, options: { force?: boolean; timezone: string }, io: CliIO): number {
  const zone = checkZoneName(options.timezone);
  if (!zone.ok) {
    throw new UsageError(
      `--timezone ${options.timezone}: not an IANA time zone name${zone.suggestion ? `; did you mean ${zone.suggestion}?` : ''}`,
    );
  }
  const target = resolve(io.cwd, dir ?? '.');
  const file = join(target, STARTER_FILE);
  if (existsSync(file) && !options.force) {
    throw new UsageError(
      `${dir === undefined ? STARTER_FILE : join(dir, STARTER_FILE)} already exists: remove it or use --force to overwrite`,
    );
  }
  makeDirectory(target, dir ?? '.');
  const schema = schemaLink(target, io.cwd);
  try {
    writeFileSync(file, starterConfig(options.timezone, schema.path));
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${systemErrorText(e)}`);
  }
  // Paths as the user wrote them.
  const shownDir = dir ?? '.';
  const shown = dir === undefined ? STARTER_FILE : join(dir, STARTER_FILE);
  const install =
    schema.installIn === undefined
      ? ''
      : `Its first line points editors to ${schema.path}, which is not there yet: run \`npm install --save-dev shiftready\` in ${relative(io.cwd, schema.installIn) || '.'} for completion and checking as you type.\n`;
  io.stdout(`Wrote ${shown}.\n${install}Next: edit it, then run \`npx shiftready check ${shownDir}\`.\n`);
  return 0;
}
