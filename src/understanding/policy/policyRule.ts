import type { RouterTurn } from '../../../dialogs/routerTurn';

/**
 * One row of the policy table (docs/dialogs.md): a small function that either decides the turn
 * (does something and returns true) or passes (returns false, having changed nothing). The router
 * runs the rules in order; the id of the one that decided goes to turnInfo.rule.
 */
export interface PolicyRule {
  id: string;
  decide(turn: RouterTurn): Promise<boolean>;
}
