/**
 * `compile`, `status` and `explain` end to end (SPEC §3, §5, §5.1, §5.2). Every expected value is
 * worked out by hand in the comments.
 *
 * The configuration ORG (BASE + the lines below), America/Chicago = UTC-6 in January 2026, so
 * local HH:MM is (HH+6):MM UTC:
 *
 * - users: ana (admin, both programs and permissions, mobile alerts) is away the whole local day
 *   2026-01-07 = [2026-01-07T06:00Z, 2026-01-08T06:00Z); ben (chat only, no alerts); ph, a
 *   placeholder in chat-program who can receive chat; cy, in sms-program only but able to receive
 *   chat (not in the program of a chat shift); dee, in chat-program without any permission.
 * - `weekday-chat`: chat-program/chat, Mon-Fri 09:00-17:00 (15:00Z-23:00Z), staff
 *   [ana, ph, ben, cy, dee]. Counting (SPEC §3.2): ana (unless away), ph, ben; cy is not in
 *   chat-program, dee cannot receive chat. So staff [ana, ben, ph], humans [ana, ben], alerts [ana];
 *   on Wednesday staff [ben, ph], humans [ben], alerts [].
 * - `evening-sms`: sms-program/sms, Mon-Wed 18:00-22:00 (00:00Z-04:00Z next UTC day), staff [ana].
 *   Wednesday's (2026-01-08T00:00Z-04:00Z) is unstaffed: ana is away.
 * - override `lunch` (index 0): portal web, Tue 2026-01-06 12:00-13:00 (18:00Z-19:00Z), by ana.
 * - override without id (index 1, named "1", SPEC §3.3): the organization, Thu 2026-01-08
 *   16:00-16:30 (22:00Z-22:30Z), by ana.
 * - rules: staff-not-in-program and staff-lacks-permission are turned down to warnings (cy and dee
 *   would otherwise be errors), so the configuration has warnings only.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE, cli, tempDir } from '../helpers.js';

const ORG = `${BASE.replace('    mobileAlerts: true\n', '    mobileAlerts: true\n    away:\n      - { from: 2026-01-07, to: 2026-01-07 }\n')}  - id: ph
    placeholder: true
    programs: [chat-program]
    canReceive: [chat]
  - id: cy
    programs: [sms-program]
    canReceive: [chat, sms]
  - id: dee
    programs: [chat-program]
shifts:
  - id: weekday-chat
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana, ph, ben, cy, dee]
  - id: evening-sms
    program: sms-program
    messaging: sms
    start: "18:00"
    end: "22:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE
    from: 2026-01-05
    staff: [ana]
overrides:
  - id: lunch
    portal: web
    offline: 2026-01-06T12:00
    online: 2026-01-06T13:00
    by: ana
    note: Team lunch
  - offline: 2026-01-08T16:00
    online: 2026-01-08T16:30
    by: ana
`;
const RULES = `rules:
  staff-not-in-program: warn
  staff-lacks-permission: warn
`;
const CONFIG = ORG + RULES;

/** The same with an unknown user `zoe` on weekday-chat: an unknown-reference error. */
const WITH_ERROR = CONFIG.replace('staff: [ana, ph, ben, cy, dee]', 'staff: [ana, ph, ben, cy, dee, zoe]');

const CHAT_DEFAULT = 'We apologize...The Chat is currently unavailable. Please try back later';
const SMS_MESSAGE = 'Text line closed. In danger? Call 911.';
const WITHIN = 'Currently within a staffed Messaging shift time';
const NOT_WITHIN = 'Currently not within a staffed Messaging shift time';

const dir = () => tempDir({ 'org.yaml': CONFIG });

afterEach(() => {
  vi.unstubAllEnvs();
});

