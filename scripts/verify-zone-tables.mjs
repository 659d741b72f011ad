// Compares the offset tables built with the 7-day sampling step (the default) with 12-hour
// sampling, for every time zone of this Node.js and every year in a range. Any difference would
// be a change reversed within one step, which the default step misses (docs/recurrence.md).
//
//   npm run build && node scripts/verify-zone-tables.mjs [fromYear=1900] [toYear=2040]
//
// About 4 minutes for 1900-2040 on this project's machine.
import { ZoneTable } from '../dist/time/zone.js';

const [from = 1900, to = 2040] = process.argv.slice(2).map(Number);
const HOUR = 3_600_000;
const zones = Intl.supportedValuesOf('timeZone');
const start = Date.UTC(from, 0, 1);
const end = Date.UTC(to + 1, 0, 1);
let differences = 0;
const t0 = Date.now();
for (const zone of zones) {
  const fast = JSON.stringify(new ZoneTable(zone).transitionsBetween(start, end));
  const fine = JSON.stringify(new ZoneTable(zone, 12 * HOUR).transitionsBetween(start, end));
  if (fast !== fine) {
    differences++;
    console.log(`DIFFERENT ${zone}\n  7 days:   ${fast}\n  12 hours: ${fine}`);
  }
}
console.log(`${zones.length} zones, ${from}-${to}: ${differences} differences (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
process.exitCode = differences ? 1 : 0;
