/**
 * The resolved configuration: every section of every file merged, each item remembering where it
 * was defined. Fields hold what the files say (strings, for messages); their typed meaning —
 * zones, days, times of day, parsed rules, instants — is filled in once by ./normalize.ts, and
 * every later stage reads that.
 */
import type { RuleSeverity } from '../findings.js';
import type { Path, SourceDocument } from '../load/source.js';
import type { DayNumber, WrittenDateTime } from '../time/civil.js';
import type { Span } from '../time/intervals.js';
import type { RuleParse } from '../time/rrule.js';
import type { Series } from '../time/series.js';

export type MessagingType = 'chat' | 'sms';
export type Role = 'admin' | 'supervisor' | 'enhanced' | 'basic';
export type HolidayExpect = 'closed' | 'covered' | 'either';
/** How users are registered on messaging shifts (SPEC §3.2, the help article's three options). */
export type StaffingModel = 'placeholder' | 'registered' | 'mixed';

export const MESSAGING_TYPES: readonly MessagingType[] = ['chat', 'sms'];
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'enhanced', 'basic'];
export const STAFFING_MODELS: readonly StaffingModel[] = ['placeholder', 'registered', 'mixed'];
export const HOLIDAY_EXPECTS: readonly HolidayExpect[] = ['closed', 'covered', 'either'];
export const DEFAULT_CHAT_OFFLINE_MESSAGE = 'We apologize...The Chat is currently unavailable. Please try back later';

/** Where an item is defined: its file and the path of its node. */
export interface Source {
  doc: SourceDocument;
  path: Path;
}

interface Defined {
  source: Source;
  /** The item as plain data (for locating list entries by their index). */
  raw: Record<string, unknown>;
}

export interface Organization extends Defined {
  id: string;
  name?: string;
  timezone?: string;
  offlineControl: Role[];
  /** True when `offlineControl` lists something that is not a role (`schema` reports it). */
  offlineControlInvalid: boolean;
  offlineMessages: { chat?: string; sms?: string };
  /** `organization.staffing` (default `mixed`). */
  staffing: StaffingModel;
  /** `timezone` when it is a valid IANA zone name. */
  zone?: string;
}

export interface Program extends Defined {
  id: string;
  name?: string;
}

export interface Portal extends Defined {
  id: string;
  name?: string;
  type?: MessagingType;
  program?: string;
  holidays?: HolidayExpect;
}

/** An `away` entry as written: a date, or a range of dates or date-times. */
export interface AwayEntry {
  index: number;
  from: string;
  to: string;
  /** True when written as a single date. */
  single: boolean;
  /**
   * The entry as instants [from, to): dates are whole days in the organization's zone (UTC while
   * that zone is not valid); `undefined` when a date is not valid.
   */
  span?: Span;
}

export interface User extends Defined {
  id: string;
  name?: string;
  /** The role (default basic); `undefined` when the written role is not valid (`schema` reports it). */
  role: Role | undefined;
  placeholder: boolean;
  programs: string[];
  canReceive: MessagingType[];
  /** True when `canReceive` lists something that is not a messaging type (`schema` reports it). */
  canReceiveInvalid: boolean;
  mobileAlerts: boolean;
  away: AwayEntry[];
}

/** The recurrence shape shared by shifts and requirements (SPEC §2.1). */
export interface RecurrenceFields {
  start?: string;
  end?: string;
  date?: string;
  repeat?: string;
  from?: string;
  until?: string;
  except: string[];
  timezone?: string;
  timing: RecurrenceTiming;
}

/** The typed parts of a recurrence shape (SPEC §3.1); a part is `undefined` where it is not valid. */
export interface RecurrenceTiming {
  /** The zone that applies (the item's, else the organization's), when it is valid. */
  zone?: string;
  /** `start` and `end` as ms after local midnight. */
  startMs?: number;
  endMs?: number;
  /** `date` (a one-off). */
  once?: DayNumber;
  /** `repeat`, parsed: the rule, or what is wrong with it. */
  rule?: RuleParse;
  from?: DayNumber;
  until?: DayNumber;
  except: DayNumber[];
  /** The whole series, when every part of it and the zone are valid and agree. */
  series?: Series;
}

export interface Shift extends Defined, RecurrenceFields {
  id: string;
  program?: string;
  /** The messaging types written (SPEC: exactly one is valid). */
  messaging: MessagingType[];
  minStaff: number;
  staff: string[];
}

export interface Override extends Defined {
  id?: string;
  /** 0-based position in the merged `overrides` list (names an override without `id`). */
  index: number;
  portal?: string;
  offline?: string;
  online?: string;
  by?: string;
  /** Who set the switch back online (SPEC §3.2); default `by`. */
  onlineBy?: string;
  note?: string;
  /** Its switch period, when the times (and the organization's zone) are valid. */
  span?: OverrideSpan;
}

/** An override's switch period [offline, online); `online` absent = indefinitely. */
export interface OverrideSpan {
  offline: number;
  online?: number;
  /** The times as written (local, or with an offset). */
  offlineWritten: WrittenDateTime;
  onlineWritten?: WrittenDateTime;
}

export interface HolidayDate {
  date: string;
  name?: string;
  /** A per-date expectation: wins over `holidays.expect` and a portal's `holidays` (SPEC §3.2). */
  expect?: HolidayExpect;
  index: number;
  /** `date` as a day number, when it is a real date. */
  day?: DayNumber;
}

export interface HolidaysConfig extends Defined {
  calendars: string[];
  types: string[];
  dates: HolidayDate[];
  expect: HolidayExpect;
}

export interface Requirement extends Defined, RecurrenceFields {
  id: string;
  portal?: string;
  minHumans: number;
}

export interface RuleSetting {
  rule: string;
  severity: RuleSeverity;
  source: Source;
}

export interface Model {
  sources: readonly SourceDocument[];
  /** Every `organization` section (exactly one is valid). */
  organizations: Organization[];
  organization?: Organization;
  programs: Program[];
  portals: Portal[];
  users: User[];
  shifts: Shift[];
  overrides: Override[];
  requirements: Requirement[];
  /** Every `holidays` section (at most one is valid). */
  holidaysSections: HolidaysConfig[];
  holidays?: HolidaysConfig;
  ruleSettings: RuleSetting[];
  /** Lookup by id; the first definition wins when an id is defined twice. */
  programById: Map<string, Program>;
  portalById: Map<string, Portal>;
  userById: Map<string, User>;
  shiftById: Map<string, Shift>;
  requirementById: Map<string, Requirement>;
  /** The portal whose program this is (the first, if two share it). */
  portalByProgram: Map<string, Portal>;
  /**
   * The serving shifts of each portal (SPEC §3.2: same program, exactly one messaging type, the
   * portal's), with valid series, in id order.
   */
  servingShifts: Map<Portal, Shift[]>;
}

/**
 * False under `staffing: placeholder` (SPEC §3.2): the real workers answer without being
 * registered, so who is human on a shift is not known and human hours are not tracked.
 */
export function humansTracked(model: Model): boolean {
  return model.organization?.staffing !== 'placeholder';
}

/**
 * True for a program written as iCarol's "all programs" (`all`, `All Programs`, `all-programs`,
 * `*`, …): a shift for it never brings a portal online (SPEC §4).
 */
export function isAllPrograms(program: string): boolean {
  const key = program.toLowerCase().replace(/[\s_-]+/g, '');
  return key === 'all' || key === 'allprograms' || key === '*';
}
