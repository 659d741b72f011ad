/**
 * `compile --format ics` and `--format csv` as their consumers read them: calendars (ical.js, and
 * Python's icalendar where installed) and a strict CSV parser (csv-parse). Every expected value is
 * worked out by hand below, not copied from the program's output.
 */
import ICAL from 'ical.js';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, skipNote, tempDir } from '../helpers.js';

/**
 * America/Chicago, UTC-6 all of January 2026, so local HH:MM is (HH+6):MM UTC.
 * - portal `web` (Web Chat): shift `day` daily 09:00-17:00 from 2026-01-01 → 15:00Z-23:00Z.
 * - portal `line`: shift `allday` daily 00:00-24:00 from 2026-01-01 → one unbroken online interval
 *   from 2026-01-01 00:00 local = 2026-01-01T06:00Z.
 * - override `drill`: web, 2026-01-21 10:00-11:00 = 16:00Z-17:00Z, by ana, with a two-line note.
 * - an override without id (index 1 → "1"): the organization, 2026-01-22 12:00-12:30 =
 *   18:00Z-18:30Z, by ana.
 */
const ORG = `shiftready: 1
organization:
  id: org
  timezone: America/Chicago
  offlineMessages: { sms: "Closed" }
programs: [{ id: chat-program }, { id: sms-program }]
portals:
  - { id: web, name: Web Chat, type: chat, program: chat-program }
  - { id: line, type: sms, program: sms-program }
users:
  - id: ana
    name: 'Ana; Admin, "Boss"'
    role: admin
    programs: [chat-program, sms-program]
    canReceive: [chat, sms]
shifts:
  - { id: day, program: chat-program, messaging: chat, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ana] }
  - { id: allday, program: sms-program, messaging: sms, start: "00:00", end: "24:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ana] }
overrides:
  - id: drill
    portal: web
    offline: 2026-01-21T10:00
    online: 2026-01-21T11:00
    by: ana
    note: |-
      Fire drill; back soon, really
      second \\ line
  - offline: 2026-01-22T12:00
    online: 2026-01-22T12:30
    by: ana
`;

interface Event {
  uid: string;
  stamp: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  categories: string[];
}

const iso = (t: ICAL.Time) => t.toJSDate().toISOString().replace('.000Z', 'Z');

/** The VEVENTs as ical.js reads them. */
function icalJs(ics: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    stamp: iso(e.getFirstPropertyValue('dtstamp') as ICAL.Time),
    start: iso(e.getFirstPropertyValue('dtstart') as ICAL.Time),
    end: iso(e.getFirstPropertyValue('dtend') as ICAL.Time),
    summary: String(e.getFirstPropertyValue('summary')),
    description: String(e.getFirstPropertyValue('description')),
    categories: e.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
  }));
}

/** A Python with the icalendar package (Debian: python3-icalendar), if there is one. */
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);

