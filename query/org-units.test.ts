import { describe, expect, it } from 'vitest';
import { OrgTree, outsideGroupOf, worstSeverity } from './org-units.ts';

// root r -> ou-a -> ou-a1; root -> ou-b. Accounts: 1 under root, 2 in ou-a, 3 in ou-a1, 4 in ou-b.
const tree = new OrgTree(
  [
    { id: 'r', name: 'Root', isRoot: true, parentId: null },
    { id: 'ou-a', name: 'A', isRoot: false, parentId: 'r' },
    { id: 'ou-a1', name: 'A1', isRoot: false, parentId: 'ou-a' },
    { id: 'ou-b', name: 'B', isRoot: false, parentId: 'r' },
  ],
  [
    { id: '1', name: 'one', parentId: 'r', roleCount: 1 },
    { id: '2', name: 'two', parentId: 'ou-a', roleCount: 2 },
    { id: '3', name: 'three', parentId: 'ou-a1', roleCount: 3 },
    { id: '4', name: 'four', parentId: 'ou-b', roleCount: 4 },
  ],
);

describe('the units an organization is shown as', () => {
  it('folds each account into the topmost collapsed OU above it; the root is always open', () => {
    expect(tree.unitMap(new Set())).toEqual({ '1': '1', '2': 'ou-a', '3': 'ou-a', '4': 'ou-b' });
    expect(tree.unitMap(new Set(['ou-a']))).toEqual({ '1': '1', '2': '2', '3': 'ou-a1', '4': 'ou-b' });
    // An expanded OU under a collapsed one stays folded into the collapsed one.
    expect(tree.unitMap(new Set(['ou-a1']))).toEqual({ '1': '1', '2': 'ou-a', '3': 'ou-a', '4': 'ou-b' });
    expect(tree.unitMap(new Set(['ou-a', 'ou-a1', 'ou-b']))).toEqual(tree.identityMap());
  });

  it('an OU holds the accounts of its whole subtree and is shown only when its parents are open', () => {
    expect(tree.accountsUnder('ou-a').map((a) => a.id)).toEqual(['2', '3']);
    expect(tree.isShown(tree.byId.get('ou-a1')!, new Set())).toBe(false);
    expect(tree.isShown(tree.byId.get('ou-a1')!, new Set(['ou-a']))).toBe(true);
    expect(tree.ouPath(tree.accounts[2]!)).toEqual(['A', 'A1']);
  });

  it('names outside groups and the worst severity', () => {
    expect(outsideGroupOf('outside:accounts:123456789012')).toBe('accounts');
    expect(outsideGroupOf('outside:nothing')).toBeUndefined();
    expect(outsideGroupOf('123456789012')).toBeUndefined();
    expect(worstSeverity(['low', null, 'high', 'medium'])).toBe('high');
    expect(worstSeverity([])).toBeNull();
  });
});
