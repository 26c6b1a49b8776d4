import { errorDiag } from '../../cli/diag/index.js';
import type { HealthCheckModel } from './model-types.js';
import { readUnit } from './normalize-context.js';
import type { NormalizeContext } from './normalize-context.js';
import type { HealthSpec } from './spec-types.js';
import { formatPath } from './spec-path.js';
import { parseDuration } from '../../common/units/index.js';

/** The `@default`s of HealthSpec (spec-types.ts), in one place. */
export const HEALTH_DEFAULTS = {
  path: '/',
  expectedStatus: '200-399',
  interval: '10s',
  timeout: '2s',
  healthyThreshold: 1,
  unhealthyThreshold: 3,
  gracePeriod: '30s',
  onFailure: 'replace',
  maxReplacementsPerHour: 3,
} as const;

const STATUS = /^([1-5]\d\d)(?:-([1-5]\d\d))?$/;

/** `health_check.<name>`: the probe of instance `<name>` with every default applied. */
export function normalizeHealth(
  ctx: NormalizeContext,
  name: string,
  spec: HealthSpec,
): HealthCheckModel {
  const base = ['instances', name, 'health'];
  const address = `health_check.${name}`;
  const ms = (v: string | number, field: string): number =>
    readUnit(ctx, v, {
      parse: parseDuration,
      what: `health ${field}`,
      path: [...base, field],
      fallback: 0,
      address,
    });
  return {
    instance: `instance.${name}`,
    probe: normalizeProbe(ctx, spec, base, address),
    interval: ms(spec.interval ?? HEALTH_DEFAULTS.interval, 'interval'),
    timeout: ms(spec.timeout ?? HEALTH_DEFAULTS.timeout, 'timeout'),
    healthyThreshold: spec.healthyThreshold ?? HEALTH_DEFAULTS.healthyThreshold,
    unhealthyThreshold: spec.unhealthyThreshold ?? HEALTH_DEFAULTS.unhealthyThreshold,
    gracePeriod: ms(spec.gracePeriod ?? HEALTH_DEFAULTS.gracePeriod, 'gracePeriod'),
    onFailure: spec.onFailure ?? HEALTH_DEFAULTS.onFailure,
    maxReplacementsPerHour: spec.maxReplacementsPerHour ?? HEALTH_DEFAULTS.maxReplacementsPerHour,
  };
}

function normalizeProbe(
  ctx: NormalizeContext,
  spec: HealthSpec,
  base: readonly string[],
  address: string,
): HealthCheckModel['probe'] {
  if (spec.http === undefined) return { type: 'tcp', port: spec.tcp?.port ?? 0 };
  const status = spec.http.expectedStatus ?? HEALTH_DEFAULTS.expectedStatus;
  const range = parseStatusRange(status);
  if (range === null) {
    ctx.diagnostics.push(
      errorDiag({
        code: 'spec/invalid-status',
        summary: 'Invalid expected HTTP status',
        detail: `The expected status ${JSON.stringify(status)} is not a status code (100–599) or a range such as "200-399" with the lower code first.`,
        hint: 'Write a single code such as 200 or a range such as "200-399".',
        path: formatPath([...base, 'http', 'expectedStatus']),
        address,
      }),
    );
  }
  const headers: Record<string, string> = {};
  for (const k of Object.keys(spec.http.headers ?? {}).sort())
    headers[k] = spec.http.headers?.[k] ?? '';
  return {
    type: 'http',
    path: spec.http.path ?? HEALTH_DEFAULTS.path,
    port: spec.http.port,
    expectedStatus: range ?? { min: 0, max: 0 },
    headers,
  };
}

/** `200` → 200..200, `"200-399"` → 200..399; null when not a valid code or range. */
export function parseStatusRange(v: string | number): { min: number; max: number } | null {
  const m = STATUS.exec(String(v).trim());
  if (m === null) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min <= max ? { min, max } : null;
}
