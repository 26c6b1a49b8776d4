import { describe, expect, it } from '@jest/globals';
import { decideDevnetPort } from '../../../../devnet/supervisor/decide-devnet-port.js';

// The quick start failed with devnet/port-busy when 8545 was taken: an auto-started devnet now
// takes a free port and says so, while an explicit --port still fails loudly.
describe('decideDevnetPort', () => {
  it('GIVEN no --port and 8545 taken WHEN decided THEN any free port (0), flagged as a fallback', () => {
    expect(decideDevnetPort({ explicit: undefined, preferred: 8545, free: false })).toEqual({
      kind: 'start',
      port: 0,
      fellBack: true,
    });
  });

  it('GIVEN no --port and 8545 free WHEN decided THEN 8545', () => {
    expect(decideDevnetPort({ explicit: undefined, preferred: 8545, free: true })).toEqual({
      kind: 'start',
      port: 8545,
      fellBack: false,
    });
  });

  it('GIVEN an explicit --port that is taken WHEN decided THEN busy, never another port', () => {
    expect(decideDevnetPort({ explicit: 9000, preferred: 8545, free: false })).toEqual({
      kind: 'busy',
      port: 9000,
    });
  });

  it('GIVEN --port 0 WHEN decided THEN any free port, no fallback message', () => {
    expect(decideDevnetPort({ explicit: 0, preferred: 8545, free: false })).toEqual({
      kind: 'start',
      port: 0,
      fellBack: false,
    });
  });
});
