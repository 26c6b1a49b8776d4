import { describe, expect, it } from '@jest/globals';
import {
  findUnappliedEdits,
  findUnappliedTargets,
} from '../../../../cli/engine/find-unapplied-edits.js';
import type { ModelView } from '../../../../cli/provider-api.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import { memoryModel, memoryState } from '../../../support/in-memory-provider.js';

const web = (image = 'nginx:1') => ({
  type: 'box',
  name: 'web',
  attributes: { image, size: 1, count: 2 },
});
const api = { type: 'box', name: 'api', attributes: { image: 'api:1', size: 1, count: 1 } };
const policy = (max = 4) => ({
  type: 'autoscaling_policy',
  name: 'web',
  attributes: { instance: 'box.web', min: 1, max },
});

/** The state after applying `model`: every resource's hash is the model's. */
function appliedState(model: ModelView): StackState {
  const state = memoryState(model.resources);
  return {
    ...state,
    resources: state.resources.map((r) => ({
      ...r,
      modelHash: model.resources.find((m) => m.address === r.address)?.hash ?? 'x',
    })),
  };
}

describe('findUnappliedEdits', () => {
  const applied = appliedState(memoryModel([web(), policy(), api]));

  it('GIVEN the model the state was applied with THEN nothing is unapplied', () => {
    expect(findUnappliedEdits(memoryModel([web(), policy(), api]), applied, 'box.web')).toEqual([]);
  });

  it("GIVEN an edited image, or an edited policy of the instance THEN that resource is named; another instance's edit is not", () => {
    expect(
      findUnappliedEdits(memoryModel([web('nginx:22'), policy(), api]), applied, 'box.web'),
    ).toEqual(['box.web']);
    expect(findUnappliedEdits(memoryModel([web(), policy(10), api]), applied, 'box.web')).toEqual([
      'autoscaling_policy.web',
    ]);
    const apiEdited = { ...api, attributes: { ...api.attributes, image: 'api:2' } };
    expect(
      findUnappliedEdits(memoryModel([web(), policy(), apiEdited]), applied, 'box.web'),
    ).toEqual([]);
  });

  it('GIVEN a policy added or removed in the spec but not applied THEN it is named', () => {
    const noPolicy = appliedState(memoryModel([web(), api]));
    expect(findUnappliedEdits(memoryModel([web(), policy(), api]), noPolicy, 'box.web')).toEqual([
      'autoscaling_policy.web',
    ]);
    expect(findUnappliedEdits(memoryModel([web(), api]), applied, 'box.web')).toEqual([
      'autoscaling_policy.web',
    ]);
  });

  it('GIVEN a half-applied resource (uncommitted hash) THEN it is named', () => {
    const half = {
      ...applied,
      resources: applied.resources.map((r) =>
        r.address === 'box.web' ? { ...r, modelHash: 'uncommitted' } : r,
      ),
    };
    expect(findUnappliedEdits(memoryModel([web(), policy(), api]), half, 'box.web')).toEqual([
      'box.web',
    ]);
  });
});

describe('findUnappliedTargets', () => {
  it('GIVEN slot and resource targets THEN each counts as its instance; no target means every resource', () => {
    const applied = appliedState(memoryModel([web(), policy(), api]));
    const edited = memoryModel([web('nginx:22'), policy(), { ...api, attributes: { image: 'x' } }]);
    expect(findUnappliedTargets(edited, applied, ['box.web[1]'])).toEqual(['box.web']);
    expect(findUnappliedTargets(edited, applied, [])).toEqual(['box.api', 'box.web']);
  });
});
