/**
 * `compile --format json|csv|ics` on a small configuration, with every expected interval worked
 * out by hand from SPEC §3 (not copied from the program's output).
 *
 * The configuration (BASE + the lines below), in America/Chicago, which is UTC-6 in January 2026
 * (no DST change before 2026-03-08), so local HH:MM on date D is (HH+6):MM UTC:
 *
 * - user `ph`: a placeholder in chat-program who can receive chat.
 * - ana (admin, both programs, mobile alerts) is away the whole local day 2026-01-07, i.e. from
 *   2026-01-07T06:00Z to 2026-01-08T06:00Z (SPEC §3.3: away dates are whole days in the org zone).
 * - shift `weekday-chat`: chat-program/chat, Mon-Fri 09:00-17:00 from Mon 2026-01-05, staff [ana, ph]
 *   → 15:00Z-23:00Z each weekday; serves portal `web` (chat, chat-program).
 * - shift `evening-sms`: sms-program/sms, Mon-Wed 18:00-22:00, staff [ana]
 *   → 00:00Z-04:00Z on the next UTC date; serves portal `text` (sms, sms-program).
 * - override `lunch`: portal web, offline Tue 2026-01-06 12:00, online 13:00 (18:00Z-19:00Z), by ana.
 * - an override without id (index 1 in the merged list, SPEC §3.3 → named "1"): the whole
 *   organization, Thu 2026-01-08 16:00-16:30 (22:00Z-22:30Z), by ana.
 *
 * Period: --from 2026-01-05 --to 2026-01-12 = [2026-01-05T06:00Z, 2026-01-12T06:00Z).
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFromTexts } from '../../src/check.js';
import { compile, compileStream } from '../../src/compile.js';
import { formatTimelineJson, intervalJson, IntervalLines } from '../../src/format/timeline-json.js';
import { forJson } from '../../src/format/escape.js';
import { BASE, cli, tempDir } from '../helpers.js';

const WEB_NAME = 'Wébsite Live Chat — Ünïcödé Crisis Line, for the whole metro area; 24/7 "soon"';

const CONFIG = `${BASE.replace('  - id: web\n    type: chat\n', `  - id: web\n    name: '${WEB_NAME}'\n    type: chat\n`).replace(
  '    mobileAlerts: true\n',
  '    mobileAlerts: true\n    away:\n      - { from: 2026-01-07, to: 2026-01-07 }\n',
)}  - id: ph
    role: basic
    placeholder: true
    programs: [chat-program]
    canReceive: [chat]
shifts:
  - id: weekday-chat
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana, ph]
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
  - offline: 2026-01-08T16:00
    online: 2026-01-08T16:30
    by: ana
`;

const WEEK = ['--from', '2026-01-05', '--to', '2026-01-12'];

/** '05T06:00' → '2026-01-05T06:00:00Z'. */
const z = (s: string) => `2026-01-${s}:00Z`;
const noShift = (s: string, e: string) => ({ start: z(s), end: z(e), state: 'offline', reason: 'no-shift' });
const unstaffed = (s: string, e: string) => ({ start: z(s), end: z(e), state: 'offline', reason: 'unstaffed' });
const switched = (s: string, e: string, override: string, scope: string) => ({
  start: z(s),
  end: z(e),
  state: 'offline',
  reason: 'override',
  override,
  scope,
});
/** web online: weekday-chat staffed; ana + ph count, ana is the only human and has alerts. */
const webOn = (s: string, e: string) => ({
  start: z(s),
  end: z(e),
  state: 'online',
  shifts: ['weekday-chat'],
  staff: ['ana', 'ph'],
  humans: ['ana'],
  alerts: ['ana'],
});
/** text online: evening-sms staffed by ana alone. */
const textOn = (s: string, e: string) => ({
  start: z(s),
  end: z(e),
  state: 'online',
  shifts: ['evening-sms'],
  staff: ['ana'],
  humans: ['ana'],
  alerts: ['ana'],
});

