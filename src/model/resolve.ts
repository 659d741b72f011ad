/**
 * The resolve stage: merge the sections of all usable files (in sorted path order) into one
 * model, then fill in its typed meaning (./normalize.ts). Tolerant on purpose (./raw.ts): a field
 * of the wrong type is absent, so that every rule can still look at the rest.
 */
import type { RuleSeverity } from '../findings.js';
import type { SourceDocument } from '../load/source.js';
import { normalize } from './normalize.js';
import { hasInvalid, int, isRecord, oneOf, own, someOf, str, strings, type Raw } from './raw.js';
import {
  HOLIDAY_EXPECTS,
  MESSAGING_TYPES,
  ROLES,
  STAFFING_MODELS,
  type AwayEntry,
  type HolidayDate,
  type HolidaysConfig,
  type Model,
  type Organization,
  type Override,
  type Portal,
  type Program,
  type RecurrenceFields,
  type Requirement,
  type Role,
  type RuleSetting,
  type Shift,
  type Source,
  type User,
} from './types.js';

function recurrenceOf(raw: Raw): RecurrenceFields {
  return {
    start: str(own(raw, 'start')),
    end: str(own(raw, 'end')),
    date: str(own(raw, 'date')),
    repeat: str(own(raw, 'repeat')),
    from: str(own(raw, 'from')),
    until: str(own(raw, 'until')),
    except: strings(own(raw, 'except')),
    timezone: str(own(raw, 'timezone')),
    timing: { except: [] }, // filled in by normalize()
  };
}

function organizationOf(raw: Raw, source: Source): Organization {
  const messages = isRecord(own(raw, 'offlineMessages')) ? (own(raw, 'offlineMessages') as Raw) : {};
  return {
    id: str(own(raw, 'id')) ?? '',
    name: str(own(raw, 'name')),
    timezone: str(own(raw, 'timezone')),
    // Written: the valid roles among those listed; not written: admins only (SPEC §2.1).
    offlineControl:
      own(raw, 'offlineControl') !== undefined
        ? strings(own(raw, 'offlineControl')).filter((r): r is Role => (ROLES as readonly string[]).includes(r))
        : ['admin'],
    offlineControlInvalid: hasInvalid(own(raw, 'offlineControl'), ROLES),
    offlineMessages: { chat: str(own(messages, 'chat')), sms: str(own(messages, 'sms')) },
    staffing: oneOf(own(raw, 'staffing'), STAFFING_MODELS) ?? 'mixed',
    source,
    raw,
  };
}

function programOf(raw: Raw, source: Source): Program | undefined {
  const id = str(own(raw, 'id'));
  return id === undefined ? undefined : { id, name: str(own(raw, 'name')), source, raw };
}

function portalOf(raw: Raw, source: Source): Portal | undefined {
  const id = str(own(raw, 'id'));
  if (id === undefined) return undefined;
  return {
    id,
    name: str(own(raw, 'name')),
    type: oneOf(own(raw, 'type'), MESSAGING_TYPES),
    program: str(own(raw, 'program')),
    holidays: oneOf(own(raw, 'holidays'), HOLIDAY_EXPECTS),
    source,
    raw,
  };
}

function awayOf(v: unknown): AwayEntry[] {
  if (!Array.isArray(v)) return [];
  const out: AwayEntry[] = [];
  v.forEach((entry, index) => {
    if (typeof entry === 'string') out.push({ index, from: entry, to: entry, single: true });
    else if (isRecord(entry)) {
      const from = str(own(entry, 'from'));
      const to = str(own(entry, 'to'));
      if (from !== undefined && to !== undefined) out.push({ index, from, to, single: false });
    }
  });
  return out;
}

function userOf(raw: Raw, source: Source): User | undefined {
  const id = str(own(raw, 'id'));
  if (id === undefined) return undefined;
  return {
    id,
    name: str(own(raw, 'name')),
    role: own(raw, 'role') === undefined ? 'basic' : oneOf(own(raw, 'role'), ROLES),
    placeholder: own(raw, 'placeholder') === true,
    programs: strings(own(raw, 'programs')),
    canReceive: someOf(own(raw, 'canReceive'), MESSAGING_TYPES),
    canReceiveInvalid: hasInvalid(own(raw, 'canReceive'), MESSAGING_TYPES),
    mobileAlerts: own(raw, 'mobileAlerts') === true,
    away: awayOf(own(raw, 'away')),
    source,
    raw,
  };
}

function shiftOf(raw: Raw, source: Source): Shift | undefined {
  const id = str(own(raw, 'id'));
  if (id === undefined) return undefined;
  return {
    id,
    program: str(own(raw, 'program')),
    messaging: someOf(own(raw, 'messaging'), MESSAGING_TYPES),
    ...recurrenceOf(raw),
    minStaff: int(own(raw, 'minStaff'), 1, 1),
    staff: strings(own(raw, 'staff')),
    source,
    raw,
  };
}

