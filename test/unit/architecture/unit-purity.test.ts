import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';

// The guard in test/support/unit-purity-guard.ts (jest setupFiles of the unit project) is what keeps
// unit tests pure on a busy CI machine (STYLE §26); this pins that it is installed and bites.
describe('unit test purity guard', () => {
  it('GIVEN a unit test WHEN it starts a child process THEN it is refused with where to move it', () => {
    expect(() => spawn(process.execPath, ['-e', '0'])).toThrow(/in a unit test.*test\/integration/);
  });

  it('GIVEN a unit test WHEN it listens on a socket THEN it is refused', () => {
    expect(() => createServer().listen(0, '127.0.0.1')).toThrow(
      /net\.Server\.listen\(\) in a unit test/,
    );
  });

  it('GIVEN a unit test WHEN it sleeps on a timer THEN it is refused, while a zero-delay yield is not', async () => {
    expect(() => setTimeout(() => undefined, 10)).toThrow(/setTimeout\(…, 10\) in a unit test/);
    expect(() => sleep(10)).toThrow(/in a unit test/);
    await new Promise((r) => setTimeout(r, 0));
  });

  it('GIVEN a unit test WHEN it reads the wall clock THEN it is refused', () => {
    expect(() => Date.now()).toThrow(/Date\.now\(\) in a unit test/);
  });
});