async function statusJson(at: string, cwd = dir()) {
  const run = await cli(['status', '--format', 'json', '--at', at], cwd);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** Exact JSON: same value and the same key order as SPEC §5.2. */
function expectExactJson(stdout: string, expected: unknown) {
  const parsed = JSON.parse(stdout);
  expect(parsed).toEqual(expected);
  expect(JSON.stringify(parsed)).toBe(JSON.stringify(expected));
}

/** An offline portal in status JSON (no staffed shift → empty lists). */
const offlinePortal = (id: string, reason: string, inLegend: boolean, offlineMessage: string, log: unknown[]) => ({
  id,
  online: false,
  reason,
  inLegend,
  newConversations: 'rejected',
  offlineMessage,
  existingConversations: null,
  shifts: [],
  staff: [],
  humans: [],
  log,
});
/**
 * web switched off during weekday-chat (SPEC §3.2, 1.1): conversations in progress continue, and
 * the people on shift are still listed — on Tuesday and Thursday ana, ben and ph count.
 */
const webSwitchedOff = (inLegend: boolean, log: unknown[]) => ({
  ...offlinePortal('web', 'override', inLegend, CHAT_DEFAULT, log),
  existingConversations: 'continue',
  shifts: ['weekday-chat'],
  staff: ['ana', 'ben', 'ph'],
  humans: ['ana', 'ben'],
});
const webOnline = (log: unknown[]) => ({
  id: 'web',
  online: true,
  reason: null,
  inLegend: true,
  newConversations: 'accepted',
  offlineMessage: null,
  existingConversations: null,
  shifts: ['weekday-chat'],
  staff: ['ana', 'ben', 'ph'],
  humans: ['ana', 'ben'],
  log,
});
const entry = (action: string, at: string, scope: string, override: string) => ({ action, at, by: 'ana', scope, override });
// The four switch actions, by hand (SPEC §3.2 switches; local → UTC is +6h):
const LUNCH_OFF = entry('offline', '2026-01-06T18:00:00Z', 'portal', 'lunch');
const LUNCH_ON = entry('online', '2026-01-06T19:00:00Z', 'portal', 'lunch');
const ORG_OFF = entry('offline', '2026-01-08T22:00:00Z', 'organization', '1');
const ORG_ON = entry('online', '2026-01-08T22:30:00Z', 'organization', '1');

describe('status --format json (SPEC §5.2)', () => {
  it('(a) inside a staffed shift: web online, text offline (no-shift), empty logs', async () => {
    // Mon 2026-01-05 10:00 CST = 16:00Z: weekday-chat (15:00Z-23:00Z) covers it, ana/ben/ph count.
    // evening-sms starts at 18:00 local → text has no shift. No switch action yet → logs [].
    expectExactJson(await statusJson('2026-01-05T10:00'), {
      at: '2026-01-05T16:00:00Z',
      organization: { online: true, status: WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, []), webOnline([])],
    });
  });

  it('--at accepts an instant with Z or an offset', async () => {
    const local = await statusJson('2026-01-05T10:00');
    expect(await statusJson('2026-01-05T16:00:00Z')).toBe(local);
    expect(await statusJson('2026-01-05T11:00-05:00')).toBe(local);
  });

  it('(b) inside a portal override: reason override, web leaves the Portal Legend, chat default message', async () => {
    // Tue 12:30 = 18:30Z: weekday-chat is staffed, but web's own switch is off (lunch,
    // 18:00Z-19:00Z) → offline/override; a portal switched off on its own is not in the legend.
    // No portal is online → "not within". No offlineMessages.chat is configured → the default text.
    // web's log: lunch's offline action at 18:00Z; text is not affected by a web override.
    expectExactJson(await statusJson('2026-01-06T12:30'), {
      at: '2026-01-06T18:30:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, []), webSwitchedOff(false, [LUNCH_OFF])],
    });
  });

  it('spans are half-open: offline from the override instant, back online at its online instant', async () => {
    // At exactly 12:00 (18:00Z) the switch is off and the action is in the log ("up to at").
    expectExactJson(await statusJson('2026-01-06T12:00'), {
      at: '2026-01-06T18:00:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, []), webSwitchedOff(false, [LUNCH_OFF])],
    });
    // At exactly 13:00 (19:00Z) it is back online; log newest first.
    expectExactJson(await statusJson('2026-01-06T13:00'), {
      at: '2026-01-06T19:00:00Z',
      organization: { online: true, status: WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, []), webOnline([LUNCH_ON, LUNCH_OFF])],
    });
  });

  it('(b) inside an organization override: reason override, but every portal stays in the legend', async () => {
    // Thu 16:15 = 22:15Z: web would be online (weekday-chat staffed) but the organization switch
    // is off (override "1", 22:00Z-22:30Z) → override, inLegend true. text has no shift then, so
    // its reason is no-shift (override applies only where the portal would be online).
    // Logs: an organization action affects every portal. web has 3 actions so far, newest first.
    expectExactJson(await statusJson('2026-01-08T16:15'), {
      at: '2026-01-08T22:15:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, [ORG_OFF]), webSwitchedOff(true, [ORG_OFF, LUNCH_ON, LUNCH_OFF])],
    });
  });

  it('the log holds only the last three actions, newest first', async () => {
    // Fri 10:00 = 16:00Z: all four actions are past; web keeps the newest three (lunch's offline
    // drops out); text has the two organization actions.
    expectExactJson(await statusJson('2026-01-09T10:00'), {
      at: '2026-01-09T16:00:00Z',
      organization: { online: true, status: WITHIN },
      portals: [offlinePortal('text', 'no-shift', true, SMS_MESSAGE, [ORG_ON, ORG_OFF]), webOnline([ORG_ON, ORG_OFF, LUNCH_ON])],
    });
  });

  it('(c) no shift: both offline with their offline messages', async () => {
    // Sat 2026-01-10 12:00 = 18:00Z: no shift on Saturdays.
    expectExactJson(await statusJson('2026-01-10T12:00'), {
      at: '2026-01-10T18:00:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [
        offlinePortal('text', 'no-shift', true, SMS_MESSAGE, [ORG_ON, ORG_OFF]),
        offlinePortal('web', 'no-shift', true, CHAT_DEFAULT, [ORG_ON, ORG_OFF, LUNCH_ON]),
      ],
    });
  });

  it('an unstaffed shift (the only user away): reason unstaffed; placeholder keeps chat online without humans', async () => {
    // Wed 2026-01-07 19:00 = 2026-01-08T01:00Z: ana is away all of Wednesday (until 08T06:00Z),
    // so evening-sms covers the instant but is not staffed → text offline/unstaffed. web has no
    // shift at 19:00. Logs: text none yet (the organization override is on Thursday); web lunch's two.
    expectExactJson(await statusJson('2026-01-07T19:00'), {
      at: '2026-01-08T01:00:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [
        offlinePortal('text', 'unstaffed', true, SMS_MESSAGE, []),
        offlinePortal('web', 'no-shift', true, CHAT_DEFAULT, [LUNCH_ON, LUNCH_OFF]),
      ],
    });
    // Wed 10:00 = 16:00Z: web online with ben and ph (ana away).
    expectExactJson(await statusJson('2026-01-07T10:00'), {
      at: '2026-01-07T16:00:00Z',
      organization: { online: true, status: WITHIN },
      portals: [
        offlinePortal('text', 'no-shift', true, SMS_MESSAGE, []),
        { ...webOnline([LUNCH_ON, LUNCH_OFF]), staff: ['ben', 'ph'], humans: ['ben'] },
      ],
    });
  });

  it('uses the configured chat offline message; with one portal there is no log, and the organization switch leaves it in the legend', async () => {
    // One portal only (text removed); a chat offline message configured. With one portal there is
    // only the organization switch (SPEC §3.2, 1.1), so the override names no portal.
    const one = `${BASE.replace('  - id: text\n    type: sms\n    program: sms-program\n', '').replace(
      '  offlineMessages:\n',
      '  offlineMessages:\n    chat: "Chat is closed; call 988."\n',
    )}shifts:
  - id: weekday-chat
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana, ben]
overrides:
  - id: lunch
    offline: 2026-01-06T12:00
    online: 2026-01-06T13:00
    by: ana
`;
    const cwd = tempDir({ 'org.yaml': one });
    // Mon 10:00: online, ana and ben count (both humans); no `log` key at all.
    expectExactJson(await statusJson('2026-01-05T10:00', cwd), {
      at: '2026-01-05T16:00:00Z',
      organization: { online: true, status: WITHIN },
      portals: [
        {
          id: 'web',
          online: true,
          reason: null,
          inLegend: true,
          newConversations: 'accepted',
          offlineMessage: null,
          existingConversations: null,
          shifts: ['weekday-chat'],
          staff: ['ana', 'ben'],
          humans: ['ana', 'ben'],
        },
      ],
    });
    // Tue 12:30: switched off by lunch (an action exists, still no log); the configured text; still
    // in the legend; conversations in progress continue with ana and ben on weekday-chat.
    expectExactJson(await statusJson('2026-01-06T12:30', cwd), {
      at: '2026-01-06T18:30:00Z',
      organization: { online: false, status: NOT_WITHIN },
      portals: [
        {
          id: 'web',
          online: false,
          reason: 'override',
          inLegend: true,
          newConversations: 'rejected',
          offlineMessage: 'Chat is closed; call 988.',
          existingConversations: 'continue',
          shifts: ['weekday-chat'],
          staff: ['ana', 'ben'],
          humans: ['ana', 'ben'],
        },
      ],
    });
  });
});