/** `index`: the 0-based position in the merged `overrides` list (SPEC §3.3). */
function overrideOf(raw: Raw, source: Source, index: number): Override {
  return {
    id: str(own(raw, 'id')),
    index,
    portal: str(own(raw, 'portal')),
    offline: str(own(raw, 'offline')),
    online: str(own(raw, 'online')),
    by: str(own(raw, 'by')),
    onlineBy: str(own(raw, 'onlineBy')),
    note: str(own(raw, 'note')),
    source,
    raw,
  };
}

function requirementOf(raw: Raw, source: Source): Requirement | undefined {
  const id = str(own(raw, 'id'));
  if (id === undefined) return undefined;
  return { id, portal: str(own(raw, 'portal')), minHumans: int(own(raw, 'minHumans'), 0, 0), ...recurrenceOf(raw), source, raw };
}

function holidayDatesOf(v: unknown): HolidayDate[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((d, index) => {
    const date = isRecord(d) ? str(own(d, 'date')) : undefined;
    return date === undefined
      ? []
      : [{ date, name: str(own(d as Raw, 'name')), expect: oneOf(own(d as Raw, 'expect'), HOLIDAY_EXPECTS), index }];
  });
}

function holidaysOf(raw: Raw, source: Source): HolidaysConfig {
  return {
    calendars: strings(own(raw, 'calendars')),
    types: Array.isArray(own(raw, 'types')) ? strings(own(raw, 'types')) : ['public'],
    dates: holidayDatesOf(own(raw, 'dates')),
    expect: oneOf(own(raw, 'expect'), HOLIDAY_EXPECTS) ?? 'either',
    source,
    raw,
  };
}

function ruleSettingsOf(raw: Raw, doc: SourceDocument): RuleSetting[] {
  return Object.keys(raw).flatMap((rule) => {
    const severity = oneOf<RuleSeverity>(own(raw, rule), ['error', 'warn', 'off']);
    return severity ? [{ rule, severity, source: { doc, path: ['rules', rule] } }] : [];
  });
}

/** The first item per id (`duplicate-id` reports the others). */
function index<T extends { id: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function emptyModel(sources: readonly SourceDocument[]): Model {
  return {
    sources,
    organizations: [],
    programs: [],
    portals: [],
    users: [],
    shifts: [],
    overrides: [],
    requirements: [],
    holidaysSections: [],
    ruleSettings: [],
    programById: new Map(),
    portalById: new Map(),
    userById: new Map(),
    shiftById: new Map(),
    requirementById: new Map(),
    portalByProgram: new Map(),
    servingShifts: new Map(),
  };
}

/** Adds one file's sections to the model; `overrideCount` numbers overrides across files. */
function addFile(model: Model, doc: SourceDocument, data: Raw, overrideCount: number): number {
  /** The mapping items of a list section, each with its source. */
  const items = <T>(section: string, read: (raw: Raw, source: Source) => T | undefined): T[] => {
    const list = own(data, section);
    if (!Array.isArray(list)) return [];
    return list.flatMap((raw, i) => {
      const item = isRecord(raw) ? read(raw, { doc, path: [section, i] }) : undefined;
      return item === undefined ? [] : [item];
    });
  };
  const org = own(data, 'organization');
  if (isRecord(org)) model.organizations.push(organizationOf(org, { doc, path: ['organization'] }));
  model.programs.push(...items('programs', programOf));
  model.portals.push(...items('portals', portalOf));
  model.users.push(...items('users', userOf));
  model.shifts.push(...items('shifts', shiftOf));
  // An override without id is named by its 0-based position in the merged list (SPEC §3.3),
  // counting malformed entries too so that names do not shift when one is fixed.
  const overrides = own(data, 'overrides');
  const count = Array.isArray(overrides) ? overrides.length : 0;
  model.overrides.push(...items('overrides', (raw, source) => overrideOf(raw, source, overrideCount + (source.path[1] as number))));
  model.requirements.push(...items('requirements', requirementOf));
  const holidays = own(data, 'holidays');
  if (isRecord(holidays)) model.holidaysSections.push(holidaysOf(holidays, { doc, path: ['holidays'] }));
  const rules = own(data, 'rules');
  if (isRecord(rules)) model.ruleSettings.push(...ruleSettingsOf(rules, doc));
  return overrideCount + count;
}

/** Builds the model from parsed files; files whose YAML could not be read are skipped. */
export function resolveModel(sources: readonly SourceDocument[]): Model {
  const model = emptyModel(sources);
  let overrideCount = 0;
  for (const doc of sources) {
    if (doc.usable && isRecord(doc.data)) overrideCount = addFile(model, doc, doc.data, overrideCount);
  }
  model.organization = model.organizations[0];
  model.holidays = model.holidaysSections[0];
  model.programById = index(model.programs);
  model.portalById = index(model.portals);
  model.userById = index(model.users);
  model.shiftById = index(model.shifts);
  model.requirementById = index(model.requirements);
  for (const portal of model.portals) {
    if (portal.program !== undefined && !model.portalByProgram.has(portal.program)) model.portalByProgram.set(portal.program, portal);
  }
  return normalize(model);
}
