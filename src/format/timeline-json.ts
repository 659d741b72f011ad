/**
 * `compile --format json`, exactly SPEC §5.1, laid out as its example is: indented, with one
 * interval per line (a year of a large organization stays a manageable file, and a change to one
 * interval is a one-line diff). Written in chunks, so a timeline larger than the longest string
 * V8 can hold is still written.
 */
import { formatInstant } from '../time/civil.js';
import type { PortalInterval, PortalTimeline, Staffing, TimelineStream } from '../timeline/types.js';
import { forJson } from './escape.js';

export function intervalJson(i: PortalInterval): Record<string, unknown> {
  const base = { start: formatInstant(i.start), end: formatInstant(i.end), state: i.state };
  if (i.state === 'online') return { ...base, shifts: i.shifts, staff: i.staff, humans: i.humans, alerts: i.alerts };
  return i.reason === 'override' ? { ...base, reason: i.reason, override: i.override, scope: i.scope } : { ...base, reason: i.reason };
}

/**
 * `forJson(JSON.stringify(intervalJson(i)))`, written directly: a year of a large organization is
 * millions of intervals, and their staffing lists are shared arrays (timeline/pool.ts), so each
 * staffing is turned into JSON — escaped for the medium (format/escape.ts) and encoded — once. An
 * interval's start is nearly always the previous one's end, so that text is kept too. The same
 * bytes as formatting each interval on its own (a test compares them).
 */
export class IntervalLines {
  /** By the `staff` list, which pool.ts makes once per staffing; the other lists are checked too. */
  private readonly encoded = new Map<readonly string[], StaffingLists & { bytes: Uint8Array }>();
  private readonly ids = new Map<string, Uint8Array>();
  private lastMs = Number.NaN;
  private lastText = '';

  line(i: PortalInterval): string {
    if (i.state === 'online') return `${this.head(i)},${decoder.decode(this.staffingBytes(i))}`;
    if (i.reason === 'override')
      return `${this.head(i)},"reason":"override","override":${forJson(JSON.stringify(i.override))},"scope":"${i.scope}"}`;
    return `${this.head(i)},"reason":"${i.reason}"}`;
  }

  /** The start of an interval's line, up to its state. */
  head(i: PortalInterval): string {
    return `{"start":"${this.instant(i.start)}","end":"${this.instant(i.end)}","state":"${i.state}"`;
  }

  /**
   * The end of an online interval's line after its state and comma (`"shifts":…}`), as UTF-8:
   * put together from each id's JSON bytes, made once per id (ids recur in many staffings).
   */
  staffingBytes(i: Staffing): Uint8Array {
    const known = this.encoded.get(i.staff);
    if (known && known.shifts === i.shifts && known.humans === i.humans && known.alerts === i.alerts) return known.bytes;
    const lists = [i.shifts, i.staff, i.humans, i.alerts];
    let length = 1; // the closing }
    for (let l = 0; l < 4; l++) {
      length += STAFFING_KEYS[l]!.length + 1 + Math.max(0, lists[l]!.length - 1);
      for (const id of lists[l]!) length += this.idBytes(id).length;
    }
    const bytes = Buffer.allocUnsafe(length);
    let at = 0;
    const ascii = (text: string) => {
      for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
    };
    for (let l = 0; l < 4; l++) {
      ascii(STAFFING_KEYS[l]!);
      const list = lists[l]!;
      for (let k = 0; k < list.length; k++) {
        if (k > 0) bytes[at++] = 0x2c;
        const id = this.idBytes(list[k]!);
        bytes.set(id, at);
        at += id.length;
      }
      bytes[at++] = 0x5d;
    }
    bytes[at++] = 0x7d;
    this.encoded.set(i.staff, { shifts: i.shifts, humans: i.humans, alerts: i.alerts, bytes });
    return bytes;
  }

  /** An id as JSON, escaped for the medium, in UTF-8. */
  private idBytes(id: string): Uint8Array {
    let bytes = this.ids.get(id);
    if (!bytes) {
      bytes = Buffer.from(forJson(JSON.stringify(id)));
      this.ids.set(id, bytes);
    }
    return bytes;
  }

