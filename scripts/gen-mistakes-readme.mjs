import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
// Regenerates examples/mistakes/README.md from the tool's real output (run after `npm run build`).
// The explanations below are keyed by finding; test/examples checks the README stays exact.
const root = new URL('..', import.meta.url).pathname;
const run = (args) => {
  try {
    return {
      out: execFileSync('node', ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }),
      code: 0,
    };
  } catch (e) {
    return { out: e.stdout, code: e.status };
  }
};
const stylish = run(['check', 'examples/mistakes']);
const json = JSON.parse(run(['check', 'examples/mistakes', '--format', 'json']).out);
const P = 'examples/mistakes/';
const E = {
  [`${P}organization.yaml:12:3 missing-sms-offline-message`]: {
    title: 'No SMS offline message',
    what: 'The organization has a Text Line, but `offlineMessages` only has the chat text. When someone switches the Text Line offline, new texters are turned away with nothing useful: no number to call, no word about where to get help now. (Chat visitors get a default text; texters do not.)',
    fix: 'Add an SMS offline message that points to immediate help:\n\n```yaml\n  offlineMessages:\n    chat: "We apologize...The Chat is currently unavailable. Please try back later"\n    sms: "Our text line is closed right now. If you are in danger call 911, or call or text 988."\n```',
  },
  [`${P}overrides.yaml:10:9 override-not-permitted`]: {
    title: 'A basic volunteer switched a portal offline',
    what: 'The fire-drill override is recorded as made by kim, a basic volunteer. `offlineControl` is not set, so only admins may take portals offline and back online: the override describes something kim could not have done.',
    fix: 'Record who really did it (`by: dana`, an admin), or, if shift leads should have the switch, extend the roles and use one of them: `offlineControl: [admin, enhanced]` with `by: omar`. Do not give the switch to basic users just to silence this.',
  },
  [`${P}overrides.yaml:18:15 override-not-permitted`]: {
    title: '...and set the portal back online',
    what: 'After the upgrade, `onlineBy: kim` records that kim set the website chat back online. Setting a portal back online needs the same permission as taking it offline: the roles in `offlineControl`.',
    fix: 'Record who really set it back online (`onlineBy: dana`, or drop `onlineBy`: it defaults to `by`).',
  },
  [`${P}overrides.yaml:23:14 override-overlap`]: {
    title: 'Two offline periods on the same switch overlap',
    what: "The website chat's switch was already off for the software upgrade (13:00-17:00) when the training override claims to switch it off at 15:00. A switch holds one offline period at a time; whoever set it back online at 16:30 would have ended the upgrade's offline period too, so the file does not describe what happened.",
    fix: 'Keep one period per stretch of offline time: drop `training-afternoon` (the upgrade already covers it), or end `system-upgrade` at 15:00 and let the training period run 15:00-17:00.',
  },
  [`${P}programs-and-portals.yaml:26:14 portal-program-shared`]: {
    title: 'Two portals share one program',
    what: 'The Teen Chat portal was copied from the website chat and still points at `web-chat`. Every portal needs its own portal program: with a shared one, a shift for `web-chat` could not say which chat it brings online, and teen volunteers would be assigned to the adult chat.',
    fix: 'Create a program for the teen portal and use it:\n\n```yaml\nprograms:\n  - id: teen-chat\n    name: Teen Chat Program\nportals:\n  - id: teen-chat\n    type: chat\n    program: teen-chat\n```',
  },
  [`${P}shifts/chat.yaml:9:12 schema`]: {
    title: 'An unquoted time',
    what: 'YAML 1.2 reads `start: 0900` as the number 900, not a time, so the weekday chat shift has no valid start.',
    fix: 'Quote every time and write it as `HH:MM`: `start: "09:00"`.',
  },
  [`${P}shifts/chat.yaml:17:16 single-messaging-type`]: {
    title: 'One shift for both chat and texting',
    what: 'A messaging shift is for exactly one messaging type, the type of its portal. `messaging: [chat, sms]` does not bring both the website chat and the Text Line online; it is not a valid messaging shift at all.',
    fix: 'Set `messaging: chat` here and add a separate shift with `program: text-line` and `messaging: sms` for the evening text line, registering users who can receive SMS.',
  },
  [`${P}shifts/chat.yaml:29:13 invalid-recurrence`]: {
    title: 'BYHOUR in a repeat rule',
    what: 'The time of day of a shift comes from `start` and `end`; the RRULE only chooses the dates. BYHOUR, BYMINUTE, BYSECOND and FREQ=HOURLY, MINUTELY or SECONDLY are refused so that a rule cannot quietly disagree with `start`.',
    fix: 'Remove `;BYHOUR=10`: `repeat: FREQ=WEEKLY;BYDAY=SA,SU` with `start: "10:00"`. For two different times of day, write two shifts.',
  },
  [`${P}shifts/chat.yaml:31:32 staff-lacks-permission`]: {
    title: 'A phone volunteer on a chat shift (no chat permission)',
    what: 'pat answers phones only and does not have "Can receive Instant Messages". Registered on the weekend chat shift, pat gets no chat pop-ups and does not count towards staffing: the shift looks staffed on paper while pat is not answering chats.',
    fix: 'If pat should answer chat, give both steps: `canReceive: [chat]` and the `web-chat` program (see the next finding). Otherwise remove pat from `staff`.',
  },
  [`${P}shifts/chat.yaml:31:32 staff-not-in-program`]: {
    title: '...and not assigned to the chat program',
    what: 'The same entry fails the other step too: pat is not assigned to `web-chat`. Program assignment and messaging permission are both needed, for every user and every portal program; fixing only one of them still leaves pat out.',
    fix: "Add `web-chat` to pat's `programs` together with `chat` in `canReceive`, or remove pat from the shift.",
  },
  [`${P}shifts/chat.yaml:40:12 invalid-shift-time`]: {
    title: '`until` before `from`',
    what: 'The Boxing Day cover shift starts its series on 2026-12-26 but ends it on 2025-12-26 (a year typed wrong), so it would never happen.',
    fix: 'Correct the year (`until: 2030-12-26`), or drop `until` so the series does not end.',
  },
  [`${P}shifts/chat.yaml:45:16 shift-type-mismatch`]: {
    title: "A shift's type differs from its portal's type",
    what: "The overnight shift is for program `web-chat`, the website chat's program, but says `messaging: sms`. A shift serves a portal only when both the program and the type match, so this shift would bring nothing online.",
    fix: 'Set `messaging: chat` (or, if an overnight text line was meant, use `program: text-line`).',
  },
  [`${P}shifts/chat.yaml:50:15 invalid-timezone`]: {
    title: 'A misspelt time zone',
    what: "`America/Chicgo` is not an IANA zone name, so the overnight shift's times cannot be placed on the clock.",
    fix: 'Write `timezone: America/Chicago`, or simply remove `timezone`: shifts default to `organization.timezone`.',
  },
  [`${P}shifts/sms.yaml:13:15 fixed-offset-timezone`]: {
    title: '`EST` is not Eastern Time',
    what: '`EST` is a valid zone name, but it means UTC−5 all year. From March to November the text day shift would start at 09:00 New York time, not 08:00 — an hour late every day, with no other warning. (And this Chicago helpline probably did not mean an Eastern zone at all.)',
    fix: 'Remove `timezone` (shifts default to `organization.timezone`), or name the place: `timezone: America/New_York`.',
  },
  [`${P}shifts/sms.yaml:14:32 staff-lacks-permission`]: {
    title: 'A volunteer on an SMS shift without SMS permission',
    what: 'kim is registered on the Text Line day shift and assigned to its program, but does not have "Can receive Texting / SMS Messages". kim gets no text pop-ups or mobile alerts and does not count: the text line can end up with only the placeholder.',
    fix: "Add `sms` to kim's `canReceive` (after SMS training), or remove kim from the shift. kim is assigned to the `text-line` program without being able to receive texts, which is the root of this finding; shiftready reports it here, on the shift where it matters, and not a second time on kim.",
  },
  [`${P}shifts/sms.yaml:14:37 unknown-reference`]: {
    title: 'A user who does not exist',
    what: '`jordon` is a typo for `jordan`. A misspelt name on a shift is someone who believes they are registered and is not.',
    fix: 'Write `jordan`.',
  },
  [`${P}shifts/sms.yaml:16:9 duplicate-id`]: {
    title: 'A duplicate id across files',
    what: 'The evening text line shift was copied from the evening chat shift in `shifts/chat.yaml` and kept its id. Ids are unique within a section across all files; reports, overrides and `explain` name shifts by id.',
    fix: 'Rename it: `id: text-evening`.',
  },
  [`${P}shifts/sms.yaml:26:14 shift-program-not-portal`]: {
    title: 'A messaging shift for the phone lines',
    what: '`phones` belongs to no portal. A messaging shift for it can never bring a portal online; phone rota shifts are not messaging shifts.',
    fix: 'Remove the shift from the messaging configuration (keep phone rotas elsewhere). Setting `program: web-chat` would make it a chat shift — but pat, its only user, answers phones only, so only do that with chat volunteers on it.',
  },
  [`${P}shifts/sms.yaml:36:14 shift-program-not-portal`]: {
    title: 'A shift "for All Programs"',
    what: "The one mistake iCarol's help article names: a shift for all programs never brings a portal online, however it is spelled (`all`, `All Programs`, `*`). Only a shift for a portal's own program does, so the weekend text line stays closed.",
    fix: "Use the Text Line's program: `program: text-line` (jordan is assigned to it and can receive SMS). One shift per portal.",
  },
  [`${P}users.yaml:12:19 placeholder-mobile-alerts`]: {
    title: 'Mobile alerts on the placeholder',
    what: 'The placeholder is a "fake" user that keeps portals online; it is nobody, and no mobile alert reaches a person through it. `mobileAlerts: true` here suggests someone is being alerted when nobody is.',
    fix: 'Remove `mobileAlerts` from the placeholder, and make sure real users with `mobileAlerts: true` are on its shifts.',
  },
  [`${P}users.yaml:39:5 yaml-syntax`]: {
    title: 'A key written twice',
    what: "jordan's entry has `mobileAlerts: false` and, a line later, `mobileAlerts: true`. YAML keeps only one of them, so whoever reads the file cannot tell whether jordan is alerted.",
    fix: 'Keep one line: `mobileAlerts: true`.',
  },
};
const rules = new Set(json.findings.map((f) => f.rule));
let md = `# Example: common mistakes

A configuration for a small helpline ("Lakeside Helpline": a website chat, a teen chat and a text
line) that is full of realistic mistakes. Each one is explained below, with the fix. All
locations and messages are the tool's actual output (a test keeps this page in step with it).

\`\`\`console
$ npx shiftready check examples/mistakes
${stylish.out.trimEnd()}
$ echo $?
${stylish.code}
\`\`\`

${json.findings.length} findings (${json.errorCount} errors, ${json.warningCount} warnings) from ${rules.size} different rules. The exit code is
**${stylish.code}** because there are findings at or above \`--fail-on\` (default \`error\`); a clean
configuration exits 0 and a usage error (bad flag, missing path) exits 2.

While there are structural errors (schema, duplicate ids, unknown references, invalid time zones
or recurrences, ...) the time-based rules (coverage, holidays, placeholder-only, ...) do not run:
their findings would be noise. Fix these first, then check again.

## The findings, one by one

`;
json.findings.forEach((f, i) => {
  const key = `${f.file}:${f.line}:${f.column} ${f.rule}`;
  const e = E[key];
  if (!e) throw new Error('no explanation for ' + key);
  md += `### ${i + 1}. ${e.title}\n\n\`${f.file}:${f.line}:${f.column}\` · \`${f.rule}\` (${f.severity})\n\n> ${f.message}\n\n`;
  md += `**What is wrong.** ${e.what}\n\n**Fix.** ${e.fix}\n\n`;
});
for (const k of Object.keys(E))
  if (!json.findings.some((f) => `${f.file}:${f.line}:${f.column} ${f.rule}` === k)) throw new Error('stale explanation ' + k);
md += `## Try it

\`\`\`sh
npx shiftready check examples/mistakes                  # stylish output, exit code 1
npx shiftready check examples/mistakes --format json    # machine-readable, with related locations
npx shiftready check examples/mistakes --quiet          # errors only
npx shiftready rules staff-lacks-permission             # a rule's documentation
\`\`\`

Compare with [\`../crisis-line\`](../crisis-line/README.md), a larger configuration that checks clean.
`;
writeFileSync(root + '/examples/mistakes/README.md', md);
console.log('ok', json.findings.length, rules.size);
