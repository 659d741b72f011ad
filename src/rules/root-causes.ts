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

/** The answer of `intendedAssignments`, once per model (several rules ask, per portal). */
const assignments = new WeakMap<Model, Map<Portal, Program>>();

/**
 * The program each portal that shares another's program was probably meant to have: a program
 * that belongs to no portal and is named like the portal (`teen-chat` for portal `teen-chat`),
 * else like its name. Each free program goes to one portal at most — the closest match first —
 * so two portals are never told to take the same one.
 */
function intendedAssignments(model: Model): Map<Portal, Program> {
  const known = assignments.get(model);
  if (known) return known;
  const out = new Map<Portal, Program>();
  assignments.set(model, out);
  const used = new Set(model.portals.map((p) => p.program));
  const free = new Map(model.programs.filter((p) => !used.has(p.id)).map((p) => [p.id, p]));
  const shared = sharedPrograms(model);
  // The portals portal-program-shared reports: not the program's first portal, nor a duplicate of it (duplicate-id).
  const waiting = model.portals.filter((portal) => {
    const owner = portal.program === undefined || !shared.has(portal.program) ? undefined : model.portalByProgram.get(portal.program);
    return owner !== undefined && owner !== portal && owner.id !== portal.id;
  });
  const passes: ((portal: Portal) => Program | undefined)[] = [
    (portal) => free.get(portal.id),
    (portal) => free.get(didYouMean(portal.id, free.keys()) ?? ''),
    (portal) =>
      [...free.values()].find(
        (p) => portal.name !== undefined && p.name !== undefined && p.name.toLowerCase().includes(portal.name.toLowerCase()),
      ),
  ];
  for (const pass of passes) {
    for (const portal of waiting) {
      if (out.has(portal) || !free.size) continue;
      const program = pass(portal);
      if (!program) continue;
      out.set(portal, program);
      free.delete(program.id);
    }
  }
  return out;
}

/** The program a portal that shares another's program was probably meant to have (see above). */
export function intendedProgram(portal: Portal, model: Model): Program | undefined {
  return intendedAssignments(model).get(portal);
}

/** The programs named by portal-program-shared as the ones portals were meant to have. */
export function intendedPrograms(model: Model): Set<string> {
  return new Set([...intendedAssignments(model).values()].map((p) => p.id));
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
