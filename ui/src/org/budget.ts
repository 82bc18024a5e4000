/**
 * The overview's first screen draws at most this many elements at any size: the root's OUs, the
 * accounts directly under the root, one node per kind of outside caller, and the trust between
 * them (at most (units)² edges; 9 nodes and about 40 edges for a generated 100-account organization).
 */
export const FIRST_SCREEN_BUDGET = 300;
