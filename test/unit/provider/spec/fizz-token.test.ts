import { describe, expect, it } from '@jest/globals';
import type { InstanceSpec, StackSpec } from '../../../../provider/spec/spec-types.js';
import { validateSemantics } from '../../../../provider/spec/validate-semantics.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import { NETWORK_PROFILES } from '../../../../provider/network/network-profiles.js';

function stack(web: Partial<InstanceSpec>, rest: Partial<StackSpec> = {}): StackSpec {
  return { stack: 'demo', instances: { web: { image: 'nginx', ...web } }, ...rest };
}
const codes = (spec: StackSpec) => validateSemantics(spec).map((d) => `${d.code} ${d.path}`);

describe('fizz mode pays in SPON', () => {
  it('GIVEN fizz mode with uSPON WHEN validated THEN a located error on the token', () => {
    expect(
      codes(stack({ placement: { mode: 'fizz' }, pricing: { maxPerHour: '1', token: 'uSPON' } })),
    ).toEqual(['spec/fizz-requires-spon instances.web.pricing.token']);
  });

  it('GIVEN fizz mode with the token from defaults WHEN validated THEN the error points at the mode', () => {
    expect(
      codes(
        stack(
          { placement: { mode: 'fizz' } },
          { defaults: { pricing: { maxPerHour: '1', token: 'USDT' } } },
        ),
      ),
    ).toEqual(['spec/fizz-requires-spon instances.web.placement.mode']);
  });

  it('GIVEN fizz with SPON, or provider mode with any token WHEN validated THEN nothing', () => {
    expect(
      codes(stack({ placement: { mode: 'fizz' }, pricing: { maxPerHour: '1', token: 'SPON' } })),
    ).toEqual([]);
    expect(codes(stack({ pricing: { maxPerHour: '1', token: 'uSPON' } }))).toEqual([]);
  });

  it('GIVEN the public networks WHEN their tokens are listed THEN SPON is there with 18 decimals', () => {
    for (const name of ['spheron-testnet', 'spheron-mainnet']) {
      expect(knownTokens(name)).toContainEqual({ symbol: 'SPON', decimals: 18 });
      expect(NETWORK_PROFILES.get(name)?.book.tokens).toContainEqual(
        expect.objectContaining({ symbol: 'SPON', decimals: 18 }),
      );
    }
    expect(NETWORK_PROFILES.get('spheron-mainnet')?.book.tokens).toContainEqual(
      expect.objectContaining({ address: '0x080D43c2164AFdBc3712422CE78Ab902ccaB5CA1' }),
    );
  });
});
