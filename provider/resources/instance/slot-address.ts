/**
 * The address of one slot of a resource, Terraform-style: numeric keys in brackets, other keys
 * quoted.
 * @example slotAddress('instance.web', '0') === 'instance.web[0]'
 * @example slotAddress('instance.web', 'us-east') === 'instance.web["us-east"]'
 */
export function slotAddress(resource: string, key: string): string {
  return /^(0|[1-9][0-9]*)$/.test(key)
    ? `${resource}[${key}]`
    : `${resource}[${JSON.stringify(key)}]`;
}
