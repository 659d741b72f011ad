import type { Gap } from '../../report/coverage.js';
import { localClock } from '../../time/local.js';
import { hoursText } from '../report.js';
import { esc } from './html.js';

export function gapRow(g: Gap, zone: string): string {
  const why = { 'no-shift': 'no shift', unstaffed: 'unstaffed', override: `switched off (${g.override ?? ''})`, 'too-few-humans': g.requirement.minHumans === 1 ? 'no human, placeholders only' : `fewer than ${g.requirement.minHumans} humans` }[g.reason];
  return `<tr><td>${esc(g.requirement.id)}</td><td>${esc(g.requirement.portal ?? '')}</td><td class="date">${esc(localClock(g.start, zone))}</td><td>${esc(localClock(g.end, zone, g.start))}</td><td class="num">${hoursText(g.end - g.start)}</td><td>${esc(why)}</td></tr>`;
}
