import type { Diagnostic } from '../../cli/diag/index.js';
import { checkAutoscalingRange, checkScalingPolicies } from './semantics/check-autoscaling.js';
import { checkDuplicateEnv, checkDuplicateVolumes } from './semantics/check-names.js';
import { checkOutputs } from './semantics/check-outputs.js';
import {
  checkConflictingPlacement,
  checkFizzToken,
  checkSpread,
} from './semantics/check-placement.js';
import { checkDuplicatePorts, checkHealthPort, checkMetricPorts } from './semantics/check-ports.js';
import type { InstanceSpec, StackSpec } from './spec-types.js';

type InstanceCheck = (name: string, inst: InstanceSpec) => Diagnostic[];

const INSTANCE_CHECKS: readonly InstanceCheck[] = [
  checkDuplicatePorts,
  checkHealthPort,
  checkMetricPorts,
  checkAutoscalingRange,
  checkScalingPolicies,
  checkDuplicateEnv,
  checkDuplicateVolumes,
  (name, inst) => checkConflictingPlacement(inst.placement, ['instances', name, 'placement']),
  checkSpread,
];

/**
 * Rules the schema cannot express: ranges across fields, probe ports among the declared ports,
 * duplicates, conflicting placement and output references. Runs only on schema-valid data, and
 * reports every problem at once.
 */
export function validateSemantics(spec: StackSpec): Diagnostic[] {
  const out: Diagnostic[] = [
    ...checkConflictingPlacement(spec.defaults?.placement, ['defaults', 'placement']),
  ];
  const defaults = {
    mode: spec.defaults?.placement?.mode,
    token: spec.defaults?.pricing?.token,
  };
  for (const [name, inst] of Object.entries(spec.instances)) {
    for (const check of INSTANCE_CHECKS) out.push(...check(name, inst));
    out.push(...checkFizzToken(name, inst, defaults));
  }
  out.push(...checkOutputs(spec));
  return out;
}
