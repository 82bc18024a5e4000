/**
 * The overview's first screen draws at most this many elements at any size: the root's OUs, the
 * accounts directly under the root, one node per kind of outside caller, and the trust between
 * them (at most (units)² edges; 9 nodes and about 40 edges for a generated 100-account organization).
 * Expanding OUs keeps to it too, as far as the trust goes: past it, the trust of the expanded OUs
 * holding the most accounts is drawn at their box (the API's `budget`), not account by account.
 */
export const FIRST_SCREEN_BUDGET = 300;
