/**
 * Formats millicores as the spec writes them: whole cores as `"2"`, anything else as `"1500m"`.
 * The inverse of `parseCpu` for every positive safe integer.
 */
export function formatCpu(millicores: number): string {
  if (!Number.isSafeInteger(millicores) || millicores < 0) {
    throw new RangeError(
      `formatCpu: expected a non-negative integer of millicores, got ${millicores}`,
    );
  }
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}