/** The whole expected document, keys in the order of SPEC §5.1. */
const EXPECTED = {
  shiftready: 1,
  period: { from: z('05T06:00'), to: z('12T06:00') },
  // Sorted by id: "text" < "web".
  portals: [
    {
      id: 'text',
      type: 'sms',
      intervals: [
        noShift('05T06:00', '06T00:00'),
        textOn('06T00:00', '06T04:00'), // Mon 18:00-22:00
        noShift('06T04:00', '07T00:00'),
        textOn('07T00:00', '07T04:00'), // Tue 18:00-22:00 (ana's absence starts 07T06:00Z)
        noShift('07T04:00', '08T00:00'),
        // Wed 18:00-22:00: ana, the only registered user, is away → covered but not staffed.
        unstaffed('08T00:00', '08T04:00'),
        // The organization switch (Thu 22:00Z-22:30Z) does not matter: text would not be online
        // then anyway, so the reason stays no-shift (override only applies to "would be online").
        noShift('08T04:00', '12T06:00'),
      ],
    },
    {
      id: 'web',
      type: 'chat',
      intervals: [
        noShift('05T06:00', '05T15:00'),
        webOn('05T15:00', '05T23:00'), // Mon
        noShift('05T23:00', '06T15:00'),
        webOn('06T15:00', '06T18:00'), // Tue, until lunch
        switched('06T18:00', '06T19:00', 'lunch', 'portal'),
        webOn('06T19:00', '06T23:00'),
        noShift('06T23:00', '07T15:00'),
        // Wed: ana is away, the placeholder alone keeps it online (placeholder-only, no humans).
        { start: z('07T15:00'), end: z('07T23:00'), state: 'online', shifts: ['weekday-chat'], staff: ['ph'], humans: [], alerts: [] },
        noShift('07T23:00', '08T15:00'),
        webOn('08T15:00', '08T22:00'), // Thu, until the organization switch
        switched('08T22:00', '08T22:30', '1', 'organization'),
        webOn('08T22:30', '08T23:00'),
        noShift('08T23:00', '09T15:00'),
        webOn('09T15:00', '09T23:00'), // Fri
        noShift('09T23:00', '12T06:00'), // the weekend, to the end of the period
      ],
    },
  ],
};

