/**
 * Timelines in eight zones, by hand (transition dates and offsets: see test/time/zone.test.ts).
 * A 22:00–06:00 shift lasts 9 h on a fall-back night and 7 h on a spring-forward night (8.5 and
 * 7.5 h on Lord Howe's 30-minute change); handoffs at a shared wall-clock time never open a gap
 * or an overlap, even at a time that does not exist.
 */
import { describe, expect, it } from 'vitest';
import { loadFromTexts } from '../../src/check.js';
import { compile } from '../../src/compile.js';
import { formatInstant } from '../../src/time/civil.js';

function config(zone: string, shifts: string): string {
  return `shiftready: 1
organization: { id: o, timezone: ${zone} }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users:
  - { id: ana, role: admin, programs: [chat-program], canReceive: [chat], mobileAlerts: true }
  - { id: ben, role: basic, programs: [chat-program], canReceive: [chat] }
shifts:
${shifts}`;
}

/** Online stretches of portal `web` as "start end staff" (UTC). */
function online(text: string, from: string, to: string): string[] {
  const timeline = compile(loadFromTexts([{ file: 'z.yaml', text }]), { from, to });
  return timeline.portals[0]!.intervals.filter((i) => i.state === 'online').map(
    (i) => `${formatInstant(i.start)} ${formatInstant(i.end)}${i.state === 'online' ? ` ${i.staff.join(',')}` : ''}`,
  );
}

const NIGHT =
  '  - { id: night, program: chat-program, messaging: chat, start: "22:00", end: "06:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ana] }\n';

function hours(line: string): number {
  const [start, end] = line.split(' ') as [string, string];
  return (Date.parse(end) - Date.parse(start)) / 3_600_000;
}

describe('a 22:00–06:00 shift across clock changes', () => {
  const cases: [string, string, string, string, number][] = [
    // zone, period from, to (UTC), the night's online interval (UTC), hours
    ['America/New_York', '2026-10-31T20:00Z', '2026-11-01T14:00Z', '2026-11-01T02:00:00Z 2026-11-01T11:00:00Z ana', 9],
    ['America/New_York', '2026-03-07T20:00Z', '2026-03-08T14:00Z', '2026-03-08T03:00:00Z 2026-03-08T10:00:00Z ana', 7],
    ['Europe/London', '2026-10-24T20:00Z', '2026-10-25T10:00Z', '2026-10-24T21:00:00Z 2026-10-25T06:00:00Z ana', 9],
    ['Europe/London', '2026-03-28T20:00Z', '2026-03-29T10:00Z', '2026-03-28T22:00:00Z 2026-03-29T05:00:00Z ana', 7],
    ['Australia/Sydney', '2026-04-04T09:00Z', '2026-04-04T23:00Z', '2026-04-04T11:00:00Z 2026-04-04T20:00:00Z ana', 9],
    ['Australia/Sydney', '2026-10-03T09:00Z', '2026-10-03T23:00Z', '2026-10-03T12:00:00Z 2026-10-03T19:00:00Z ana', 7],
    ['Australia/Lord_Howe', '2026-04-04T09:00Z', '2026-04-04T23:00Z', '2026-04-04T11:00:00Z 2026-04-04T19:30:00Z ana', 8.5],
    ['Australia/Lord_Howe', '2026-10-03T09:00Z', '2026-10-03T23:00Z', '2026-10-03T11:30:00Z 2026-10-03T19:00:00Z ana', 7.5],
    ['America/Santiago', '2026-04-04T23:00Z', '2026-04-05T13:00Z', '2026-04-05T01:00:00Z 2026-04-05T10:00:00Z ana', 9],
    ['America/Santiago', '2026-09-05T23:00Z', '2026-09-06T13:00Z', '2026-09-06T02:00:00Z 2026-09-06T09:00:00Z ana', 7],
    ['America/Havana', '2026-10-31T22:00Z', '2026-11-01T14:00Z', '2026-11-01T02:00:00Z 2026-11-01T11:00:00Z ana', 9],
    ['America/Havana', '2026-03-07T22:00Z', '2026-03-08T14:00Z', '2026-03-08T03:00:00Z 2026-03-08T10:00:00Z ana', 7],
    ['Pacific/Chatham', '2026-04-04T06:00Z', '2026-04-04T20:00Z', '2026-04-04T08:15:00Z 2026-04-04T17:15:00Z ana', 9],
    ['Pacific/Chatham', '2026-09-26T06:00Z', '2026-09-26T20:00Z', '2026-09-26T09:15:00Z 2026-09-26T16:15:00Z ana', 7],
    ['Asia/Kolkata', '2026-06-01T12:00Z', '2026-06-02T04:00Z', '2026-06-01T16:30:00Z 2026-06-02T00:30:00Z ana', 8],
    ['UTC', '2026-03-29T20:00Z', '2026-03-30T10:00Z', '2026-03-29T22:00:00Z 2026-03-30T06:00:00Z ana', 8],
  ];
  for (const [zone, from, to, expected, h] of cases) {
    it(`${zone}: ${h} h on the night of ${expected.slice(0, 10)}`, () => {
      const got = online(config(zone, NIGHT), from, to);
      expect(got).toEqual([expected]);
      expect(hours(got[0]!)).toBe(h);
    });
  }
});

