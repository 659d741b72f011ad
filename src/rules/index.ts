/** The rule registry: every rule of SPEC §4, in the spec's order. */
import { coverageGap } from './coverage-gap.js';
import { dstAdjustedTime } from './dst-adjusted-time.js';
import { duplicateId } from './duplicate-id.js';
import { fixedOffsetTimezone } from './fixed-offset-timezone.js';
import { holidayOpen } from './holiday-open.js';
import { holidayUncovered } from './holiday-uncovered.js';
import { invalidRecurrence } from './invalid-recurrence.js';
import { invalidShiftTime } from './invalid-shift-time.js';
import { invalidTimezone } from './invalid-timezone.js';
import { missingSmsOfflineMessage } from './missing-sms-offline-message.js';
import { offlineNeverRestored } from './offline-never-restored.js';
import { offlineWhileNotOnline } from './offline-while-not-online.js';
import { overrideNotPermitted } from './override-not-permitted.js';
import { overrideOverlap } from './override-overlap.js';
import { placeholderMobileAlerts } from './placeholder-mobile-alerts.js';
import { placeholderOnly } from './placeholder-only.js';
import { portalProgramShared } from './portal-program-shared.js';
import type { ConfigRule, Rule, TimelineRule } from './rule.js';
import { schema } from './schema.js';
import { shiftProgramNotPortal } from './shift-program-not-portal.js';
import { shiftTypeMismatch } from './shift-type-mismatch.js';
import { singlePortalSwitch } from './single-portal-switch.js';
import { singleMessagingType } from './single-messaging-type.js';
import { staffLacksPermission } from './staff-lacks-permission.js';
import { staffNotInProgram } from './staff-not-in-program.js';
import { staffingMismatch } from './staffing-mismatch.js';
import { unknownReference } from './unknown-reference.js';
import { unstaffedShift } from './unstaffed-shift.js';
import { userWithoutAccess } from './user-without-access.js';
import { yamlSyntax } from './yaml-syntax.js';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  singleMessagingType,
  shiftProgramNotPortal,
  shiftTypeMismatch,
  portalProgramShared,
  staffNotInProgram,
  staffLacksPermission,
  invalidTimezone,
  invalidRecurrence,
  invalidShiftTime,
  overrideNotPermitted,
  overrideOverlap,
  offlineWhileNotOnline,
  offlineNeverRestored,
  coverageGap,
  holidayOpen,
  holidayUncovered,
  unstaffedShift,
  placeholderOnly,
  missingSmsOfflineMessage,
  userWithoutAccess,
  placeholderMobileAlerts,
  dstAdjustedTime,
  fixedOffsetTimezone,
  staffingMismatch,
  singlePortalSwitch,
];

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

/** The configuration rules, in the registry's order (the order they run in). */
export const CONFIG_RULES: readonly ConfigRule[] = RULES.filter((r): r is ConfigRule => r.meta.kind === 'config');

/** The timeline rules, in the registry's order; they run after every configuration rule. */
export const TIMELINE_RULES: readonly TimelineRule[] = RULES.filter((r): r is TimelineRule => r.meta.kind === 'timeline');
