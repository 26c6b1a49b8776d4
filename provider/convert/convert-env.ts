import type { SpecPath } from '../spec/spec-path.js';
import type { ConvertContext } from './convert-context.js';
import { scalarText } from './yaml-values.js';

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|MNEMONIC|CREDENTIAL/i;

/**
 * `env: ["K=V", …]` → `{K: "V"}`. Values stay strings (`"8080"`, `"true"`), as the container sees
 * them. A name that looks like a secret gets a warning: it sits in plain text in the source, and
 * the spec has `secrets` for that.
 */
export function envListToMap(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    ctx.error({
      code: 'convert/invalid-value',
      summary: 'Value has the wrong shape',
      detail: '`env` must be a list of `NAME=value` strings.',
      hint: 'Write env as a YAML list: `- NAME=value`.',
      at,
    });
    return undefined;
  }
  const out: Record<string, string> = {};
  raw.forEach((item, i) => {
    const text = scalarText(item);
    const eq = text?.indexOf('=') ?? -1;
    if (text === undefined || eq <= 0) {
      ctx.warn({
        code: 'convert/invalid-env',
        summary: 'Environment entry is not NAME=value',
        detail: `Entry ${i} of \`env\` has no \`NAME=\` part, so it was not carried over.`,
        hint: 'Add it to the instance `env` map by hand if the container needs it.',
        at: [...at, i],
      });
      return;
    }
    const name = text.slice(0, eq);
    out[name] = text.slice(eq + 1);
    if (SECRET_NAME.test(name)) {
      ctx.warn({
        code: 'convert/env-looks-secret',
        summary: 'Environment variable looks like a secret',
        detail: `\`${name}\` was copied as a plain \`env\` value, as the source had it; plain env values appear in plans and state.`,
        hint: `Move it to \`secrets: {${name}: {fromEnv: ${name}}}\` and drop the literal value.`,
        at: [...at, i],
      });
    }
  });
  return out;
}