/** The VEVENTs as Python's icalendar reads them. */
function pythonIcalendar(ics: string): Event[] {
  const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
def iso(p): return p.dt.strftime('%Y-%m-%dT%H:%M:%SZ')
out = []
for e in cal.walk('VEVENT'):
    cats = e.get('categories')
    out.append({'uid': str(e['uid']), 'stamp': iso(e['dtstamp']), 'start': iso(e['dtstart']), 'end': iso(e['dtend']),
                'summary': str(e['summary']), 'description': str(e['description']), 'categories': [str(c) for c in cats.cats] if cats else []})
print(json.dumps(out))
`;
  const r = spawnSync(PYTHON!, ['-c', script], { input: ics, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Event[];
}

const READERS: [string, (ics: string) => Event[], string | undefined][] = [
  ['ical.js', icalJs, undefined],
  ['Python icalendar', pythonIcalendar, PYTHON ? undefined : 'no python3 with icalendar (apt-get install python3-icalendar)'],
];

async function ics(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const run = await cli(['compile', '--format', 'ics', ...args], tempDir({ 'org.yaml': ORG }), env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

const NOTE = 'Fire drill; back soon, really\nsecond \\ line';
const ANA = 'Ana; Admin, "Boss"';

describe.each(READERS)('compile --format ics read by %s', (_reader, read, skip) => {
  const test = skip ? it.skip : it;
  const note = skipNote(skip);

  test(`an event cut by --from keeps its UID: the UID is the interval's own start${note}`, async () => {
    const whole = read(await ics(['--from', '2026-01-21', '--to', '2026-01-22']));
    // --from 09:30 local (15:30Z) cuts web's 15:00Z-16:00Z event of the 21st.
    const cut = read(await ics(['--from', '2026-01-21T09:30', '--to', '2026-01-22']));
    const web = (events: Event[]) => events.find((e) => e.uid === 'web/20260121T150000Z@shiftready');
    expect(web(whole)).toMatchObject({ start: '2026-01-21T15:00:00Z', end: '2026-01-21T16:00:00Z' });
    expect(web(cut)).toMatchObject({ start: '2026-01-21T15:30:00Z', end: '2026-01-21T16:00:00Z' });
    // Every UID of the cut calendar is in the whole one: a subscribed calendar updates, never duplicates.
    expect(cut.map((e) => e.uid).filter((uid) => !whole.some((e) => e.uid === uid))).toEqual([]);
    // line has been online since 2026-01-01 00:00 local (06:00Z): its first event, however late the
    // period starts, is named by that start — 20 days before --from.
    const line = whole.filter((e) => e.uid.startsWith('line/'));
    expect(line[0]).toMatchObject({ uid: 'line/20260101T060000Z@shiftready', start: '2026-01-21T06:00:00Z', end: '2026-01-22T06:00:00Z' });
  });

  test(`DTSTAMP is the epoch unless --now or SHIFTREADY_NOW pins it; the same input gives the same bytes${note}`, async () => {
    const a = await ics(['--from', '2026-01-21', '--to', '2026-01-22']);
    expect(await ics(['--from', '2026-01-21', '--to', '2026-01-22'])).toBe(a);
    expect(new Set(read(a).map((e) => e.stamp))).toEqual(new Set(['1970-01-01T00:00:00Z']));
    // 2026-01-20 08:00 local = 14:00Z.
    const pinned = read(await ics(['--from', '2026-01-21', '--to', '2026-01-22', '--now', '2026-01-20T08:00']));
    expect(new Set(pinned.map((e) => e.stamp))).toEqual(new Set(['2026-01-20T14:00:00Z']));
    const env = read(await ics(['--from', '2026-01-21', '--to', '2026-01-22'], { ...process.env, SHIFTREADY_NOW: '2026-01-20T08:00' }));
    expect(env).toEqual(pinned);
  });

  test(`--include-offline adds an event per switched-off interval: who switched off, the note${note}`, async () => {
    const plain = read(await ics(['--from', '2026-01-21', '--to', '2026-01-23']));
    expect(plain.filter((e) => e.categories.includes('switched-off'))).toEqual([]);
    const events = read(await ics(['--from', '2026-01-21', '--to', '2026-01-23', '--include-offline']));
    // Online events are the same with or without the flag.
    expect(events.filter((e) => !e.categories.includes('switched-off'))).toEqual(plain);
    const off = events.filter((e) => e.categories.includes('switched-off'));
    expect(off.map(({ uid, start, end, summary, categories }) => ({ uid, start, end, summary, categories }))).toEqual([
      {
        uid: 'line/20260122T180000Z@shiftready',
        start: '2026-01-22T18:00:00Z',
        end: '2026-01-22T18:30:00Z',
        summary: `line switched off with the organization by ${ANA}`,
        categories: ['line', 'switched-off'],
      },
      {
        uid: 'web/20260121T160000Z@shiftready',
        start: '2026-01-21T16:00:00Z',
        end: '2026-01-21T17:00:00Z',
        summary: `Web Chat switched off by ${ANA}: Fire drill; back soon, really second \\ line`,
        categories: ['web', 'switched-off'],
      },
      {
        uid: 'web/20260122T180000Z@shiftready',
        start: '2026-01-22T18:00:00Z',
        end: '2026-01-22T18:30:00Z',
        summary: `Web Chat switched off with the organization by ${ANA}`,
        categories: ['web', 'switched-off'],
      },
    ]);
    expect(off[1]!.description).toBe(
      [
        'Portal: web (chat)',
        'Switch: the portal (override drill)',
        `By: ana — ${ANA}`,
        `Note: ${NOTE}`,
        'New help seekers are turned away; conversations in progress continue.',
      ].join('\n'),
    );
  });
});

