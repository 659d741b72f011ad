/** Instants as people read them: local wall time in the organization's zone, with the offset. */
import { formatDate, formatInstant } from './civil.js';
import { zoneTable } from './zone.js';

function offsetLabel(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "2026-01-05 10:00 (UTC-6)". */
export function localTime(ms: number, zone: string): string {
  const table = zoneTable(zone);
  const { day, msOfDay } = table.instantToWall(ms);
  const minutes = Math.floor(msOfDay / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${formatDate(day)} ${hhmm} (${offsetLabel(table.offsetAt(ms))})`;
}

/** "10:00" (or the date too when it is on another local date than `reference`). */
export function localClock(ms: number, zone: string, reference?: number): string {
  const table = zoneTable(zone);
  const { day, msOfDay } = table.instantToWall(ms);
  const minutes = Math.floor(msOfDay / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (reference !== undefined && table.instantToWall(reference).day === day) return hhmm;
  return `${formatDate(day)} ${hhmm}`;
}

/** An instant in UTC, or "never" for an open end. */
export function utc(ms: number): string {
  return Number.isFinite(ms) ? formatInstant(ms) : 'never';
}
