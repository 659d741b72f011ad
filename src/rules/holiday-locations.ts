/** Where a holiday and its expectation are written (for the holiday rules' locations). */
import type { HolidayDay } from '../holidays/index.js';
import type { Model, Portal } from '../model/types.js';
import { related } from './rule.js';
import type { RelatedLocation } from '../findings.js';

export function holidaySource(holiday: HolidayDay, model: Model, message: string): RelatedLocation {
  const section = model.holidays!;
  return related(section.source, message, holiday.source === 'organization' ? ['dates', holiday.index] : ['calendars', holiday.index]);
}

export function expectSource(portal: Portal, model: Model, message: string, holiday?: HolidayDay): RelatedLocation {
  if (holiday?.expect !== undefined) return related(model.holidays!.source, message, ['dates', holiday.index, 'expect']);
  if (portal.holidays !== undefined) return related(portal.source, message, ['holidays']);
  return related(
    model.holidays!.source,
    message,
    Object.prototype.hasOwnProperty.call(model.holidays!.raw, 'expect') ? ['expect'] : [],
    'key',
  );
}

export function holidayLabel(holiday: HolidayDay): string {
  return `${holiday.date} (${holiday.name}${holiday.source === 'organization' ? '' : `, ${holiday.source}`})`;
}
