/**
 * Staffing and portal state (SPEC §3.2, §3.3), by hand. All in America/Chicago in January 2026
 * (UTC-6): a local 09:00 is 15:00Z. Monday 2026-01-05.
 */
import { describe, expect, it } from 'vitest';
import { loadFromTexts } from '../../src/check.js';
import { ConfigHasErrors } from '../../src/errors.js';
import { compile } from '../../src/compile.js';
import { formatInstant } from '../../src/time/civil.js';
import type { PortalInterval } from '../../src/timeline/types.js';

const HEAD = `shiftready: 1
organization: { id: o, timezone: America/Chicago, offlineControl: [admin] }
programs: [{ id: chat-program }, { id: sms-program }]
portals:
  - { id: web, type: chat, program: chat-program }
  - { id: text, type: sms, program: sms-program }
`;
const USERS = `users:
  - { id: ana, role: admin, programs: [chat-program, sms-program], canReceive: [chat, sms], mobileAlerts: true }
  - { id: ben, role: basic, programs: [chat-program], canReceive: [chat] }
  - { id: cy, role: basic, programs: [chat-program], canReceive: [chat], mobileAlerts: true }
  - { id: fake, placeholder: true, programs: [chat-program, sms-program], canReceive: [chat, sms] }
`;

function describeInterval(i: PortalInterval): string {
  const span = `${formatInstant(i.start).slice(11, 16)}-${formatInstant(i.end).slice(11, 16)}`;
  if (i.state === 'online')
    return `${span} online shifts=${i.shifts.join(',')} staff=${i.staff.join(',')} humans=${i.humans.join(',')} alerts=${i.alerts.join(',')}`;
  return `${span} offline ${i.reason}${i.reason === 'override' ? ` ${i.override}/${i.scope}` : ''}`;
}

/** Intervals of one portal on Monday 2026-01-05 between 12:00Z and 24:00Z (06:00-18:00 local). */
function day(text: string, portal = 'web', from = '2026-01-05T12:00Z', to = '2026-01-06T00:00Z'): string[] {
  const timeline = compile(loadFromTexts([{ file: 't.yaml', text }]), { from, to, rules: { 'user-without-access': 'off' } });
  return timeline.portals.find((p) => p.portal.id === portal)!.intervals.map(describeInterval);
}

const shift = (id: string, staff: string, extra = '', start = '09:00', end = '17:00') =>
  `  - { id: ${id}, program: chat-program, messaging: chat, start: "${start}", end: "${end}", date: 2026-01-05, staff: [${staff}]${extra} }\n`;

