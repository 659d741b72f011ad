/**
 * The words people read, in one place: messaging types, reasons, labels of things in the files,
 * hours, local times and offsets. Rules and formatters import them rather than spelling them again,
 * so the same thing reads the same everywhere.
 */
import type { Gap } from './report/coverage.js';
import type { MessagingType, Model, Override } from './model/types.js';
import { formatDate } from './time/civil.js';
import { zoneTable } from './time/zone.js';
import type { PortalInterval } from './timeline/types.js';

// --- sentences ---------------------------------------------------------------------------------

/** `id` in backticks, as messages show ids and keys. */
export function quote(id: string): string {
  return `\`${id}\``;
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 shift", "2 shifts". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/**
 * "a" or "an" for a word as it is read aloud: "an admin", "an SMS portal", "a user", "a chat
 * portal" (letters read one by one start with a vowel sound when the first one does).
 */
export function article(word: string): 'a' | 'an' {
  if (/^(SMS|S\b|F\b|H\b|L\b|M\b|N\b|R\b|X\b)/.test(word)) return 'an';
  return /^[aeiouAEIOU]/.test(word) && !/^(user|uni|one)/i.test(word) ? 'an' : 'a';
}

// --- messaging types ---------------------------------------------------------------------------

/** How each messaging type is named (SPEC §1: "Live Chat / Instant Messaging", "SMS/Texting"). */
export const TYPE_WORDS: Record<
  MessagingType,
  { portal: string; short: string; permission: string; seekers: string; offlineMessageVerb: string }
> = {
  chat: { portal: 'Live Chat', short: 'chat', permission: 'chat (Instant Messages)', seekers: 'chat visitors', offlineMessageVerb: 'see' },
  sms: { portal: 'SMS/Text', short: 'SMS', permission: 'SMS', seekers: 'texters', offlineMessageVerb: 'receive' },
};

// --- things in the files -----------------------------------------------------------------------

/** The name an override is known by: its id, else its 0-based index (SPEC §3.3). */
export function overrideName(o: Pick<Override, 'id' | 'index'>): string {
  return o.id ?? String(o.index);
}

/** How messages name an override: "override `staff-retreat`", or "override #3" without an id. */
export function overrideLabel(o: Pick<Override, 'id' | 'index'>): string {
  return o.id === undefined ? `override #${o.index}` : `override \`${o.id}\``;
}

/** "jane — Jane Doe": a user's id (as the files say) and name, or the id alone. */
export function userLabel(id: string, model: Model): string {
  const name = model.userById.get(id)?.name;
  return name ? `${id} — ${name}` : id;
}

/** People by name, where a person reads a list of who answers ("Jane Doe, omar"). */
export function userNames(ids: readonly string[], model: Model): string {
  return ids.map((id) => model.userById.get(id)?.name ?? id).join(', ');
}

/** "website-chat — Website Live Chat", or the id alone when the portal has no name. */
export function portalLabel(portal: { id: string; name?: string }): string {
  return portal.name ? `${portal.id} — ${portal.name}` : portal.id;
}

// --- reasons -----------------------------------------------------------------------------------

/** Why a requirement is not met then, in a few words: the same in findings and every report. */
export function gapReasonText(gap: Pick<Gap, 'reason' | 'override' | 'requirement'>): string {
  switch (gap.reason) {
    case 'no-shift':
      return 'no shift';
    case 'unstaffed':
      return 'unstaffed';
    case 'override':
      return `switched off (override ${gap.override})`;
    case 'too-few-humans':
      return gap.requirement.minHumans === 1 ? 'no human (only placeholders)' : `fewer than ${gap.requirement.minHumans} humans`;
  }
}

/** Why an offline interval is offline, as a clause ("no shift covers this time"). */
export function offlineReasonText(interval: PortalInterval, model: Model): string {
  if (interval.state === 'online') return 'online';
  switch (interval.reason) {
    case 'no-shift':
      return 'no shift covers this time';
    case 'unstaffed':
      return 'a shift covers this time but is not staffed';
    case 'override': {
      const o = model.overrides.find((x) => overrideName(x) === interval.override);
      const who = o?.by ? ` by ${o.by}` : '';
      return `switched off${who} (override ${interval.override}, ${interval.scope} switch)`;
    }
  }
}

// --- hours -------------------------------------------------------------------------------------

const MS_PER_HOUR = 3_600_000;

/** Hours rounded to 0.01, as JSON reports them: exact sums rounded at the end (SPEC §5.4). */
export function roundHours(ms: number): number {
  return Math.round((ms / MS_PER_HOUR) * 100) / 100;
}

/** Hours in a sentence, with at most two decimals: "8", "7.5", "0.25". */
export function hours(ms: number): string {
  return String(roundHours(ms));
}

/** Hours in a table: "8.00 h" (rounded as JSON rounds them). */
export function hoursText(ms: number): string {
  return `${roundHours(ms).toFixed(2)} h`;
}

/** Hours in JSON, or `null` where they are not tracked (SPEC §3.2, `staffing: placeholder`). */
export function trackedHours(ms: number, tracked: boolean): number | null {
  return tracked ? roundHours(ms) : null;
}

/** Hours in a table, or "not tracked" (SPEC §3.2, `staffing: placeholder`). */
export function trackedHoursText(ms: number, tracked: boolean): string {
  return tracked ? hoursText(ms) : 'not tracked';
}

/** A change of hours: "+2.00 h", "−1.50 h", "±0" (of the rounded values). */
export function hoursDelta(before: number, after: number): string {
  const d = roundHours(after) - roundHours(before);
  if (Math.abs(d) < 0.005) return '±0';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)} h`;
}

/** A length of time: "2 h 30 min", "8 h", "45 min". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

// --- local times and offsets -------------------------------------------------------------------

/** "HH:MM" of milliseconds after local midnight (24:00 for a whole day). */
export function clock(msOfDay: number): string {
  const minutes = Math.round(msOfDay / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "+05:30" / "-06:00": an offset as an ISO date-time writes it. */
export function isoOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "UTC-6", "UTC+5:30": an offset as people read it. */
export function utcOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  const m = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "2026-01-05 10:00 (UTC-6)": an instant in local wall time, with the offset. */
export function localTime(ms: number, zone: string): string {
  const table = zoneTable(zone);
  const { day, msOfDay } = table.instantToWall(ms);
  return `${formatDate(day)} ${clock(Math.floor(msOfDay / 60_000) * 60_000)} (${utcOffset(table.offsetAt(ms))})`;
}

/** "10:00", or with the date too when it is on another local date than `reference`. */
export function localClock(ms: number, zone: string, reference?: number): string {
  const table = zoneTable(zone);
  const { day, msOfDay } = table.instantToWall(ms);
  const hhmm = clock(Math.floor(msOfDay / 60_000) * 60_000);
  if (reference !== undefined && table.instantToWall(reference).day === day) return hhmm;
  return `${formatDate(day)} ${hhmm}`;
}
