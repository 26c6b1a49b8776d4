// provider/constructs: Leasehold's typed CDK (cdktf) constructs, published as `leasehold/constructs`.
// Only cdktf.ts imports cdktf (the fork switch is one file); nothing here imports cli/ beyond
// cli/diag, and nothing here does I/O (the scaffold is imported directly by provider/, not here).
export { App, Construct, Fn, TerraformOutput, TerraformStack, Testing, Token } from './cdktf.js';
export type { AppConfig, TerraformOutputConfig } from './cdktf.js';
export { AutoscalingPolicy } from './autoscaling-policy.js';
export type { AutoscalingPolicyProps } from './autoscaling-policy.js';
export { HealthCheck } from './health-check.js';
export type { HealthCheckProps } from './health-check.js';
export { Instance } from './instance.js';
export type { InstanceProps } from './instance.js';
export { LeaseholdProvider } from './leasehold-provider.js';
export type { LeaseholdProviderProps } from './leasehold-provider.js';
export { ValidationError } from './validation-error.js';
// The nested prop types are the spec's own (provider/spec/spec-types.ts), re-exported for TS users.
export type {
  AutoscalingSpec,
  BudgetSpec,
  CredentialsSpec,
  DefaultsSpec,
  FromEnv,
  GpuSpec,
  HttpProbeSpec,
  LifecycleSpec,
  MetricSpec,
  NetworkSpec,
  PlacementSpec,
  PortSpec,
  PricingSpec,
  ResourcesSpec,
  ScalingPolicySpec,
  ScalingRulesSpec,
  StorageVolumeSpec,
  TcpProbeSpec,
} from '../spec/spec-types.js';