describe('who counts', () => {
  it('a staffed shift brings the portal online; humans exclude placeholders; alerts are humans with mobileAlerts', () => {
    expect(day(`${HEAD}${USERS}shifts:\n${shift('s', 'fake, ben, ana')}`)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-23:00 online shifts=s staff=ana,ben,fake humans=ana,ben alerts=ana',
      '23:00-00:00 offline no-shift',
    ]);
  });

  it('users without the program or the permission do not count: the shift is unstaffed', () => {
    const users = `users:\n  - { id: ana, role: admin, programs: [sms-program], canReceive: [chat] }\n  - { id: ben, programs: [chat-program], canReceive: [sms] }\n`;
    const text = `${HEAD}${users}shifts:\n${shift('s', 'ana, ben')}rules: { staff-not-in-program: off, staff-lacks-permission: off }\n`;
    expect(day(text)).toEqual(['12:00-15:00 offline no-shift', '15:00-23:00 offline unstaffed', '23:00-00:00 offline no-shift']);
  });

  it('minStaff: two counting users are needed', () => {
    expect(day(`${HEAD}${USERS}shifts:\n${shift('s', 'ben', ', minStaff: 2')}`)).toContain('15:00-23:00 offline unstaffed');
    expect(day(`${HEAD}${USERS}shifts:\n${shift('s', 'ben, cy', ', minStaff: 2')}`)).toContain(
      '15:00-23:00 online shifts=s staff=ben,cy humans=ben,cy alerts=cy',
    );
  });

  it('a placeholder alone keeps the portal online with no humans', () => {
    expect(day(`${HEAD}${USERS}shifts:\n${shift('s', 'fake')}`)).toContain('15:00-23:00 online shifts=s staff=fake humans= alerts=');
  });

  it('away date-times are exact and their end is exclusive; the staffing changes inside the shift', () => {
    // ben is away 11:00-13:00 local = 17:00Z-19:00Z.
    const users = USERS.replace(
      '{ id: ben, role: basic,',
      '{ id: ben, away: [{ from: 2026-01-05T11:00, to: 2026-01-05T13:00 }], role: basic,',
    );
    expect(day(`${HEAD}${users}shifts:\n${shift('s', 'ben', ', minStaff: 1')}`)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-17:00 online shifts=s staff=ben humans=ben alerts=',
      '17:00-19:00 offline unstaffed',
      '19:00-23:00 online shifts=s staff=ben humans=ben alerts=',
      '23:00-00:00 offline no-shift',
    ]);
  });

  it('away dates are whole local days, `to` inclusive', () => {
    // Away 2026-01-04..2026-01-05 covers all of Monday (until Tuesday 00:00 local = 06:00Z).
    const users = USERS.replace('{ id: ben, role: basic,', '{ id: ben, away: [{ from: 2026-01-04, to: 2026-01-05 }], role: basic,');
    expect(day(`${HEAD}${users}shifts:\n${shift('s', 'fake, ben')}`)).toContain('15:00-23:00 online shifts=s staff=fake humans= alerts=');
    // A single away date means that day.
    const single = USERS.replace('{ id: ben, role: basic,', '{ id: ben, away: [2026-01-05], role: basic,');
    expect(day(`${HEAD}${single}shifts:\n${shift('s', 'fake, ben')}`)).toContain('15:00-23:00 online shifts=s staff=fake humans= alerts=');
  });

  it('overlapping shifts: staff of the staffed ones only, each user once', () => {
    const shifts = shift('a', 'ana, ben') + shift('b', 'ben', ', minStaff: 2', '13:00', '17:00');
    // b (19:00Z-23:00Z) is never staffed (only ben), so it adds nothing.
    expect(day(`${HEAD}${USERS}shifts:\n${shifts}`)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-23:00 online shifts=a staff=ana,ben humans=ana,ben alerts=ana',
      '23:00-00:00 offline no-shift',
    ]);
    const both = shift('a', 'ana') + shift('b', 'ana, cy', '', '13:00', '19:00');
    // b runs 13:00-19:00 local = 19:00Z-01:00Z; the period ends at 00:00Z.
    expect(day(`${HEAD}${USERS}shifts:\n${both}`)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-19:00 online shifts=a staff=ana humans=ana alerts=ana',
      '19:00-23:00 online shifts=a,b staff=ana,cy humans=ana,cy alerts=ana,cy',
      '23:00-00:00 online shifts=b staff=ana,cy humans=ana,cy alerts=ana,cy',
    ]);
  });

  it('a shift serves only the portal of its program and type', () => {
    const text = `${HEAD}${USERS}shifts:\n${shift('s', 'ana')}  - { id: t, program: sms-program, messaging: sms, start: "09:00", end: "10:00", date: 2026-01-05, staff: [ana] }\n`;
    expect(day(text, 'text')).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-16:00 online shifts=t staff=ana humans=ana alerts=ana',
      '16:00-00:00 offline no-shift',
    ]);
  });
});

