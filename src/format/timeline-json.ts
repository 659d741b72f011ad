/**
 * `compile --format json`, exactly SPEC §5.1, laid out as its example is: indented, with one
 * interval per line (a year of a large organization stays a manageable file, and a change to one
 * interval is a one-line diff). Written in chunks, so a timeline larger than the longest string
 * V8 can hold is still written.
 */
import { formatInstant } from '../time/civil.js';
import type { PortalInterval, Staffing, TimelineStream } from '../timeline/types.js';
import { forJson } from './escape.js';

export function intervalJson(i: PortalInterval): Record<string, unknown> {
  const base = { start: formatInstant(i.start), end: formatInstant(i.end), state: i.state };
  if (i.state === 'online') return { ...base, shifts: i.shifts, staff: i.staff, humans: i.humans, alerts: i.alerts };
  return i.reason === 'override' ? { ...base, reason: i.reason, override: i.override, scope: i.scope } : { ...base, reason: i.reason };
}

/**
 * `forJson(JSON.stringify(intervalJson(i)))`, written directly: a year of a large organization is
 * millions of intervals, and their staffing lists are shared arrays (timeline/pool.ts), so each
 * staffing is turned into JSON — and escaped for the medium (format/escape.ts) — once. An
 * interval's start is nearly always the previous one's end, so that text is kept too. The same
 * bytes as formatting each interval on its own (a test compares them).
 */
export class IntervalLines {
  /** By the `staff` list, which pool.ts makes once per staffing; the other lists are checked too. */
  private readonly staffings = new Map<readonly string[], StaffingJson>();
  private lastMs = Number.NaN;
  private lastText = '';

  line(i: PortalInterval): string {
    if (i.state === 'online') return `${this.head(i)},${this.staffing(i).json}}`;
    if (i.reason === 'override')
      return `${this.head(i)},"reason":"override","override":${forJson(JSON.stringify(i.override))},"scope":"${i.scope}"}`;
    return `${this.head(i)},"reason":"${i.reason}"}`;
  }

  /** The start of an interval's line, up to its state. */
  head(i: PortalInterval): string {
    return `{"start":"${this.instant(i.start)}","end":"${this.instant(i.end)}","state":"${i.state}"`;
  }

  /** The end of an online interval's line after its state and comma (`"shifts":…}`), as UTF-8. */
  staffingBytes(i: Staffing): Uint8Array {
    const entry = this.staffing(i);
    return (entry.bytes ??= Buffer.from(`${entry.json}}`));
  }

  private instant(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastText = formatInstant(ms);
    }
    return this.lastText;
  }

  private staffing(i: Staffing): StaffingJson {
    const known = this.staffings.get(i.staff);
    if (known && known.shifts === i.shifts && known.humans === i.humans && known.alerts === i.alerts) return known;
    const json = `"shifts":${listJson(i.shifts)},"staff":${listJson(i.staff)},"humans":${listJson(i.humans)},"alerts":${listJson(i.alerts)}`;
    const entry: StaffingJson = { shifts: i.shifts, humans: i.humans, alerts: i.alerts, json };
    this.staffings.set(i.staff, entry);
    return entry;
  }

  /** Forgets the staffings seen so far (those of a portal are not seen again in another). */
  forget(): void {
    this.staffings.clear();
  }
}

/** Characters JSON.stringify escapes or writes differently, and those forJson escapes. */
// eslint-disable-next-line no-control-regex -- the characters looked for
const NOT_VERBATIM = /["\\\x00-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** `forJson(JSON.stringify(list))`; ids are nearly always written as they are, which is quicker to join. */
function listJson(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  return NOT_VERBATIM.test(list.join(',')) ? forJson(JSON.stringify(list)) : `["${list.join('","')}"]`;
}

interface StaffingJson {
  shifts: readonly string[];
  humans: readonly string[];
  alerts: readonly string[];
  json: string;
  bytes?: Uint8Array;
}

/** The timeline as JSON, already escaped for its medium. */
export function formatTimelineJson(timeline: TimelineStream): Generator<string> {
  return timelineJson(timeline, false) as Generator<string>;
}

/**
 * The same JSON with each staffing's part of the lines encoded as UTF-8 once (a staffing lasts
 * many intervals): what `compile --format json` writes (its output request says `finished`).
 */
export function formatTimelineJsonEncoded(timeline: TimelineStream): Generator<string | Uint8Array> {
  return timelineJson(timeline, true);
}

function* timelineJson(timeline: TimelineStream, encoded: boolean): Generator<string | Uint8Array> {
  const lines = new IntervalLines();
  const period = { from: formatInstant(timeline.period.from), to: formatInstant(timeline.period.to) };
  yield `{\n  "shiftready": 1,\n  "period": ${JSON.stringify(period, null, 2).replace(/\n/g, '\n  ')},\n  "portals": [`;
  let firstPortal = true;
  for (const { portal, intervals } of timeline.portals) {
    yield `${firstPortal ? '' : ','}\n    {\n      "id": ${forJson(`${JSON.stringify(portal.id)}`)},\n      "type": ${forJson(`${JSON.stringify(portal.type)}`)},\n      "intervals": [`;
    firstPortal = false;
    lines.forget();
    let first = true;
    for (const interval of intervals) {
      const before = first ? '\n        ' : ',\n        ';
      first = false;
      if (encoded && interval.state === 'online') {
        yield `${before}${lines.head(interval)},`;
        yield lines.staffingBytes(interval);
      } else yield `${before}${lines.line(interval)}`;
    }
    yield intervals.length ? '\n      ]\n    }' : ']\n    }';
  }
  yield firstPortal ? ']\n}\n' : '\n  ]\n}\n';
}
