import { WORDS } from './words.js';

/** Labels of a closed or finished count: 已结案116批. */
export const DONE_WORDS = WORDS.actions.done;
/** Labels of a count still open: 在办案件4批. */
export const PENDING_WORDS = WORDS.actions.pending;
/** Labels of an intake count that outcomes are part of: 受理1904件, 接收42批. */
export const INTAKE_WORDS = WORDS.actions.intake;
/** Labels of an outcome count that cannot exceed its intake: 归档1742件, 积分入学33名. */
export const OUTCOME_WORDS = WORDS.actions.outcome;

export { hasAny } from './words.js';