describe('compile --include-offline', () => {
  it('is for --format ics: with json or csv it is a usage error', async () => {
    const run = await cli(['compile', '--format', 'json', '--include-offline', '--from', '2026-01-21'], tempDir({ 'org.yaml': ORG }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--include-offline is for --format ics');
  });
});

describe('compile --format csv read by csv-parse (strict)', () => {
  /**
   * America/Los_Angeles. 2027-03-14 (second Sunday of March) clocks go 02:00 PST → 03:00 PDT;
   * 2027-11-07 (first Sunday of November) 02:00 PDT → 01:00 PST. Shift `night` daily 00:00-06:00.
   * Override `maint`: offline at the *second* 01:30 of 2027-11-07 (written with its offset,
   * -08:00 = 09:30Z), online 03:00 PST (11:00Z).
   */
  const LA = `shiftready: 1
organization: { id: org, timezone: America/Los_Angeles }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users: [{ id: ana, role: admin, programs: [chat-program], canReceive: [chat] }]
shifts:
  - { id: night, program: chat-program, messaging: chat, start: "00:00", end: "06:00", repeat: FREQ=DAILY, from: 2027-03-01, staff: [ana] }
overrides:
  - { id: maint, offline: "2027-11-07T01:30-08:00", online: 2027-11-07T03:00, by: ana }
`;

  async function rows(from: string, to: string): Promise<Record<string, string>[]> {
    const run = await cli(['compile', '--format', 'csv', '--from', from, '--to', to], tempDir({ 'org.yaml': LA }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Strict by default: every record has the header's column count, quotes are RFC 4180.
    return parse(run.stdout, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  }

  const pick = (r: Record<string, string>) => [r.start, r.end, r.localStart, r.localEnd, r.zone, r.state, r.reason];

  it('spring forward: local times carry the offset in force (-08:00 before, -07:00 after)', async () => {
    // Period 2027-03-14 00:00 PST (08:00Z) to 2027-03-15 00:00 PDT (07:00Z). The shift runs
    // 00:00 PST (08:00Z) to 06:00 PDT (13:00Z): 5 hours.
    const got = await rows('2027-03-14', '2027-03-15');
    expect(got.map(pick)).toEqual([
      [
        '2027-03-14T08:00:00Z',
        '2027-03-14T13:00:00Z',
        '2027-03-14T00:00:00-08:00',
        '2027-03-14T06:00:00-07:00',
        'America/Los_Angeles',
        'online',
        '',
      ],
      [
        '2027-03-14T13:00:00Z',
        '2027-03-15T07:00:00Z',
        '2027-03-14T06:00:00-07:00',
        '2027-03-15T00:00:00-07:00',
        'America/Los_Angeles',
        'offline',
        'no-shift',
      ],
    ]);
  });

  it('fall back: the repeated hour is told apart by its offset', async () => {
    // Period 2027-11-07 00:00 PDT (07:00Z) to 2027-11-08 00:00 PST (08:00Z). The shift runs
    // 00:00 PDT (07:00Z) to 06:00 PST (14:00Z): 7 hours, switched off 09:30Z-11:00Z, i.e. from
    // the second 01:30 (PST) — the first 01:30 (PDT) was 08:30Z.
    const got = await rows('2027-11-07', '2027-11-08');
    expect(got.map(pick)).toEqual([
      [
        '2027-11-07T07:00:00Z',
        '2027-11-07T09:30:00Z',
        '2027-11-07T00:00:00-07:00',
        '2027-11-07T01:30:00-08:00',
        'America/Los_Angeles',
        'online',
        '',
      ],
      [
        '2027-11-07T09:30:00Z',
        '2027-11-07T11:00:00Z',
        '2027-11-07T01:30:00-08:00',
        '2027-11-07T03:00:00-08:00',
        'America/Los_Angeles',
        'offline',
        'override',
      ],
      [
        '2027-11-07T11:00:00Z',
        '2027-11-07T14:00:00Z',
        '2027-11-07T03:00:00-08:00',
        '2027-11-07T06:00:00-08:00',
        'America/Los_Angeles',
        'online',
        '',
      ],
      [
        '2027-11-07T14:00:00Z',
        '2027-11-08T08:00:00Z',
        '2027-11-07T06:00:00-08:00',
        '2027-11-08T00:00:00-08:00',
        'America/Los_Angeles',
        'offline',
        'no-shift',
      ],
    ]);
    // Each local time names the same instant as its UTC column.
    for (const r of got) {
      expect(Date.parse(r.localStart!)).toBe(Date.parse(r.start!));
      expect(Date.parse(r.localEnd!)).toBe(Date.parse(r.end!));
    }
  });
});
