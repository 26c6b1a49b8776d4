import type { GpuSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import type { UnitReader } from './convert-resources.js';
import { isYamlMap, scalarText, toList } from './yaml-values.js';

/**
 * `gpu: {units, attributes: {vendor: {nvidia: [{model, ram, interface}]}}}` → spec gpu. The spec
 * has one `ram`/`interface` for the whole any-of model list; when the entries disagree, the
 * requirement is dropped with a warning rather than guessed. Zero units means no GPU.
 */
export function gpuToSpec(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
  readSize?: UnitReader | undefined,
): GpuSpec | undefined {
  if (raw === undefined || raw === null) return undefined;
  const units = isYamlMap(raw) ? Number(raw['units']) : NaN;
  if (!isYamlMap(raw) || !Number.isInteger(units) || units < 0) {
    ctx.error(invalidValue('`gpu.units` must be a whole number of GPUs.', at));
    return undefined;
  }
  if (units === 0) return undefined;
  ctx.warnUnknownKeys(raw, new Set(['units', 'attributes']), at, 'gpu');
  const attrs = isYamlMap(raw['attributes']) ? raw['attributes'] : {};
  ctx.warnUnknownKeys(attrs, new Set(['vendor']), [...at, 'attributes'], 'gpu attribute');
  const vendors = isYamlMap(attrs['vendor']) ? Object.entries(attrs['vendor']) : [];
  const vAt = [...at, 'attributes', 'vendor'];
  const first = vendors[0];
  if (first === undefined) return { units };
  const [vendor, list] = first;
  if (vendor !== 'nvidia' && vendor !== 'amd') {
    ctx.error(
      invalidValue(`GPU vendor must be nvidia or amd; found \`${vendor}\`.`, [...vAt, vendor]),
    );
    return undefined;
  }
  for (const [other] of vendors.slice(1)) {
    ctx.warn({
      code: 'convert/gpu-requirement-dropped',
      summary: 'GPU requirement cannot be expressed',
      detail: `Only one GPU vendor is modelled; \`${other}\` was dropped and \`${vendor}\` kept.`,
      hint: 'Pick one vendor, or declare a second instance for the other.',
      at: [...vAt, other],
    });
  }
  const fields = modelFields(toList(list), [...vAt, vendor], ctx);
  if (fields.ram === undefined || readSize === undefined) return { units, vendor, ...fields };
  const ram = readSize(fields.ram, [...vAt, vendor], ctx);
  return { units, vendor, ...fields, ...(ram === undefined ? {} : { ram: String(ram) }) };
}

function modelFields(
  entries: readonly unknown[],
  at: SpecPath,
  ctx: ConvertContext,
): Pick<GpuSpec, 'models' | 'ram' | 'interface'> {
  const models: string[] = [];
  const rams = new Set<string | undefined>();
  const ifaces = new Set<string | undefined>();
  entries.forEach((e, i) => {
    if (!isYamlMap(e)) return;
    ctx.warnUnknownKeys(e, new Set(['model', 'ram', 'interface']), [...at, i], 'gpu model');
    const model = scalarText(e['model']);
    if (model !== undefined) models.push(model);
    rams.add(scalarText(e['ram']));
    ifaces.add(scalarText(e['interface'])?.toLowerCase());
  });
  const ram = single(rams, 'ram', at, ctx);
  const iface = single(ifaces, 'interface', at, ctx);
  if (iface !== undefined && iface !== 'pcie' && iface !== 'sxm') {
    ctx.error(invalidValue(`GPU interface must be pcie or sxm; found \`${iface}\`.`, at));
  }
  return {
    ...(models.length > 0 ? { models } : {}),
    ...(ram === undefined ? {} : { ram }),
    ...(iface === 'pcie' || iface === 'sxm' ? { interface: iface } : {}),
  };
}

function single(
  values: Set<string | undefined>,
  field: string,
  at: SpecPath,
  ctx: ConvertContext,
): string | undefined {
  if (values.size <= 1) return [...values][0];
  ctx.warn({
    code: 'convert/gpu-requirement-dropped',
    summary: 'GPU requirement cannot be expressed',
    detail: `The GPU models ask for different \`${field}\` values (${[...values].map((v) => v ?? 'any').join(', ')}); the spec has one \`${field}\` for all models, so none was kept.`,
    hint: `Set \`resources.gpu.${field}\` by hand if one value fits every model.`,
    at,
  });
  return undefined;
}
