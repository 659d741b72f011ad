/**
 * Facts several configuration rules share to find the root of a mistake (SPEC §4, findings name
 * the root cause), so that one mistake gives one finding where it is.
 */
import type { MessagingType, Model, Portal, Program, Shift } from '../model/types.js';
import { didYouMean } from '../text.js';

/** Programs that more than one portal uses (portal-program-shared reports them). */
export function sharedPrograms(model: Model): Set<string> {
  const owners = new Map<string, number>();
  for (const p of model.portals) if (p.program !== undefined) owners.set(p.program, (owners.get(p.program) ?? 0) + 1);
  return new Set([...owners].filter(([, n]) => n > 1).map(([program]) => program));
}

/**
 * The program a portal that shares another's program was probably meant to have: a program that
 * belongs to no portal and is named like the portal (`teen-chat` for portal `teen-chat`).
 */
export function intendedProgram(portal: Portal, model: Model): Program | undefined {
  const used = new Set(model.portals.map((p) => p.program));
  const free = model.programs.filter((p) => !used.has(p.id));
  const byId =
    free.find((p) => p.id === portal.id) ??
    free.find(
      (p) =>
        p.id ===
        didYouMean(
          portal.id,
          free.map((f) => f.id),
        ),
    );
  return (
    byId ?? free.find((p) => portal.name !== undefined && p.name !== undefined && p.name.toLowerCase().includes(portal.name.toLowerCase()))
  );
}

/** The programs named by portal-program-shared as the ones portals were meant to have. */
export function intendedPrograms(model: Model): Set<string> {
  const shared = sharedPrograms(model);
  const out = new Set<string>();
  for (const portal of model.portals) {
    if (portal.program === undefined || !shared.has(portal.program) || model.portalByProgram.get(portal.program) === portal) continue;
    const program = intendedProgram(portal, model);
    if (program) out.add(program.id);
  }
  return out;
}

/**
 * A portal whose type is probably what is wrong: at least two shifts are for its program, and
 * all of them are for the other messaging type. Returns that type.
 */
export function likelyPortalType(portal: Portal, model: Model): MessagingType | undefined {
  if (portal.type === undefined || portal.program === undefined) return undefined;
  const shifts = model.shifts.filter((s) => s.program === portal.program && s.messaging.length === 1);
  if (shifts.length < 2) return undefined;
  const other = shifts[0]!.messaging[0]!;
  return other !== portal.type && shifts.every((s) => s.messaging[0] === other) ? other : undefined;
}

/** Registered users of the shift who would not count for `program` and `type`. */
export function wouldNotCount(shift: Shift, program: string, type: MessagingType, model: Model): string[] {
  return [...new Set(shift.staff)].filter((id) => {
    const user = model.userById.get(id);
    return user !== undefined && !(user.programs.includes(program) && user.canReceive.includes(type));
  });
}

/**
 * The messaging type a shift's safe fix sets (SPEC §5.7): its portal's, when its program belongs
 * to exactly one portal and every registered user of the shift would count there — the one right
 * answer, which creates no finding about its staff.
 */
export function fixedMessagingType(shift: Shift, model: Model): MessagingType | undefined {
  if (shift.program === undefined) return undefined;
  const portals = model.portals.filter((p) => p.program === shift.program);
  const portal = portals.length === 1 ? portals[0]! : undefined;
  if (!portal?.type) return undefined;
  return wouldNotCount(shift, shift.program, portal.type, model).length === 0 ? portal.type : undefined;
}
