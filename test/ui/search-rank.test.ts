/** The order of search hits on the page (ui/src/org/search-rank.ts). */
import { expect, it } from 'vitest';
import { rankHits } from '../../ui/src/org/search-rank.ts';

it('ranks the exact name first, then names that start with the text, keeping the order within each', () => {
  const hits = ['my-deploy', 'deploy-prod', 'Deploy', 'x', 'deploy-dev'].map((name) => ({ name }));
  expect(rankHits(' deploy ', hits).map((h) => h.name)).toEqual([
    'Deploy',
    'deploy-prod',
    'deploy-dev',
    'my-deploy',
    'x',
  ]);
});
