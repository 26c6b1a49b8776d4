import { describe, expect, it } from '@jest/globals';
import { buildApplyTasks } from '../../../../cli/engine/apply-tasks.js';
import { runTaskGraph } from '../../../../cli/engine/run-task-graph.js';
import type { Action, Change } from '../../../../cli/plan/plan-types.js';

const change = (address: string, action: Action): Change => {
  const resource = address.replace(/\[.*$/, '');
  const [type = '', name = ''] = resource.split('.');
  return {
    address,
    resource,
    type,
    name,
    key: address.includes('[') ? '0' : null,
    action,
    before: null,
    after: null,
    afterUnknown: [],
    sensitivePaths: [],
  };
};
const deps = new Map([['health_check.web', ['instance.web']]]);

describe('buildApplyTasks', () => {
  it('GIVEN creates, deletes, no-ops and a dependent WHEN built THEN no-ops drop, deletes wait for every non-delete, the dependent needs its instance', () => {
    const tasks = buildApplyTasks({
      changes: [
        change('instance.web[0]', 'create'),
        change('instance.web[1]', 'no-op'),
        change('instance.old[0]', 'delete'),
        change('health_check.web', 'create'),
      ],
      dependencies: deps,
    });
    expect(tasks.map((t) => [t.change.address, t.after, t.needs])).toEqual([
      ['instance.web[0]', [], []],
      ['instance.old[0]', [0, 2], []],
      ['health_check.web', [], [0]],
    ]);
  });

  it('GIVEN an instance and its health check both deleted WHEN built THEN the health check goes first', () => {
    const tasks = buildApplyTasks({
      changes: [change('health_check.web', 'delete'), change('instance.web[0]', 'delete')],
      dependencies: deps,
    });
    expect(tasks[1]?.after).toEqual([0]);
    expect(tasks[0]?.after).toEqual([]);
  });

  it('GIVEN a resumed create and the duplicate lease of the same slot WHEN built THEN the duplicate delete needs the create', () => {
    const tasks = buildApplyTasks({
      changes: [
        change('instance.web[0]', 'create'),
        change('instance.web[1]', 'create'),
        change('instance.web[0]', 'delete'),
      ],
      dependencies: deps,
    });
    expect(tasks.map((t) => [t.change.address, t.change.action, t.after, t.needs])).toEqual([
      ['instance.web[0]', 'create', [], []],
      ['instance.web[1]', 'create', [], []],
      ['instance.web[0]', 'delete', [1], [0]],
    ]);
  });

  it('GIVEN an in-place update and a duplicate of the same slot WHEN built THEN the delete only comes after it', () => {
    const tasks = buildApplyTasks({
      changes: [change('instance.web[0]', 'update'), change('instance.web[0]', 'delete')],
      dependencies: deps,
    });
    expect(tasks[1]?.after).toEqual([0]);
    expect(tasks[1]?.needs).toEqual([]);
  });

  it('GIVEN a resumed create that fails WHEN the graph is walked THEN the old lease of its slot is not closed', async () => {
    const tasks = buildApplyTasks({
      changes: [change('instance.web[0]', 'create'), change('instance.web[0]', 'delete')],
      dependencies: deps,
    });
    const ran: string[] = [];
    const results = await runTaskGraph({
      tasks,
      parallelism: 4,
      signal: new AbortController().signal,
      run: async (t) => {
        ran.push(`${t.change.action} ${t.change.address}`);
        return t.change.action !== 'create';
      },
    });
    expect(ran).toEqual(['create instance.web[0]']);
    expect([...results.entries()]).toEqual([
      [0, 'failed'],
      [1, 'not-started'],
    ]);
  });
});

describe('runTaskGraph', () => {
  it('GIVEN a failed task WHEN walked THEN what needs it is not started, what only comes after it still runs', async () => {
    const ran: number[] = [];
    const results = await runTaskGraph({
      tasks: [
        { id: 0, after: [], needs: [] },
        { id: 1, after: [], needs: [0] },
        { id: 2, after: [0, 1], needs: [] },
      ],
      parallelism: 1,
      signal: new AbortController().signal,
      run: async (t) => {
        ran.push(t.id);
        return t.id !== 0;
      },
    });
    expect(ran).toEqual([0, 2]);
    expect([...results.entries()].sort()).toEqual([
      [0, 'failed'],
      [1, 'not-started'],
      [2, 'done'],
    ]);
  });

  it('GIVEN a task that throws WHEN walked THEN it counts as failed and the walk goes on', async () => {
    const results = await runTaskGraph({
      tasks: [
        { id: 0, after: [], needs: [] },
        { id: 1, after: [], needs: [] },
      ],
      parallelism: 2,
      signal: new AbortController().signal,
      run: async (t) => {
        if (t.id === 0) throw new Error('boom');
        return true;
      },
    });
    expect(results.get(0)).toBe('failed');
    expect(results.get(1)).toBe('done');
  });

  it('GIVEN an aborted signal WHEN walked THEN nothing starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await runTaskGraph({
      tasks: [{ id: 0, after: [], needs: [] }],
      parallelism: 2,
      signal: controller.signal,
      run: async () => true,
    });
    expect(results.get(0)).toBe('not-started');
  });
});