describe('compile --format json', () => {
  it("is exactly the hand-computed timeline, in the spec's key order, one interval per line", async () => {
    const dir = tempDir({ 'org.yaml': CONFIG });
    const run = await cli(['compile', ...WEEK], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
    // Key order too: re-serializing the parsed value gives the expected object's serialization.
    expect(JSON.stringify(JSON.parse(run.stdout))).toBe(JSON.stringify(EXPECTED));
    // Layout: indented, one interval per line, ending with a newline.
    const intervalLines = run.stdout.split('\n').filter((l) => l.startsWith('        {"start":'));
    expect(intervalLines).toHaveLength(EXPECTED.portals.reduce((n, p) => n + p.intervals.length, 0));
    for (const line of intervalLines) expect(() => JSON.parse(line.trim().replace(/,$/, ''))).not.toThrow();
    expect(run.stdout.endsWith('}\n')).toBe(true);
    // --format json is the default.
    expect((await cli(['compile', '--format', 'json', ...WEEK], dir)).stdout).toBe(run.stdout);
  });

  it('intervals are sorted, do not overlap, cover the period exactly and equal neighbours are merged', async () => {
    const run = await cli(['compile', ...WEEK], tempDir({ 'org.yaml': CONFIG }));
    const doc = JSON.parse(run.stdout);
    for (const p of doc.portals) {
      expect(p.intervals[0].start).toBe(doc.period.from);
      expect(p.intervals.at(-1).end).toBe(doc.period.to);
      for (let i = 0; i < p.intervals.length; i++) {
        const cur = p.intervals[i];
        expect(Date.parse(cur.end)).toBeGreaterThan(Date.parse(cur.start));
        if (i === 0) continue;
        const prev = p.intervals[i - 1];
        expect(cur.start).toBe(prev.end);
        const strip = ({ start: _s, end: _e, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
        expect(strip(cur)).not.toBe(strip(prev));
      }
    }
  });

  it('online field lists are sorted by code unit (SPEC §3.3)', async () => {
    // Staff registered out of order, with ids whose code-unit order differs from locale order.
    const text = CONFIG.replace('staff: [ana, ph]', 'staff: [ph, ana, Zed]').replace(
      '  - id: ph\n',
      '  - id: Zed\n    programs: [chat-program]\n    canReceive: [chat]\n    mobileAlerts: true\n  - id: ph\n',
    );
    const run = await cli(['compile', '--from', '2026-01-05T10:00', '--to', '2026-01-05T11:00'], tempDir({ 'org.yaml': text }));
    expect(run.code).toBe(0);
    const web = JSON.parse(run.stdout).portals.find((p: { id: string }) => p.id === 'web');
    // 'Z' (0x5A) sorts before 'a' (0x61).
    expect(web.intervals).toEqual([
      {
        start: z('05T16:00'),
        end: z('05T17:00'),
        state: 'online',
        shifts: ['weekday-chat'],
        staff: ['Zed', 'ana', 'ph'],
        humans: ['Zed', 'ana'],
        alerts: ['Zed', 'ana'],
      },
    ]);
  });

  it('is streamed in several chunks that together are one JSON document', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: CONFIG }]);
    // A whole year: many intervals.
    const timeline = compile(config, { from: '2026-01-01', to: '2027-01-01' });
    const chunks = [...formatTimelineJson(timeline)];
    expect(chunks.length).toBeGreaterThan(10);
    const text = chunks.join('');
    const parsed = JSON.parse(text);
    expect(parsed.portals.map((p: { id: string }) => p.id)).toEqual(timeline.portals.map((p) => p.portal.id));
    // 2026-01-01 00:00 CST = 06:00Z; 2027-01-01 00:00 CST = 06:00Z.
    expect(parsed.period).toEqual({ from: '2026-01-01T06:00:00Z', to: '2027-01-01T06:00:00Z' });
  });

  it('compileStream builds each portal when the writer reaches it, and writes the same bytes as compile', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: CONFIG }]);
    const period = { from: '2026-01-01', to: '2027-01-01' };
    const stream = compileStream(config, period);
    const portals = stream.portals[Symbol.iterator]();
    // Nothing is built before it is asked for: the first portal comes on the first step.
    const first = portals.next();
    expect(first.done).toBe(false);
    expect(first.value!.portal.id).toBe('text');
    const rest = [...formatTimelineJson({ period: stream.period, portals: [first.value!, ...{ [Symbol.iterator]: () => portals }] })];
    expect(rest.join('')).toBe([...formatTimelineJson(compile(config, period))].join(''));
  });

  it('each interval line is exactly JSON.stringify of the interval, escaped for JSON output (any ids, reasons and lists)', () => {
    const text = fc.string({ unit: 'binary' });
    const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
    const list = fc.array(text, { maxLength: 4 });
    const interval = fc.oneof(
      fc.record({
        start: instant,
        end: instant,
        state: fc.constant('online' as const),
        shifts: list,
        staff: list,
        humans: list,
        alerts: list,
      }),
      fc.record({
        start: instant,
        end: instant,
        state: fc.constant('offline' as const),
        reason: fc.constantFrom('unstaffed' as const, 'no-shift' as const),
      }),
      fc.record({
        start: instant,
        end: instant,
        state: fc.constant('offline' as const),
        reason: fc.constant('override' as const),
        override: text,
        scope: fc.constantFrom('organization' as const, 'portal' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 5 }), fc.array(list, { minLength: 3, maxLength: 3 }), (intervals, others) => {
        const lines = new IntervalLines();
        // Twice each: the second time the staffing's JSON comes from the cache; then with the same
        // staff list but other shifts, humans or alerts lists, which must not come from it.
        const again = intervals.map((i) =>
          i.state === 'online'
            ? { ...i, shifts: others[0]!, humans: others[1]!, alerts: others[2]! }
            : { ...i, start: i.end, end: i.start },
        );
        for (const i of [...intervals, ...intervals, ...again]) {
          const expected = forJson(JSON.stringify(intervalJson(i)));
          expect(lines.line(i)).toBe(expected);
          // The bytes compile writes: the head, then the staffing's bytes.
          if (i.state === 'online')
            expect(Buffer.concat([Buffer.from(`${lines.head(i)},`), lines.staffingBytes(i)]).toString()).toBe(expected);
        }
      }),
    );
  });

  it('an organization without portals is "portals": []', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: BASE.replace(/portals:[\s\S]*?users:/, 'portals: []\nusers:') }]);
    const text = [...formatTimelineJson(compileStream(config, { from: '2026-01-05', to: '2026-01-06' }))].join('');
    expect(text).toBe(
      '{\n  "shiftready": 1,\n  "period": {\n    "from": "2026-01-05T06:00:00Z",\n    "to": "2026-01-06T06:00:00Z"\n  },\n  "portals": []\n}\n',
    );
  });
});

/**
 * Chicago local time of a UTC instant in January 2026 (UTC-6, no clock change): '2026-01-05T15:00:00Z'
 * → '2026-01-05T09:00:00-06:00'.
 */
