// Hostile values, by what a field holds. Each list is what a red team would type into that field:
// characters that act on a terminal, a spreadsheet, a Markdown or HTML page, an XML or iCalendar
// reader; numbers and years at and past every edge; times, rules and zones that do not exist.

/** Text that acts on the medium it is shown in, if written raw. */
export const TEXT = [
  '\x1b]0;x\x07', // set the terminal title
  '\x1b[2K\rfake line', // erase the line, then overwrite it
  'over\rwrite',
  'next\u0085line', // C1 NEL
  '\u009b31mred', // C1 CSI
  '\u202eevil\u202c', // bidi override
  '\u2066isolate\u2069',
  'nul\0byte',
  'del\x7f',
  'bell\x07',
  'tab\there',
  'line\nbreak',
  'line\u2028sep',
  '=HYPERLINK("https://e.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '![x](https://e.example/x.png)',
  '[link](javascript:alert(1))',
  '`code` ``more``',
  '```',
  '| a | b |',
  '*emph* _emph_ ~~s~~',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '<!-- comment',
  '& &amp; &#x1b; &lt;',
  ']]>',
  '<![CDATA[x]]>',
  'a,b;c\\d',
  '"quoted" \'single\'',
  '::error::injected%0A',
  '%0A%25',
  'e\u0301', // NFD é
  '\u00e9', // NFC é
  '日本語',
  '\ud800', // a lone surrogate (written out as U+FFFD)
  '😀\u200d👩',
  '',
  ' ',
  '#',
  'null',
  'true',
];

/** Ids: the pattern's edges, other scripts, normalization forms, characters it refuses. */
export const IDS = [
  'e\u0301', // NFD
  '\u00e9', // NFC
  'caf\u00e9',
  'cafe\u0301',
  'Ω-id',
  '日本',
  '_x',
  '0',
  '-lead',
  '.dot',
  'a b',
  'a/b',
  '=cmd',
  '@user',
  'x'.repeat(200),
  'x'.repeat(201),
  '<b>',
  '`tick`',
  '\u202eid',
  'id\x1b[2K',
];

export const NUMBERS = [-1, 0, 1, 2, 1e9, 2 ** 31, 2 ** 53, -(2 ** 31), 1.5, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY];

export const DATES = [
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '1970-01-01',
  '2099-12-31',
  '2100-01-01',
  '9999-12-31',
  '10000-01-01',
  '2027-02-29',
  '2028-02-29',
  '2027-13-01',
  '2027-00-10',
  '2027-03-32',
  '2027-3-1',
  '2027-03-14', // a DST change in America/Chicago
  '2027-11-07',
  '27-03-01',
  'tomorrow',
];

export const DATE_TIMES = [
  '2027-03-01T24:00',
  '2027-03-01T25:61',
  '2027-03-14T02:30', // does not exist in America/Chicago
  '2027-11-07T01:30', // happens twice there
  '2027-03-01T10:00+14:00',
  '2027-03-01T10:00-12:00',
  '2027-03-01T10:00Z',
  '2027-03-01T10:00:00.123456789Z',
  '2027-03-01T10:00+99:99',
  '2099-12-31T23:59-12:00',
  '1970-01-01T00:00+14:00',
  '0000-01-01T00:00',
  '9999-12-31T23:59',
];

export const TIMES = [
  '24:00',
  '00:00',
  '23:59',
  '25:61',
  '24:01',
  '12:60',
  '9:00',
  '09:00:00',
  '-01:00',
  '0900',
  900,
  '',
  '02:30',
  '01:30',
];

export const RRULES = [
  'FREQ=DAILY;COUNT=1000000000',
  'FREQ=DAILY;INTERVAL=1000000',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=DAILY;INTERVAL=-1',
  'FREQ=DAILY;COUNT=0',
  'FREQ=SECONDLY',
  'FREQ=MINUTELY;INTERVAL=1',
  'FREQ=HOURLY;INTERVAL=1',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=50',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=MONTHLY;BYMONTHDAY=-31,31,15',
  'FREQ=MONTHLY;BYDAY=-5FR',
  'FREQ=MONTHLY;BYDAY=+53MO',
  'FREQ=WEEKLY;BYDAY=MO,MO,MO,TU',
  'FREQ=YEARLY;BYWEEKNO=53',
  'FREQ=YEARLY;BYWEEKNO=-53,1;BYDAY=MO',
  'FREQ=YEARLY;BYYEARDAY=366',
  'FREQ=YEARLY;BYYEARDAY=-366,1,200',
  'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO',
  'FREQ=DAILY;UNTIL=99991231',
  'FREQ=DAILY;UNTIL=00010101T000000Z',
  'FREQ=DAILY;UNTIL=20270301T000000Z;COUNT=3',
  'FREQ=WEEKLY;WKST=XX',
  'FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA;INTERVAL=2',
  'FREQ=DAILY;BYHOUR=1,2,3',
  'FREQ=DAILY;BYMINUTE=0,30',
  'FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31',
  `FREQ=DAILY;BYMONTH=${Array(5000).fill(1).join(',')}`,
  'RRULE:FREQ=DAILY',
  'FREQ=FOO',
  'FREQ=daily',
  'FREQ=DAILY;FREQ=WEEKLY',
  'FREQ=DAILY;;;',
  ';',
  '',
  'FREQ=DAILY;COUNT=99999999999999999999',
  'FREQ=YEARLY;INTERVAL=100',
];

export const ZONES = [
  'EST',
  'MST',
  'Etc/GMT+5',
  'Etc/GMT-14',
  'Etc/GMT+12',
  'Mars/Base',
  '',
  'UTC',
  'utc',
  'america/chicago',
  'America/New_York',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'Europe/Dublin',
  'Antarctica/Troll',
  '+05:00',
  'Z',
  'Factory',
  'posixrules',
  '../../etc/passwd',
  'US/Pacific-New',
];

/** A long string: long enough to find quadratic work and layout that assumes short names. */
export function longText(rng) {
  return rng.pick(['A', 'é', '\x1b', '|', '`', '<', ',', '-']).repeat(rng.pick([300, 5000, 60000]));
}

/** A hostile value for a field named `key` (or for any field, now and then). */
export function hostileFor(rng, key) {
  const k = String(key ?? '');
  if (rng.chance(0.25)) return anyHostile(rng);
  if (/timezone/i.test(k)) return rng.pick(ZONES);
  if (/^(start|end)$/.test(k)) return rng.pick(TIMES);
  if (/^(from|until|date|to)$/.test(k)) return rng.pick(rng.chance(0.6) ? DATES : DATE_TIMES);
  if (/^(offline|online)$/.test(k)) return rng.pick(rng.chance(0.6) ? DATE_TIMES : DATES);
  if (k === 'repeat') return rng.pick(RRULES);
  if (/^(minStaff|minHumans|shiftready)$/.test(k)) return rng.pick(NUMBERS);
  if (/^(id|program|portal|by|onlineBy|staff|programs)$/.test(k) || /^\d+$/.test(k)) return rng.pick(IDS);
  if (k === 'except') return rng.pick(DATES);
  return rng.chance(0.1) ? longText(rng) : rng.pick(TEXT);
}

/** Any hostile value at all, whatever the field. */
export function anyHostile(rng) {
  return rng.weighted([
    [4, () => rng.pick(TEXT)],
    [2, () => rng.pick(IDS)],
    [2, () => rng.pick(NUMBERS)],
    [2, () => rng.pick(DATES)],
    [1, () => rng.pick(DATE_TIMES)],
    [1, () => rng.pick(TIMES)],
    [1, () => rng.pick(RRULES)],
    [1, () => rng.pick(ZONES)],
    [1, () => longText(rng)],
    [1, () => rng.pick([true, false, null])],
  ])();
}
