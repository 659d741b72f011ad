/**
 * SPEC §4 (1.1): "A finding's advice, followed as written, must remove that finding without
 * creating an error elsewhere." For every finding of examples/mistakes, the edit below is what its
 * message says to do, written by hand from the message (not generated from it). Each is applied
 * alone to the example; the finding must be gone and no error may appear that was not there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, loadFromTexts } from '../../src/index.js';
import type { Finding } from '../../src/findings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'examples/mistakes');
const OPTIONS = { from: '2026-03-02', to: '2026-03-16', now: '2026-03-01T00:00' };

function readAll(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readAll(path));
    else if (name.endsWith('.yaml')) out[relative(ROOT, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

const FILES = readAll(DIR);
const run = (files: Record<string, string>) =>
  check(
    loadFromTexts(
      Object.entries(files)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, text]) => ({ file, text })),
    ),
    OPTIONS,
  ).findings;
const key = (f: Finding) => `${f.file.slice('examples/mistakes/'.length)}:${f.line}:${f.column} ${f.rule}`;
/**
 * Which finding it is, without its position or wording (lines move when a fix adds or removes
 * some, and advice may name more choices after a fix): the rule, the file and what it is about —
 * the first id the message names.
 */
const what = (f: Finding) => `${f.rule} ${f.file} ${/`[^`]*`/.exec(f.message)?.[0] ?? f.message}`;

type Edit = [file: string, from: string, to: string];

/** Finding → the edits its message asks for. */
const ADVICE: Record<string, { says: RegExp; edits: Edit[] }> = {
  'organization.yaml:12:3 missing-sms-offline-message': {
    says: /add offlineMessages\.sms/,
    edits: [['organization.yaml', '    chat: "We apologize', '    sms: "Text line closed. In danger? Call 911."\n    chat: "We apologize']],
  },
  'overrides.yaml:10:9 override-not-permitted': {
    says: /name a user with an allowed role/,
    edits: [['overrides.yaml', '    by: kim\n', '    by: dana\n']],
  },
  'overrides.yaml:18:15 override-not-permitted': {
    says: /name a user with an allowed role/,
    edits: [['overrides.yaml', '    onlineBy: kim\n', '    onlineBy: dana\n']],
  },
  'overrides.yaml:23:14 override-overlap': {
    says: /end the first before the second starts/,
    edits: [['overrides.yaml', '    online: 2026-03-10T17:00\n', '    online: 2026-03-10T15:00\n']],
  },
  'programs-and-portals.yaml:26:14 portal-program-shared': {
    says: /add a program of its own to `programs` and set it here/,
    edits: [
      ['programs-and-portals.yaml', '  - id: phones\n', '  - id: phones\n  - id: teen-chat\n'],
      [
        'programs-and-portals.yaml',
        '    name: Teen Chat\n    type: chat\n    program: web-chat\n',
        '    name: Teen Chat\n    type: chat\n    program: teen-chat\n',
      ],
    ],
  },
  'shifts/chat.yaml:9:12 schema': { says: /write "09:00"/, edits: [['shifts/chat.yaml', 'start: 0900', 'start: "09:00"']] },
  'shifts/chat.yaml:17:16 single-messaging-type': {
    says: /keep chat and make a separate shift with program: text-line and messaging: sms/,
    edits: [
      ['shifts/chat.yaml', '    messaging: [chat, sms]\n', '    messaging: chat\n'],
      [
        'shifts/chat.yaml',
        '  - id: web-weekend\n',
        '  - id: text-evening-2\n    program: text-line\n    messaging: sms\n    start: "17:00"\n    end: "22:00"\n    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\n    from: 2026-01-05\n    staff: [placeholder, dana]\n\n  - id: web-weekend\n',
      ],
    ],
  },
  'shifts/chat.yaml:29:13 invalid-recurrence': { says: /BYHOUR is not allowed/, edits: [['shifts/chat.yaml', ';BYHOUR=10', '']] },
  'shifts/chat.yaml:31:32 staff-lacks-permission': {
    says: /add chat to pat's canReceive/,
    edits: [['users.yaml', '    programs: [phones]\n', '    programs: [phones]\n    canReceive: [chat]\n']],
  },
  'shifts/chat.yaml:31:32 staff-not-in-program': {
    says: /add web-chat to pat's programs/,
    edits: [['users.yaml', '    programs: [phones]\n', '    programs: [phones, web-chat]\n']],
  },
  'shifts/chat.yaml:40:12 invalid-shift-time': {
    says: /correct one of the dates/,
    edits: [['shifts/chat.yaml', 'until: 2025-12-26', 'until: 2030-12-26']],
  },
  'shifts/chat.yaml:45:16 shift-type-mismatch': {
    says: /set messaging: chat/,
    edits: [['shifts/chat.yaml', '    messaging: sms\n    start: "22:00"', '    messaging: chat\n    start: "22:00"']],
  },
  'shifts/chat.yaml:50:15 invalid-timezone': {
    says: /did you mean America\/Chicago\?/,
    edits: [['shifts/chat.yaml', 'America/Chicgo', 'America/Chicago']],
  },
  'shifts/sms.yaml:13:15 fixed-offset-timezone': {
    says: /use America\/New_York/,
    edits: [['shifts/sms.yaml', 'timezone: EST', 'timezone: America/New_York']],
  },
  'shifts/sms.yaml:14:32 staff-lacks-permission': {
    says: /add sms to kim's canReceive/,
    edits: [
      [
        'users.yaml',
        '    programs: [web-chat, text-line]\n    canReceive: [chat]\n',
        '    programs: [web-chat, text-line]\n    canReceive: [chat, sms]\n',
      ],
    ],
  },
  'shifts/sms.yaml:14:37 unknown-reference': { says: /did you mean `jordan`\?/, edits: [['shifts/sms.yaml', 'jordon]', 'jordan]']] },
  'shifts/sms.yaml:16:9 duplicate-id': {
    says: /give this shift another id/,
    edits: [['shifts/sms.yaml', '  - id: web-evening\n', '  - id: text-evening\n']],
  },
  'shifts/sms.yaml:26:14 shift-program-not-portal': {
    says: /or remove the shift if it is not a messaging shift/,
    edits: [['shifts/sms.yaml', /\n {2}- id: phones-daytime\n(?: {4}.*\n)+/.source, '\n']],
  },
  'shifts/sms.yaml:36:14 shift-program-not-portal': {
    says: /set program: text-line/,
    edits: [['shifts/sms.yaml', 'program: All Programs', 'program: text-line']],
  },
  'users.yaml:12:19 placeholder-mobile-alerts': {
    says: /remove mobileAlerts/,
    edits: [
      ['users.yaml', '    canReceive: [chat, sms]\n    mobileAlerts: true\n\n  - id: dana', '    canReceive: [chat, sms]\n\n  - id: dana'],
    ],
  },
  'users.yaml:39:5 yaml-syntax': { says: /remove or rename one/, edits: [['users.yaml', '    mobileAlerts: false\n', '']] },
};

function apply(edits: readonly Edit[]): Record<string, string> {
  const files = { ...FILES };
  for (const [file, from, to] of edits) {
    const path = `examples/mistakes/${file}`;
    const text = files[path]!;
    // A `from` that is a regular expression's source (the phones shift spans several lines).
    const next = from.startsWith('\\n') ? text.replace(new RegExp(from), to) : text.replace(from, to);
    if (next === text) throw new Error(`the edit of ${file} does not apply: ${from}`);
    files[path] = next;
  }
  return files;
}

describe("examples/mistakes: following each finding's advice (SPEC §4, 1.1)", () => {
  const before = run(FILES);

  it('has an edit for every finding, and no edit for a finding that is not there', () => {
    expect(Object.keys(ADVICE).sort()).toEqual(before.map(key).sort());
  });

  for (const [id, { says, edits }] of Object.entries(ADVICE)) {
    it(`${id}: removes it, and no other error appears`, () => {
      const finding = before.find((f) => key(f) === id)!;
      expect(finding.message).toMatch(says);
      const after = run(apply(edits));
      expect(after.map(what)).not.toContain(what(finding));
      const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map(what));
      const newErrors = after.filter((f) => f.severity === 'error' && !errorsBefore.has(what(f)));
      expect(newErrors.map((f) => `${key(f)}: ${f.message}`)).toEqual([]);
    });
  }
});
