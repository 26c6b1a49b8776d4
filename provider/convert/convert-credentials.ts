import type { CredentialsSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import type { ConvertContext } from './convert-context.js';
import { isYamlMap, scalarText } from './yaml-values.js';

const KNOWN = new Set(['registry', 'host', 'username', 'password', 'email']);

/** The environment variable a converted registry password is read from: `WEB_API_REGISTRY_PASSWORD`. */
export function registryPasswordEnv(service: string): string {
  return `${service.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_REGISTRY_PASSWORD`;
}

/**
 * Private-registry credentials → spec credentials. The password is NEVER copied: the spec reads it
 * from `<SERVICE>_REGISTRY_PASSWORD`, and a warning says so. `host` (SDL, SDK type) and `registry`
 * (ICL docs) are both accepted.
 */
export function credentialsToSpec(
  raw: unknown,
  service: string,
  at: SpecPath,
  ctx: ConvertContext,
): CredentialsSpec | undefined {
  if (raw === undefined || raw === null) return undefined;
  const registry = isYamlMap(raw) ? scalarText(raw['registry'] ?? raw['host']) : undefined;
  const username = isYamlMap(raw) ? scalarText(raw['username']) : undefined;
  if (!isYamlMap(raw) || registry === undefined || username === undefined) {
    ctx.error({
      code: 'convert/invalid-value',
      summary: 'Value has the wrong shape',
      detail: '`credentials` needs `host` (or `registry`) and `username`.',
      hint: 'Add the registry host and the user name to `credentials`.',
      at,
    });
    return undefined;
  }
  ctx.warnUnknownKeys(raw, KNOWN, at, 'credentials');
  const fromEnv = registryPasswordEnv(service);
  if (raw['password'] !== undefined) {
    ctx.warn({
      code: 'convert/password-not-copied',
      summary: 'Registry password was not copied',
      detail: `The literal password for \`${registry}\` stays out of the spec; the spec reads it from the environment variable \`${fromEnv}\`.`,
      hint: `Set \`${fromEnv}\` where you run Leasehold, and remove the password from the source file.`,
      at: [...at, 'password'],
    });
  }
  const email = scalarText(raw['email']);
  return { registry, username, password: { fromEnv }, ...(email === undefined ? {} : { email }) };
}
