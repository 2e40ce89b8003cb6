import type { AccountabilityAction, ActionType } from './api.ts';

/**
 * People per type of action, most first, as the reports count them: one person with two records
 * of the same type counts once ("诫勉谈话3人、提醒谈话1人").
 */
export function peopleByType(actions: AccountabilityAction[]): { type: ActionType; people: number }[] {
  const people = new Map<ActionType, Set<string>>();
  for (const a of actions) {
    const set = people.get(a.actionType) ?? new Set<string>();
    set.add(a.personName);
    people.set(a.actionType, set);
  }
  return [...people.entries()]
    .map(([type, names]) => ({ type, people: names.size }))
    .sort((a, b) => b.people - a.people || a.type.localeCompare(b.type));
}
