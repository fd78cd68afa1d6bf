import { toTitleKey } from '../protocol/index.ts';

/** The document that already has a title the person tried to save. */
export interface TakenTitle {
  id: string;
  title: string;
}

/**
 * The document holding the title in the box, after a save was refused for it; `undefined` once
 * the person changed the title to another one (the server compares titles trimmed and without
 * case, so "Plan " is still taken by "plan").
 *
 * @example findTakenTitle('PLAN', { id: 'd2', title: 'Plan' }) // { id: 'd2', title: 'Plan' }
 */
export function findTakenTitle(
  title: string,
  taken: TakenTitle | undefined,
): TakenTitle | undefined {
  return taken && toTitleKey(title) === toTitleKey(taken.title) ? taken : undefined;
}
