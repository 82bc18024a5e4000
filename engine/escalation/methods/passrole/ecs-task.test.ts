import { describe, expect, it } from 'vitest';
import { methodCases, withoutCall } from '../method-test-support.ts';
import { ecsTask } from './ecs-task.ts';

describe(ecsTask.id, () => {
  methodCases(ecsTask, withoutCall('ecs:RegisterTaskDefinition'));

  it('says that a cluster must exist (RunTask, StartTask and CreateService run in one)', () => {
    expect(ecsTask.needsRuntime).toMatch(/ECS cluster/);
  });
});