describe('switches', () => {
  const base = `${HEAD}${USERS}shifts:\n${shift('s', 'ana')}`;

  it('a portal override: reason override with its id and scope; online again at `online` (exclusive)', () => {
    const text = `${base}overrides:\n  - { id: drill, portal: web, offline: 2026-01-05T10:00, online: 2026-01-05T11:00, by: ana }\n`;
    expect(day(text)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-16:00 online shifts=s staff=ana humans=ana alerts=ana',
      '16:00-17:00 offline override drill/portal',
      '17:00-23:00 online shifts=s staff=ana humans=ana alerts=ana',
      '23:00-00:00 offline no-shift',
    ]);
  });

  it('without `online` the portal stays offline through later shifts; between shifts the reason is no-shift', () => {
    const text = `${base}  - { id: s2, program: chat-program, messaging: chat, start: "09:00", end: "17:00", date: 2026-01-06, staff: [ana] }\noverrides:\n  - { id: closed, portal: web, offline: 2026-01-05T10:00, by: ana }\n`;
    expect(day(text, 'web', '2026-01-05T12:00Z', '2026-01-07T00:00Z')).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-16:00 online shifts=s staff=ana humans=ana alerts=ana',
      '16:00-23:00 offline override closed/portal',
      '23:00-15:00 offline no-shift',
      '15:00-23:00 offline override closed/portal',
      '23:00-00:00 offline no-shift',
    ]);
  });

  it("the organization switch takes every portal offline; when both are off the organization's override is named", () => {
    const text = `${base}overrides:\n  - { id: org-off, offline: 2026-01-05T10:00, online: 2026-01-05T12:00, by: ana }\n  - { id: web-off, portal: web, offline: 2026-01-05T11:00, online: 2026-01-05T13:00, by: ana }\n`;
    expect(day(text)).toEqual([
      '12:00-15:00 offline no-shift',
      '15:00-16:00 online shifts=s staff=ana humans=ana alerts=ana',
      '16:00-18:00 offline override org-off/organization',
      '18:00-19:00 offline override web-off/portal',
      '19:00-23:00 online shifts=s staff=ana humans=ana alerts=ana',
      '23:00-00:00 offline no-shift',
    ]);
  });

  it('an override without id is named by its 0-based position in the merged list', () => {
    const text = `${base}overrides:\n  - { offline: 2026-01-04T10:00, online: 2026-01-04T11:00, by: ana }\n  - { portal: web, offline: 2026-01-05T10:00, online: 2026-01-05T11:00, by: ana }\n`;
    expect(day(text)).toContain('16:00-17:00 offline override 1/portal');
  });

  it('an unstaffed portal under a switch is `unstaffed`, not `override` (it would not be online)', () => {
    const text = `${HEAD}${USERS}shifts:\n${shift('s', 'ben', ', minStaff: 2')}overrides:\n  - { portal: web, offline: 2026-01-05T08:00, by: ana }\n`;
    expect(day(text)).toEqual(['12:00-15:00 offline no-shift', '15:00-23:00 offline unstaffed', '23:00-00:00 offline no-shift']);
  });
});

describe('intervals', () => {
  it('cover the period exactly, sorted, with neighbours of equal fields merged', () => {
    const text = `${HEAD}${USERS}shifts:\n  - { id: s, program: chat-program, messaging: chat, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ana] }\n  - { id: t, program: chat-program, messaging: chat, start: "17:00", end: "09:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ben] }\n`;
    const timeline = compile(loadFromTexts([{ file: 't.yaml', text }]), { from: '2026-01-05', to: '2026-01-08' });
    const intervals = timeline.portals.find((p) => p.portal.id === 'web')!.intervals;
    expect(intervals[0]!.start).toBe(timeline.period.from);
    expect(intervals[intervals.length - 1]!.end).toBe(timeline.period.to);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!.start).toBe(intervals[i - 1]!.end);
    // Alternating ana/ben every 8 or 16 hours: 00:00-09:00 ben, 09:00-17:00 ana, 17:00-09:00 ben … (local).
    expect(intervals.map(describeInterval).map((x) => x.split(' ').slice(0, 1)[0])).toEqual([
      '06:00-15:00',
      '15:00-23:00',
      '23:00-15:00',
      '15:00-23:00',
      '23:00-15:00',
      '15:00-23:00',
      '23:00-06:00',
    ]);
  });

  it('commands that need a timeline refuse a configuration with errors', () => {
    const text = `${HEAD}${USERS}shifts:\n${shift('s', 'nobody')}`;
    expect(() => compile(loadFromTexts([{ file: 't.yaml', text }]), { from: '2026-01-05', to: '2026-01-06' })).toThrow(ConfigHasErrors);
  });
});