describe('switches (SPEC §3.2, §3.3)', () => {
  /** A second file, read first (sorted paths: more.yaml < org.yaml), adding one override. */
  const MORE = `shiftready: 1
overrides:
  - id: text-off
    portal: text
    offline: 2026-01-12T19:00
    by: ana
`;

  it('an override without online keeps the portal offline through later shifts; unnamed overrides are numbered in the merged list', async () => {
    const cwd = tempDir({ 'org.yaml': CONFIG, 'more.yaml': MORE });
    // text-off is index 0 in the merged overrides list (more.yaml first), lunch 1, the unnamed one 2.
    // Mon 2026-01-12 18:00-22:00 = 13T00:00Z-04:00Z: online until 19:00 (13T01:00Z), then the
    // portal switch is off for good: each later evening-sms occurrence (Tue 14T00:00Z-04:00Z,
    // Wed 15T00:00Z-04:00Z) is "override"; between shifts the reason is no-shift (the portal
    // would not be online anyway). Period [2026-01-12T06:00Z, 2026-01-15T06:00Z).
    const run = await cli(['compile', '--from', '2026-01-12', '--to', '2026-01-15'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const text = JSON.parse(run.stdout).portals.find((p: { id: string }) => p.id === 'text');
    const off = (start: string, end: string, reason: string) =>
      reason === 'override'
        ? { start: `2026-01-${start}:00Z`, end: `2026-01-${end}:00Z`, state: 'offline', reason, override: 'text-off', scope: 'portal' }
        : { start: `2026-01-${start}:00Z`, end: `2026-01-${end}:00Z`, state: 'offline', reason };
    expect(text.intervals).toEqual([
      off('12T06:00', '13T00:00', 'no-shift'),
      {
        start: '2026-01-13T00:00:00Z',
        end: '2026-01-13T01:00:00Z',
        state: 'online',
        shifts: ['evening-sms'],
        staff: ['ana'],
        humans: ['ana'],
        alerts: ['ana'],
      },
      off('13T01:00', '13T04:00', 'override'),
      off('13T04:00', '14T00:00', 'no-shift'),
      off('14T00:00', '14T04:00', 'override'),
      off('14T04:00', '15T00:00', 'no-shift'),
      off('15T00:00', '15T04:00', 'override'),
      off('15T04:00', '15T06:00', 'no-shift'),
    ]);
    // The organization override is now "2".
    const thu = JSON.parse((await cli(['compile', '--from', '2026-01-08T16:00', '--to', '2026-01-08T16:30'], cwd)).stdout);
    expect(thu.portals.find((p: { id: string }) => p.id === 'web').intervals).toEqual([
      {
        start: '2026-01-08T22:00:00Z',
        end: '2026-01-08T22:30:00Z',
        state: 'offline',
        reason: 'override',
        override: '2',
        scope: 'organization',
      },
    ]);
    // Sat 2026-01-17 12:00 = 18:00Z: text has no shift (reason no-shift) but its own switch is
    // still off, so it is not in the legend. Its log: text-off's offline at 13T01:00Z, then the
    // organization's two actions.
    const sat = JSON.parse(await statusJson('2026-01-17T12:00', cwd));
    expect(sat.portals[0]).toEqual(
      offlinePortal('text', 'no-shift', false, SMS_MESSAGE, [
        entry('offline', '2026-01-13T01:00:00Z', 'portal', 'text-off'),
        entry('online', '2026-01-08T22:30:00Z', 'organization', '2'),
        entry('offline', '2026-01-08T22:00:00Z', 'organization', '2'),
      ]),
    );
  });

  it("when both switches are off the interval names the organization's override", async () => {
    const text = `${BASE}shifts:
  - id: day
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    date: 2026-01-06
    staff: [ana, ben]
overrides:
  - id: p
    portal: web
    offline: 2026-01-06T12:00
    online: 2026-01-06T13:00
    by: ana
  - id: o
    offline: 2026-01-06T12:30
    online: 2026-01-06T14:00
    by: ana
`;
    const cwd = tempDir({ 'org.yaml': text });
    // Tue 09:00-17:00 = 15:00Z-23:00Z; p (web) 18:00Z-19:00Z; o (organization) 18:30Z-20:00Z.
    const run = await cli(['compile', '--from', '2026-01-06T09:00', '--to', '2026-01-06T17:00'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const web = JSON.parse(run.stdout).portals.find((p: { id: string }) => p.id === 'web');
    const on = (start: string, end: string) => ({
      start,
      end,
      state: 'online',
      shifts: ['day'],
      staff: ['ana', 'ben'],
      humans: ['ana', 'ben'],
      alerts: ['ana'],
    });
    expect(web.intervals).toEqual([
      on('2026-01-06T15:00:00Z', '2026-01-06T18:00:00Z'),
      { start: '2026-01-06T18:00:00Z', end: '2026-01-06T18:30:00Z', state: 'offline', reason: 'override', override: 'p', scope: 'portal' },
      {
        start: '2026-01-06T18:30:00Z',
        end: '2026-01-06T20:00:00Z',
        state: 'offline',
        reason: 'override',
        override: 'o',
        scope: 'organization',
      },
      on('2026-01-06T20:00:00Z', '2026-01-06T23:00:00Z'),
    ]);
    // 12:45 (18:45Z): both off → override; web's own switch is off → not in the legend. `day` is
    // staffed then (ana and ben count): conversations in progress continue (1.1).
    const during = { existingConversations: 'continue', shifts: ['day'], staff: ['ana', 'ben'], humans: ['ana', 'ben'] };
    const both = JSON.parse(await statusJson('2026-01-06T12:45', cwd));
    expect(both.portals[1]).toEqual({
      ...offlinePortal('web', 'override', false, CHAT_DEFAULT, [
        entry('offline', '2026-01-06T18:30:00Z', 'organization', 'o'),
        entry('offline', '2026-01-06T18:00:00Z', 'portal', 'p'),
      ]),
      ...during,
    });
    // 13:30 (19:30Z): the portal switch is back on, the organization's still off → in the legend.
    const orgOnly = JSON.parse(await statusJson('2026-01-06T13:30', cwd));
    expect(orgOnly.portals[1]).toEqual({
      ...offlinePortal('web', 'override', true, CHAT_DEFAULT, [
        entry('online', '2026-01-06T19:00:00Z', 'portal', 'p'),
        entry('offline', '2026-01-06T18:30:00Z', 'organization', 'o'),
        entry('offline', '2026-01-06T18:00:00Z', 'portal', 'p'),
      ]),
      ...during,
    });
  });
});

/** The portal ids listed in the Portal Legend line of the text form. */
function legend(text: string): string[] {
  const line = text.split('\n').find((l) => l.includes('Portal Legend'));
  expect(line, text).toBeDefined();
  const listed = line!
    .slice(line!.indexOf('Portal Legend') + 'Portal Legend'.length)
    .replace(/^:?\s*/, '')
    .split(/—|not listed/)[0]!;
  return listed.split(/[,\s]+/).filter((s) => /^[a-z]+$/.test(s));
}
/** A portal's state line, up to where it says until when (the state itself, not what follows). */
const lineOf = (text: string, portal: string) =>
  (text.split('\n').find((l) => new RegExp(`\\b${portal}\\b`).test(l) && /online|offline/i.test(l)) ?? '').split(/\buntil\b/)[0]!;

describe('status --format text', () => {
  it("says whether the organization is within a staffed shift, each portal's state and the legend", async () => {
    const cwd = dir();
    const a = await cli(['status', '--at', '2026-01-05T10:00'], cwd);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(WITHIN);
    expect(a.stdout).not.toContain(NOT_WITHIN);
    expect(lineOf(a.stdout, 'web')).toMatch(/online/i);
    expect(lineOf(a.stdout, 'web')).not.toMatch(/offline/i);
    expect(lineOf(a.stdout, 'text')).toMatch(/offline/i);
    expect(a.stdout).toContain(SMS_MESSAGE);
    expect(legend(a.stdout).sort()).toEqual(['text', 'web']);

    const b = await cli(['status', '--at', '2026-01-06T12:30'], cwd);
    expect(b.stdout).toContain(NOT_WITHIN);
    expect(lineOf(b.stdout, 'web')).toMatch(/offline/i);
    expect(b.stdout).toContain('lunch');
    expect(b.stdout).toContain(CHAT_DEFAULT);
    // web is switched off on its own → not in the legend.
    expect(legend(b.stdout)).toEqual(['text']);

    // The organization switch leaves the legend as it is.
    const c = await cli(['status', '--at', '2026-01-08T16:15'], cwd);
    expect(c.stdout).toContain(NOT_WITHIN);
    expect(legend(c.stdout).sort()).toEqual(['text', 'web']);
    // text is the default format.
    expect((await cli(['status', '--format', 'text', '--at', '2026-01-08T16:15'], cwd)).stdout).toBe(c.stdout);
  });
});

describe('explain', () => {
  it('names the covering shift, every registered user and why they do not count', async () => {
    // Wed 10:00: weekday-chat covers it; ana away (whole day), ph a placeholder (counts),
    // ben counts, cy not in chat-program, dee cannot receive chat. Online.
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-07T10:00'], dir());
    expect(run.code, run.stderr).toBe(0);
    const t = run.stdout;
    expect(t).toContain('weekday-chat');
    expect(t).toMatch(/online/i);
    const about = (user: string) => t.split('\n').find((l) => new RegExp(`\\b${user}\\b`).test(l) && /count/.test(l)) ?? '';
    expect(about('ana')).toMatch(/away/);
    expect(about('ana')).toMatch(/not count/);
    expect(about('ph')).toMatch(/placeholder/);
    expect(about('ben')).not.toMatch(/not count/);
    expect(about('cy')).toMatch(/not count/);
    expect(about('cy')).toMatch(/program/);
    expect(about('dee')).toMatch(/not count/);
    expect(about('dee')).toMatch(/receive|permission/);
  });

  it('--format json gives the same facts', async () => {
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-07T10:00', '--format', 'json'], dir());
    expect(run.code).toBe(0);
    const e = JSON.parse(run.stdout);
    expect(e).toMatchObject({ portal: 'web', at: '2026-01-07T16:00:00Z', online: true, reason: null });
    expect(e.occurrences).toHaveLength(1);
    // 2026-01-07 09:00-17:00 CST; 2 count (ben, ph) of the 5 registered.
    expect(e.occurrences[0]).toMatchObject({
      shift: 'weekday-chat',
      start: '2026-01-07T15:00:00Z',
      end: '2026-01-07T23:00:00Z',
      minStaff: 1,
      counting: 2,
      staffed: true,
    });
    const users = Object.fromEntries(e.occurrences[0].users.map((u: { id: string }) => [u.id, u]));
    expect(Object.keys(users).sort()).toEqual(['ana', 'ben', 'cy', 'dee', 'ph']);
    expect(users.ana).toMatchObject({ counts: false, why: 'away' });
    expect(users.ph).toMatchObject({ counts: true, placeholder: true });
    expect(users.ben).toMatchObject({ counts: true, placeholder: false });
    expect(users.cy).toMatchObject({ counts: false });
    expect(users.cy.why).toMatch(/program/);
    expect(users.dee).toMatchObject({ counts: false });
    expect(users.dee.why).toMatch(/permission/);
  });

  it('names the switch and who set it, with a remedy, when switched off', async () => {
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-06T12:30'], dir());
    expect(run.code).toBe(0);
    const t = run.stdout;
    expect(t).toMatch(/offline/i);
    expect(t).toContain('weekday-chat');
    const switchLine = t.split('\n').find((l) => /switch/i.test(l) && l.includes('lunch') && /\bana\b/.test(l));
    expect(switchLine, t).toBeDefined();
    expect(switchLine).toMatch(/portal/);
    // A remedy: set it back online (override lunch).
    expect(t).toMatch(/would bring it online|to bring it online|remedy|fix/i);
    expect(t.split('\n').some((l) => /online/i.test(l) && l.includes('lunch') && l !== switchLine)).toBe(true);

    // The organization switch, override "1" (no id), set by ana.
    const org = (await cli(['explain', '--portal', 'web', '--at', '2026-01-08T16:15'], dir())).stdout;
    const orgLine = org.split('\n').find((l) => /organization/i.test(l) && /switch/i.test(l) && /\bana\b/.test(l) && /\b1\b/.test(l));
    expect(orgLine, org).toBeDefined();
  });

  it('gives a remedy when unstaffed or when no shift covers the time', async () => {
    // text on Wed 19:00: evening-sms covers it, ana (its only user) is away → unstaffed.
    const u = await cli(['explain', '--portal', 'text', '--at', '2026-01-07T19:00'], dir());
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('evening-sms');
    expect(u.stdout).toMatch(/not staffed|unstaffed/i);
    expect(u.stdout).toMatch(/\bana\b.*away/);
    expect(u.stdout).toMatch(/would bring it online|to bring it online/i);
    // web on Saturday: no shift; the remedy is a shift.
    const n = await cli(['explain', '--portal', 'web', '--at', '2026-01-10T12:00'], dir());
    expect(n.code).toBe(0);
    expect(n.stdout).toMatch(/no shift/i);
    expect(n.stdout).toMatch(/add a shift/i);
  });

  it('an unknown --portal is a usage error (exit 2) with a suggestion', async () => {
    const cwd = dir();
    const typo = await cli(['explain', '--portal', 'webb', '--at', '2026-01-05T10:00'], cwd);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/webb/);
    expect(typo.stderr).toMatch(/did you mean .*\bweb\b/i);
    const nope = await cli(['explain', '--portal', 'nope', '--at', '2026-01-05T10:00'], cwd);
    expect(nope.code).toBe(2);
    expect(nope.stdout).toBe('');
    expect(nope.stderr).toMatch(/nope/);
    // Nothing close: the portals are listed.
    expect(nope.stderr).toMatch(/\btext\b/);
    expect(nope.stderr).toMatch(/\bweb\b/);
    expect(nope.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a configuration with errors blocks the timeline commands', () => {
  it('compile, status and explain exit 1, print the findings on stderr and nothing on stdout', async () => {
    const cwd = tempDir({ 'org.yaml': WITH_ERROR });
    for (const argv of [
      ['compile', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['compile', '--format', 'ics', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['status', '--at', '2026-01-05T10:00'],
      ['status', '--format', 'json', '--at', '2026-01-05T10:00'],
      ['explain', '--portal', 'web', '--at', '2026-01-05T10:00'],
    ]) {
      const run = await cli(argv, cwd);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stdout, argv.join(' ')).toBe('');
      expect(run.stderr).toMatch(/unknown-reference/);
      expect(run.stderr).toMatch(/zoe/);
      expect(run.stderr).toMatch(/org\.yaml:\d+:\d+/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // --out writes nothing.
    const out = await cli(['compile', '--out', 'out.json', '--from', '2026-01-05', '--to', '2026-01-12'], cwd);
    expect(out.code).toBe(1);
    expect(existsSync(join(cwd, 'out.json'))).toBe(false);
  });

  it('warnings alone do not block; --rule can turn an error into a warning', async () => {
    const cwd = dir();
    const checked = JSON.parse((await cli(['check', '--format', 'json', '--from', '2026-01-05', '--to', '2026-01-12'], cwd)).stdout);
    expect(checked.errorCount).toBe(0);
    expect(checked.warningCount).toBeGreaterThan(0);
    expect((await cli(['compile', '--from', '2026-01-05', '--to', '2026-01-12'], cwd)).code).toBe(0);
    expect((await cli(['status', '--at', '2026-01-05T10:00'], cwd)).code).toBe(0);
    expect((await cli(['explain', '--portal', 'web', '--at', '2026-01-05T10:00'], cwd)).code).toBe(0);

    // Without the rules: section, cy and dee on weekday-chat are errors ...
    const strict = tempDir({ 'org.yaml': ORG });
    const blocked = await cli(['compile', '--from', '2026-01-05', '--to', '2026-01-12'], strict);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toBe('');
    expect(blocked.stderr).toMatch(/staff-not-in-program/);
    expect(blocked.stderr).toMatch(/staff-lacks-permission/);
    // ... and --rule turns them down, giving the same timeline.
    const allowed = await cli(
      [
        'compile',
        '--from',
        '2026-01-05',
        '--to',
        '2026-01-12',
        '--rule',
        'staff-not-in-program=warn',
        '--rule',
        'staff-lacks-permission=off',
      ],
      strict,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toBe((await cli(['compile', '--from', '2026-01-05', '--to', '2026-01-12'], cwd)).stdout);
  });
});

describe('compile --out', () => {
  it('writes the same bytes as stdout, replaces an existing file whole and leaves no temporary file', async () => {
    const cwd = dir();
    const argv = ['compile', '--from', '2026-01-05', '--to', '2026-01-12'];
    const stdout = (await cli(argv, cwd)).stdout;
    expect(stdout.length).toBeGreaterThan(0);
    writeFileSync(join(cwd, 'out.json'), 'x'.repeat(100_000)); // longer than the new content
    const run = await cli([...argv, '--out', 'out.json'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(cwd, 'out.json'), 'utf8')).toBe(stdout);
    expect(readdirSync(cwd).sort()).toEqual(['org.yaml', 'out.json']);
    for (const format of ['csv', 'ics']) {
      const direct = (await cli([...argv, '--format', format], cwd)).stdout;
      expect((await cli([...argv, '--format', format, '--out', `out.${format}`], cwd)).code).toBe(0);
      expect(readFileSync(join(cwd, `out.${format}`), 'utf8')).toBe(direct);
    }
    expect(readdirSync(cwd).sort()).toEqual(['org.yaml', 'out.csv', 'out.ics', 'out.json']);
  });

  it('an unwritable target is an I/O error (exit 2) and creates nothing', async () => {
    const cwd = dir();
    const run = await cli(['compile', '--from', '2026-01-05', '--to', '2026-01-12', '--out', 'missing/out.json'], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/missing\/out\.json/);
    expect(readdirSync(cwd)).toEqual(['org.yaml']);
  });
});

describe('periods and now', () => {
  const period = async (argv: string[], cwd = dir()) => {
    const run = await cli(['compile', ...argv], cwd);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout).period;
  };

  it('--from/--to are local dates or date-times (to exclusive), or instants with Z', async () => {
    // 2026-01-05 00:00 CST = 06:00Z.
    expect(await period(['--from', '2026-01-05', '--to', '2026-01-12'])).toEqual({
      from: '2026-01-05T06:00:00Z',
      to: '2026-01-12T06:00:00Z',
    });
    // Z instants, clipping the timeline: web is offline 12:00Z-15:00Z, online from 15:00Z.
    const run = await cli(['compile', '--from', '2026-01-05T12:00:00Z', '--to', '2026-01-05T18:00:00Z'], dir());
    expect(JSON.parse(run.stdout)).toEqual({
      shiftready: 1,
      period: { from: '2026-01-05T12:00:00Z', to: '2026-01-05T18:00:00Z' },
      portals: [
        {
          id: 'text',
          type: 'sms',
          intervals: [{ start: '2026-01-05T12:00:00Z', end: '2026-01-05T18:00:00Z', state: 'offline', reason: 'no-shift' }],
        },
        {
          id: 'web',
          type: 'chat',
          intervals: [
            { start: '2026-01-05T12:00:00Z', end: '2026-01-05T15:00:00Z', state: 'offline', reason: 'no-shift' },
            {
              start: '2026-01-05T15:00:00Z',
              end: '2026-01-05T18:00:00Z',
              state: 'online',
              shifts: ['weekday-chat'],
              staff: ['ana', 'ben', 'ph'],
              humans: ['ana', 'ben'],
              alerts: ['ana'],
            },
          ],
        },
      ],
    });
  });

  it("the default period is the 90 days from today's local midnight in the organization's zone", async () => {
    // --now 2026-01-05T03:00Z is Sun 2026-01-04 21:00 in Chicago: today is 2026-01-04 (local),
    // from = 2026-01-04 00:00 CST = 06:00Z. +90 days = 2026-04-04 (day of year 4+90 = 94: Jan 31,
    // Feb 59, Mar 90 → Apr 4), after the 2026-03-08 DST change: 00:00 CDT = 05:00Z.
    expect(await period(['--now', '2026-01-05T03:00:00Z'])).toEqual({ from: '2026-01-04T06:00:00Z', to: '2026-04-04T05:00:00Z' });
    // --now in local time, late evening: 2026-01-05 23:30 CST is already Jan 6 in UTC, but today
    // is still Jan 5 → from 2026-01-05T06:00Z; Jan 5 + 90 = Apr 5, 00:00 CDT = 05:00Z.
    expect(await period(['--now', '2026-01-05T23:30'])).toEqual({ from: '2026-01-05T06:00:00Z', to: '2026-04-05T05:00:00Z' });
  });

  it('SHIFTREADY_NOW pins now when --now is not given; --now wins', async () => {
    vi.stubEnv('SHIFTREADY_NOW', '2026-01-05T03:00:00Z');
    expect(await period([])).toEqual({ from: '2026-01-04T06:00:00Z', to: '2026-04-04T05:00:00Z' });
    expect(await period(['--now', '2026-01-05T23:30'])).toEqual({ from: '2026-01-05T06:00:00Z', to: '2026-04-05T05:00:00Z' });
    // status and explain default --at to now.
    vi.stubEnv('SHIFTREADY_NOW', '2026-01-05T10:00');
    const cwd = dir();
    const s = JSON.parse((await cli(['status', '--format', 'json'], cwd)).stdout);
    expect(s.at).toBe('2026-01-05T16:00:00Z');
    expect(s.portals.find((p: { id: string }) => p.id === 'web').online).toBe(true);
    const s2 = JSON.parse((await cli(['status', '--format', 'json', '--now', '2026-01-10T12:00'], cwd)).stdout);
    expect(s2.at).toBe('2026-01-10T18:00:00Z');
    const e = JSON.parse((await cli(['explain', '--portal', 'web', '--format', 'json'], cwd)).stdout);
    expect(e.at).toBe('2026-01-05T16:00:00Z');
  });

  it("does not depend on the machine's time zone", async () => {
    const cwd = dir();
    const argv = ['compile', '--now', '2026-01-05T03:00:00Z', '--to', '2026-01-20'];
    const before = (await cli(argv, cwd)).stdout;
    const status = (await cli(['status', '--at', '2026-01-06T12:30'], cwd)).stdout;
    vi.stubEnv('TZ', 'Asia/Kolkata');
    expect((await cli(argv, cwd)).stdout).toBe(before);
    expect((await cli(['status', '--at', '2026-01-06T12:30'], cwd)).stdout).toBe(status);
  });

  it('--to not after --from is a usage error', async () => {
    const run = await cli(['compile', '--from', '2026-01-12', '--to', '2026-01-05'], dir());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('a period of exactly ten years is allowed', async () => {
    // 2020-01-01 → 2030-01-01 holds three leap days: 3,653 days.
    const run = await cli(['compile', '--format', 'csv', '--from', '2020-01-01', '--to', '2030-01-01'], dir());
    expect(run.code, run.stderr).toBe(0);
  });

  it('ten calendar years and a day is longer than ten years, even when it holds only 3,653 days', async () => {
    // 2021-01-01 + 10 years = 2031-01-01 (10 × 365 + 2 = 3,652 days: leap days 2024 and 2028 only),
    // so 2021-01-01 → 2031-01-02 (3,653 days) is "a period longer than 10 years" (SPEC §3.1).
    const run = await cli(['compile', '--from', '2021-01-01', '--to', '2031-01-02'], dir());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/10 years/);
  });

  it('a period longer than ten years is refused with exit 2', async () => {
    for (const [from, to] of [
      ['2020-01-01', '2030-01-02'], // 10 years and a day (3,654 days)
      ['2020-01-01', '2040-01-01'],
    ]) {
      const run = await cli(['compile', '--from', from!, '--to', to!], dir());
      expect(run.code, `${from} → ${to}`).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/10 years/);
    }
  });
});