  /** An instant as the lines write it (ASCII). */
  instant(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastText = formatInstant(ms);
    }
    return this.lastText;
  }

  /** Forgets the staffings seen so far (those of a portal are not seen again in another). */
  forget(): void {
    this.encoded.clear();
  }
}

/** A staffing's lists besides `staff` (the key): a cached entry is used only for the same lists. */
interface StaffingLists {
  shifts: readonly string[];
  humans: readonly string[];
  alerts: readonly string[];
}

/** What comes before each list of an online interval's staffing. */
const STAFFING_KEYS = ['"shifts":[', ',"staff":[', ',"humans":[', ',"alerts":['];

/** The timeline as JSON text, already escaped for its medium, one piece per interval line. */
export function* formatTimelineJson(timeline: TimelineStream): Generator<string> {
  const lines = new IntervalLines();
  yield `{\n  "shiftready": 1,\n  "period": ${periodJson(timeline)},\n  "portals": [`;
  let firstPortal = true;
  for (const { portal, intervals } of timeline.portals) {
    yield portalStart(portal, firstPortal);
    firstPortal = false;
    lines.forget();
    let first = true;
    for (const interval of intervals) {
      yield `${first ? '\n        ' : ',\n        '}${lines.line(interval)}`;
      first = false;
    }
    yield intervals.length ? '\n      ]\n    }' : ']\n    }';
  }
  yield firstPortal ? ']\n}\n' : '\n  ]\n}\n';
}

const decoder = new TextDecoder();

/**
 * The same JSON as UTF-8, in chunks of about a megabyte, each staffing's part of the lines encoded
 * once (a staffing lasts many intervals) and copied from then on: what `compile --format json`
 * writes. No string is made per interval.
 */
export function* formatTimelineJsonEncoded(timeline: TimelineStream): Generator<Uint8Array> {
  const out = new ByteChunks();
  const lines = new IntervalLines();
  let firstPortal = true;
  out.text(`{\n  "shiftready": 1,\n  "period": ${periodJson(timeline)},\n  "portals": [`);
  for (const { portal, intervals } of timeline.portals) {
    out.text(portalStart(portal, firstPortal));
    firstPortal = false;
    lines.forget();
    let first = true;
    for (const interval of intervals) {
      out.ascii(first ? '\n        ' : ',\n        ');
      first = false;
      if (interval.state === 'online') {
        out.ascii('{"start":"');
        out.ascii(lines.instant(interval.start));
        out.ascii('","end":"');
        out.ascii(lines.instant(interval.end));
        out.ascii('","state":"online",');
        out.bytes(lines.staffingBytes(interval));
      } else out.text(lines.line(interval));
      if (out.full.length) yield* out.take();
    }
    out.ascii(intervals.length ? '\n      ]\n    }' : ']\n    }');
  }
  out.ascii(firstPortal ? ']\n}\n' : '\n  ]\n}\n');
  yield* out.take();
  yield out.rest();
}

function periodJson(timeline: TimelineStream): string {
  const period = { from: formatInstant(timeline.period.from), to: formatInstant(timeline.period.to) };
  return JSON.stringify(period, null, 2).replace(/\n/g, '\n  ');
}

function portalStart(portal: PortalTimeline['portal'], first: boolean): string {
  return `${first ? '' : ','}\n    {\n      "id": ${forJson(`${JSON.stringify(portal.id)}`)},\n      "type": ${forJson(`${JSON.stringify(portal.type)}`)},\n      "intervals": [`;
}

/** Bytes gathered per chunk before it is handed on (to a file or standard output). */
const CHUNK_BYTES = 1 << 20;

/** Output encoded as UTF-8 into buffers of CHUNK_BYTES (or larger for one long piece); `full` ones are taken whole. */
class ByteChunks {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  readonly full: Uint8Array[] = [];

  /** Text of ASCII characters only (the caller knows), copied byte by byte. */
  ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.used;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.used = at;
  }

  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used);
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  take(): Uint8Array[] {
    return this.full.splice(0);
  }

  rest(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.used = 0;
  }
}