function chicagoJanuary(utc: unknown): string {
  const local = new Date(Date.parse(String(utc)) - 6 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}-06:00`;
}

/** The CSV columns: portal,type,start,end,localStart,localEnd,zone,state,reason,override,scope,shifts,staff,humans,alerts. */
function csvRow(portal: string, type: string, i: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(' ') : '');
  return [
    portal,
    type,
    i.start,
    i.end,
    chicagoJanuary(i.start),
    chicagoJanuary(i.end),
    'America/Chicago',
    i.state,
    i.reason ?? '',
    i.override ?? '',
    i.scope ?? '',
    list(i.shifts),
    list(i.staff),
    list(i.humans),
    list(i.alerts),
  ].join(',');
}

describe('compile --format csv', () => {
  it('has a header and one row per interval, CRLF line ends (RFC 4180)', async () => {
    const run = await cli(['compile', '--format', 'csv', ...WEEK], tempDir({ 'org.yaml': CONFIG }));
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    expect(run.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = run.stdout.slice(0, -2).split('\r\n');
    const expected = [
      'portal,type,start,end,localStart,localEnd,zone,state,reason,override,scope,shifts,staff,humans,alerts',
      ...EXPECTED.portals.flatMap((p) => p.intervals.map((i) => csvRow(p.id, p.type, i))),
    ];
    // 7 text + 15 web intervals.
    expect(lines).toHaveLength(1 + 7 + 15);
    expect(lines).toEqual(expected);
    // Spot checks written out in full.
    const C = 'America/Chicago';
    expect(lines[1]).toBe(
      `text,sms,2026-01-05T06:00:00Z,2026-01-06T00:00:00Z,2026-01-05T00:00:00-06:00,2026-01-05T18:00:00-06:00,${C},offline,no-shift,,,,,,`,
    );
    expect(lines).toContain(
      `web,chat,2026-01-06T18:00:00Z,2026-01-06T19:00:00Z,2026-01-06T12:00:00-06:00,2026-01-06T13:00:00-06:00,${C},offline,override,lunch,portal,,,,`,
    );
    expect(lines).toContain(
      `web,chat,2026-01-08T22:00:00Z,2026-01-08T22:30:00Z,2026-01-08T16:00:00-06:00,2026-01-08T16:30:00-06:00,${C},offline,override,1,organization,,,,`,
    );
    expect(lines).toContain(
      `web,chat,2026-01-07T15:00:00Z,2026-01-07T23:00:00Z,2026-01-07T09:00:00-06:00,2026-01-07T17:00:00-06:00,${C},online,,,,weekday-chat,ph,,`,
    );
    expect(lines).toContain(
      `web,chat,2026-01-05T15:00:00Z,2026-01-05T23:00:00Z,2026-01-05T09:00:00-06:00,2026-01-05T17:00:00-06:00,${C},online,,,,weekday-chat,ana ph,ana,ana`,
    );
  });

  it('quotes fields holding a comma or a double quote, doubling the quote', async () => {
    // The id pattern refuses these characters, but with the schema rule switched off they reach the output.
    const text = `${BASE.replace('  - id: web\n', `  - id: 'we,"b"'\n`)}shifts:
  - id: 'day,"one"'
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    date: 2026-01-05
    staff: [ana]
`;
    const run = await cli(
      ['compile', '--format', 'csv', '--from', '2026-01-05', '--to', '2026-01-06', '--rule', 'schema=off'],
      tempDir({ 'org.yaml': text }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Portals sorted by code unit: 'text' (0x74) < 'we,"b"' (0x77).
    expect(run.stdout).toBe(
      [
        'portal,type,start,end,localStart,localEnd,zone,state,reason,override,scope,shifts,staff,humans,alerts',
        'text,sms,2026-01-05T06:00:00Z,2026-01-06T06:00:00Z,2026-01-05T00:00:00-06:00,2026-01-06T00:00:00-06:00,America/Chicago,offline,no-shift,,,,,,',
        '"we,""b""",chat,2026-01-05T06:00:00Z,2026-01-05T15:00:00Z,2026-01-05T00:00:00-06:00,2026-01-05T09:00:00-06:00,America/Chicago,offline,no-shift,,,,,,',
        '"we,""b""",chat,2026-01-05T15:00:00Z,2026-01-05T23:00:00Z,2026-01-05T09:00:00-06:00,2026-01-05T17:00:00-06:00,America/Chicago,online,,,,"day,""one""",ana,ana,ana',
        '"we,""b""",chat,2026-01-05T23:00:00Z,2026-01-06T06:00:00Z,2026-01-05T17:00:00-06:00,2026-01-06T00:00:00-06:00,America/Chicago,offline,no-shift,,,,,,',
        '',
      ].join('\r\n'),
    );
  });
});

/** Parses an ICS text with ical.js and returns its VEVENTs. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((e) => {
    const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = e.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: String(e.getFirstPropertyValue('uid')),
      summary: String(e.getFirstPropertyValue('summary')),
      start: start.toJSDate().toISOString().replace('.000Z', 'Z'),
      end: end.toJSDate().toISOString().replace('.000Z', 'Z'),
      startIsUtc: start.zone?.tzid === 'UTC',
      endIsUtc: end.zone?.tzid === 'UTC',
    };
  });
}

describe('compile --format ics', () => {
  it('has one VEVENT per online interval, in UTC, naming the portal and the staff', async () => {
    const run = await cli(['compile', '--format', 'ics', ...WEEK], tempDir({ 'org.yaml': CONFIG }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const evs = events(run.stdout);
    // The online intervals of EXPECTED: 2 for text, 7 for web.
    const online = EXPECTED.portals.flatMap((p) =>
      p.intervals
        .filter((i) => i.state === 'online')
        .map((i) => ({ portal: p.id, ...(i as { start: string; end: string; staff: string[] }) })),
    );
    expect(online).toHaveLength(9);
    expect(evs).toHaveLength(9);
    const key = (e: { start: string; end: string }) => `${e.start}/${e.end}`;
    expect(evs.map(key).sort()).toEqual(online.map(key).sort());
    for (const e of evs) {
      expect(e.startIsUtc && e.endIsUtc).toBe(true);
      const interval = online.find((o) => key(o) === key(e))!;
      // The summary names the portal (its name or its id) and everyone who counts.
      const portalName = interval.portal === 'web' ? WEB_NAME : 'text';
      expect(e.summary.includes(portalName) || e.summary.includes(interval.portal)).toBe(true);
      for (const s of interval.staff) expect(e.summary).toContain(s);
    }
    // The placeholder-only Wednesday event: the summary names ph.
    const wed = evs.find((e) => e.start === '2026-01-07T15:00:00Z')!;
    expect(wed.end).toBe('2026-01-07T23:00:00Z');
    expect(wed.summary).toContain('ph');
    expect(wed.summary).not.toContain('ana');
  });

  it('UIDs are unique and stable across runs (and across periods containing the same event)', async () => {
    const dir = tempDir({ 'org.yaml': CONFIG });
    const a = await cli(['compile', '--format', 'ics', ...WEEK], dir);
    const b = await cli(['compile', '--format', 'ics', ...WEEK], dir);
    expect(b.stdout).toBe(a.stdout);
    const uids = events(a.stdout).map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(events(b.stdout).map((e) => e.uid)).toEqual(uids);
    // A wider period that contains the same (unclipped) online intervals keeps their UIDs.
    const wider = await cli(['compile', '--format', 'ics', '--from', '2026-01-01', '--to', '2026-01-20'], dir);
    const wideUids = new Set(events(wider.stdout).map((e) => e.uid));
    for (const uid of uids) expect(wideUids.has(uid)).toBe(true);
  });

  it('is RFC 5545 text: CRLF line ends, lines folded to at most 75 octets, unfolding restores the text', async () => {
    const run = await cli(['compile', '--format', 'ics', ...WEEK], tempDir({ 'org.yaml': CONFIG }));
    const ics = run.stdout;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // No bare CR or LF.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // The long, non-ASCII portal name forced some folding ...
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    // ... and no fold split a UTF-8 sequence: every physical line is valid UTF-8 on its own.
    for (const line of lines)
      expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').equals(Buffer.from(line, 'utf8'))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    // Unfolded (RFC 5545 §3.1), the summary of a web event holds the portal name intact
    // (ical.js unescapes \, and \;).
    const web = events(ics).filter((e) => e.start === '2026-01-05T15:00:00Z');
    expect(web).toHaveLength(1);
    expect(web[0]!.summary).toContain(WEB_NAME);
    const required = ['VERSION:2.0', 'PRODID:'];
    for (const r of required) expect(lines.some((l) => l.startsWith(r))).toBe(true);
    // Every VEVENT carries UID, DTSTAMP and DTSTART (RFC 5545 §3.6.1).
    const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    const blocks = unfolded.join('\n').split('BEGIN:VEVENT').slice(1);
    expect(blocks.length).toBe(events(ics).length);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).toMatch(/\nUID:/);
      expect(block).toMatch(/\nDTSTAMP:\d{8}T\d{6}Z\n/);
      expect(block).toMatch(/\nDTSTART:\d{8}T\d{6}Z\n/);
      expect(block).toMatch(/\nDTEND:\d{8}T\d{6}Z\n/);
    }
  });

  it('writes the same bytes with --out as on stdout', async () => {
    const dir = tempDir({ 'org.yaml': CONFIG });
    const stdout = (await cli(['compile', '--format', 'ics', ...WEEK], dir)).stdout;
    const run = await cli(['compile', '--format', 'ics', '--out', 'week.ics', ...WEEK], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'week.ics'), 'utf8')).toBe(stdout);
  });
});