describe('handoffs at a shared wall-clock time', () => {
  it('17:00 hand-over: no gap, no overlap', () => {
    const shifts =
      '  - { id: day, program: chat-program, messaging: chat, start: "09:00", end: "17:00", date: 2026-01-05, staff: [ana] }\n' +
      '  - { id: eve, program: chat-program, messaging: chat, start: "17:00", end: "22:00", date: 2026-01-05, staff: [ben] }\n';
    // Chicago is UTC-6 in January.
    expect(online(config('America/Chicago', shifts), '2026-01-05T00:00Z', '2026-01-06T12:00Z')).toEqual([
      '2026-01-05T15:00:00Z 2026-01-05T23:00:00Z ana',
      '2026-01-05T23:00:00Z 2026-01-06T04:00:00Z ben',
    ]);
  });

  it('at a time that does not exist (New York 02:30 on the spring-forward day)', () => {
    const shifts =
      '  - { id: a, program: chat-program, messaging: chat, start: "22:00", end: "02:30", date: 2026-03-07, staff: [ana] }\n' +
      '  - { id: b, program: chat-program, messaging: chat, start: "02:30", end: "06:00", date: 2026-03-08, staff: [ben] }\n';
    // 22:00 EST = 03:00Z; 02:30 is read with EST = 07:30Z (03:30 EDT); 06:00 EDT = 10:00Z.
    expect(online(config('America/New_York', shifts), '2026-03-07T12:00Z', '2026-03-08T14:00Z')).toEqual([
      '2026-03-08T03:00:00Z 2026-03-08T07:30:00Z ana',
      '2026-03-08T07:30:00Z 2026-03-08T10:00:00Z ben',
    ]);
  });

  it('"24:00" meets "00:00" across Havana\'s nonexistent midnight', () => {
    const shifts =
      '  - { id: evening, program: chat-program, messaging: chat, start: "20:00", end: "24:00", date: 2026-03-07, staff: [ana] }\n' +
      '  - { id: early, program: chat-program, messaging: chat, start: "00:00", end: "08:00", date: 2026-03-08, staff: [ben] }\n';
    // Mar 7 20:00 -5 = Mar 8 01:00Z; Mar 8 00:00 does not exist: read with -5 = 05:00Z (01:00 -4);
    // 08:00 -4 = 12:00Z.
    expect(online(config('America/Havana', shifts), '2026-03-07T12:00Z', '2026-03-08T18:00Z')).toEqual([
      '2026-03-08T01:00:00Z 2026-03-08T05:00:00Z ana',
      '2026-03-08T05:00:00Z 2026-03-08T12:00:00Z ben',
    ]);
  });
});

describe('fine points of SPEC §3.1 and §3.3', () => {
  it('an occurrence whose end is not after its start covers nothing (London 01:30–02:30 on 29 March)', () => {
    // 01:30 is in the gap: read with GMT = 01:30Z (02:30 BST); 02:30 BST = 01:30Z: start == end.
    const shifts =
      '  - { id: gap, program: chat-program, messaging: chat, start: "01:30", end: "02:30", date: 2026-03-29, staff: [ana] }\n';
    expect(online(config('Europe/London', shifts), '2026-03-28T20:00Z', '2026-03-29T10:00Z')).toEqual([]);
  });

  it('an ambiguous start is the earlier instant (New York 01:30–02:30 on 1 November lasts 2 h)', () => {
    const shifts =
      '  - { id: amb, program: chat-program, messaging: chat, start: "01:30", end: "02:30", date: 2026-11-01, staff: [ana] }\n';
    // 01:30 EDT = 05:30Z; 02:30 exists once, EST = 07:30Z.
    expect(online(config('America/New_York', shifts), '2026-11-01T00:00Z', '2026-11-01T12:00Z')).toEqual([
      '2026-11-01T05:30:00Z 2026-11-01T07:30:00Z ana',
    ]);
  });

  it('start == end is a 24-hour shift; equal neighbours merge into one interval (25 h on the fall-back day)', () => {
    const shifts =
      '  - { id: allday, program: chat-program, messaging: chat, start: "00:00", end: "00:00", repeat: FREQ=DAILY, from: 2026-10-31, until: 2026-11-01, staff: [ana] }\n';
    // Oct 31 00:00 EDT = 04:00Z … Nov 2 00:00 EST = 05:00Z: 49 h in two merged occurrences (24 + 25).
    const got = online(config('America/New_York', shifts), '2026-10-30T00:00Z', '2026-11-03T00:00Z');
    expect(got).toEqual(['2026-10-31T04:00:00Z 2026-11-02T05:00:00Z ana']);
    expect(hours(got[0]!)).toBe(49);
  });

  it('"24:00" is midnight at the end of the date', () => {
    const shifts =
      '  - { id: late, program: chat-program, messaging: chat, start: "18:00", end: "24:00", date: 2026-06-01, staff: [ana] }\n';
    expect(online(config('Asia/Kolkata', shifts), '2026-06-01T00:00Z', '2026-06-02T00:00Z')).toEqual([
      '2026-06-01T12:30:00Z 2026-06-01T18:30:00Z ana',
    ]);
  });
});
