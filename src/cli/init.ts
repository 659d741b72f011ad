/** `shiftready init [dir]`: a small, valid starter configuration that `check` passes. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemErrorText, UsageError } from '../errors.js';
import { checkZoneName } from '../time/zone.js';
import { makeDirectory, type CliIO } from './io.js';

export const STARTER_FILE = 'shiftready.yaml';

export function starterConfig(timezone: string): string {
  return `# yaml-language-server: $schema=./node_modules/shiftready/schema/shiftready.schema.json
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
  try {
    writeFileSync(file, starterConfig(options.timezone));
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${systemErrorText(e)}`);
  }
  // Paths as the user wrote them.
  const shownDir = dir ?? '.';
  const shown = dir === undefined ? STARTER_FILE : join(dir, STARTER_FILE);
  io.stdout(`Wrote ${shown}.\nNext: edit it, then run \`npx shiftready check ${shownDir}\`.\n`);
  return 0;
}
