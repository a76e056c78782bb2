/**
 * The revision of the playbook's rules a case is opened under. A stored log always folds the way
 * it was recorded: a rule that would read old steps differently applies from the revision that
 * introduced it (docs/decisions/0009-readback-rounds-and-authority.md).
 *  1: the first rules.
 *  2: "not quite" at the read-back retires the round's solution, remedy and actions; a limit comes
 *     from the event (the acting person's own), never from a role name.
 */
export const PLAYBOOK_REVISION = 2;
