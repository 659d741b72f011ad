/**
 * The resolve stage: merge the sections of all usable files (in sorted path order) into one
 * model. It is tolerant on purpose: a field of the wrong type is treated as absent (the `schema`
 * rule has reported it) so that every other rule can still look at the rest.
 */
import type { RuleSeverity } from '../findings.js';
import type { SourceDocument } from '../load/source.js';
import { normalize } from './normalize.js';
import { HOLIDAY_EXPECTS, MESSAGING_TYPES, ROLES, STAFFING_MODELS, type HolidaysConfig, type MessagingType, type Model, type Organization, type Override, type Portal, type Program, type RecurrenceFields, type Requirement, type Role, type Shift, type Source, type User, type AwayEntry } from './types.js';

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
/** A list of strings; a single string stands for a list of one (the `schema` rule reports it). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** True when a list holds entries outside `allowed` (the `schema` rule reports them). */
function hasInvalid(v: unknown, allowed: readonly string[]): boolean {
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return values.some((x) => typeof x !== 'string' || !allowed.includes(x));
}
function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}
function int(v: unknown, fallback: number, min: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fallback;
}
function own(raw: Raw, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

function recurrence(raw: Raw): RecurrenceFields {
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

function messagingOf(v: unknown): MessagingType[] {
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: MessagingType[] = [];
  for (const x of values) {
    const t = oneOf(x, MESSAGING_TYPES);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
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

function index<T extends { id: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/**
 * Builds the model from parsed files (files whose YAML could not be read are skipped), with the
 * typed meaning of its dates and times filled in (./normalize.ts).
 */
export function resolveModel(sources: readonly SourceDocument[]): Model {
  const model: Model = {
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
  let overrideCount = 0;

  for (const doc of sources) {
    if (!doc.usable || !isRecord(doc.data)) continue;
    const data = doc.data;
    const items = (section: string, visit: (raw: Raw, source: Source) => void) => {
      const list = own(data, section);
      if (!Array.isArray(list)) return;
      list.forEach((raw, i) => {
        if (isRecord(raw)) visit(raw, { doc, path: [section, i] });
      });
    };

    const org = own(data, 'organization');
    if (isRecord(org)) {
      const id = str(own(org, 'id'));
      const controls = strings(own(org, 'offlineControl')).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      const messages = isRecord(own(org, 'offlineMessages')) ? (own(org, 'offlineMessages') as Raw) : {};
      const organization: Organization = {
        id: id ?? '',
        name: str(own(org, 'name')),
        timezone: str(own(org, 'timezone')),
        offlineControl: own(org, 'offlineControl') !== undefined ? controls : ['admin'],
        offlineControlInvalid: hasInvalid(own(org, 'offlineControl'), ROLES),
        offlineMessages: { chat: str(own(messages, 'chat')), sms: str(own(messages, 'sms')) },
        staffing: oneOf(own(org, 'staffing'), STAFFING_MODELS) ?? 'mixed',
        source: { doc, path: ['organization'] },
        raw: org,
      };
      model.organizations.push(organization);
    }

    items('programs', (raw, source) => {
      const id = str(own(raw, 'id'));
      if (id !== undefined) model.programs.push({ id, name: str(own(raw, 'name')), source, raw } satisfies Program);
    });
    items('portals', (raw, source) => {
      const id = str(own(raw, 'id'));
      if (id === undefined) return;
      model.portals.push({
        id,
        name: str(own(raw, 'name')),
        type: oneOf(own(raw, 'type'), MESSAGING_TYPES),
        program: str(own(raw, 'program')),
        holidays: oneOf(own(raw, 'holidays'), HOLIDAY_EXPECTS),
        source,
        raw,
      } satisfies Portal);
    });
    items('users', (raw, source) => {
      const id = str(own(raw, 'id'));
      if (id === undefined) return;
      model.users.push({
        id,
        name: str(own(raw, 'name')),
        role: own(raw, 'role') === undefined ? 'basic' : oneOf(own(raw, 'role'), ROLES),
        placeholder: own(raw, 'placeholder') === true,
        programs: strings(own(raw, 'programs')),
        canReceive: messagingOf(own(raw, 'canReceive')),
        canReceiveInvalid: hasInvalid(own(raw, 'canReceive'), MESSAGING_TYPES),
        mobileAlerts: own(raw, 'mobileAlerts') === true,
        away: awayOf(own(raw, 'away')),
        source,
        raw,
      } satisfies User);
    });
    items('shifts', (raw, source) => {
      const id = str(own(raw, 'id'));
      if (id === undefined) return;
      model.shifts.push({
        id,
        program: str(own(raw, 'program')),
        messaging: messagingOf(own(raw, 'messaging')),
        ...recurrence(raw),
        minStaff: int(own(raw, 'minStaff'), 1, 1),
        staff: strings(own(raw, 'staff')),
        source,
        raw,
      } satisfies Shift);
    });
    // An override without id is named by its 0-based position in the merged list (SPEC §3.3),
    // counting malformed entries too so that names do not shift when one is fixed.
    const overrideList = own(data, 'overrides');
    if (Array.isArray(overrideList)) {
      overrideList.forEach((raw, i) => {
        const index = overrideCount++;
        if (!isRecord(raw)) return;
        model.overrides.push({
          id: str(own(raw, 'id')),
          index,
          portal: str(own(raw, 'portal')),
          offline: str(own(raw, 'offline')),
          online: str(own(raw, 'online')),
          by: str(own(raw, 'by')),
          onlineBy: str(own(raw, 'onlineBy')),
          note: str(own(raw, 'note')),
          source: { doc, path: ['overrides', i] },
          raw,
        } satisfies Override);
      });
    }

    items('requirements', (raw, source) => {
      const id = str(own(raw, 'id'));
      if (id === undefined) return;
      model.requirements.push({
        id,
        portal: str(own(raw, 'portal')),
        minHumans: int(own(raw, 'minHumans'), 0, 0),
        ...recurrence(raw),
        source,
        raw,
      } satisfies Requirement);
    });

    const holidays = own(data, 'holidays');
    if (isRecord(holidays)) {
      const dates = own(holidays, 'dates');
      const section: HolidaysConfig = {
        calendars: strings(own(holidays, 'calendars')),
        types: Array.isArray(own(holidays, 'types')) ? strings(own(holidays, 'types')) : ['public'],
        dates: Array.isArray(dates)
          ? dates.flatMap((d, i) => (isRecord(d) && typeof own(d, 'date') === 'string' ? [{ date: own(d, 'date') as string, name: str(own(d, 'name')), expect: oneOf(own(d, 'expect'), HOLIDAY_EXPECTS), index: i }] : []))
          : [],
        expect: oneOf(own(holidays, 'expect'), HOLIDAY_EXPECTS) ?? 'either',
        source: { doc, path: ['holidays'] },
        raw: holidays,
      };
      model.holidaysSections.push(section);
    }

    const rules = own(data, 'rules');
    if (isRecord(rules)) {
      for (const rule of Object.keys(rules)) {
        const severity = oneOf<RuleSeverity>(own(rules, rule), ['error', 'warn', 'off']);
        if (severity) model.ruleSettings.push({ rule, severity, source: { doc, path: ['rules', rule] } });
      }
    }
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
