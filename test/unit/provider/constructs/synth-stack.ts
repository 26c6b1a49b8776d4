// Test helper: a fresh stack, and its synthesized cdk.tf.json as plain data.
import { TerraformStack, Testing } from '../../../../provider/constructs/cdktf.js';

/** A new stack named `web` in a test app. */
export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'web');
}

/** What `app.synth()` would write for this stack, parsed. */
export function synthJson(stack: TerraformStack): Record<string, Record<string, unknown>> {
  // toTerraform keeps the `//` metadata (construct paths) that Testing.synth strips.
  return JSON.parse(JSON.stringify(stack.toTerraform())) as Record<string, Record<string, unknown>>;
}

/** `resource.<type>.<id>` of a synthesized stack. */
export function resourceOf(
  json: Record<string, Record<string, unknown>>,
  type: string,
  id: string,
): Record<string, unknown> {
  const byType = json['resource']?.[type] as Record<string, Record<string, unknown>> | undefined;
  const found = byType?.[id];
  if (found === undefined) throw new Error(`no ${type}.${id} in ${JSON.stringify(json)}`);
  return found;
}
