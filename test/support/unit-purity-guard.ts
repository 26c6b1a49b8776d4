/**
 * Set up before every unit test file (jest.config.js, project `unit`): a unit test owns no process,
 * no socket and no timer (STYLE §26). On a busy 2-core CI machine, anything that does fails by luck,
 * so it is refused here at the call, with a message that says where such a test belongs.
 *
 * The patches reach code under test too, because Node's built-in modules are shared objects: a
 * source module that spawns a child or listens on a port fails the same way.
 */
// Taken with getBuiltinModule, not `import`: an import here would make jest cache the modules'
// named exports before they are patched, and a test's `import { spawn }` would get the original.
const childProcess = process.getBuiltinModule('node:child_process');
const net = process.getBuiltinModule('node:net');
const dgram = process.getBuiltinModule('node:dgram');
const timersPromises = process.getBuiltinModule('node:timers/promises');

const WHERE =
  'Unit tests are pure (no processes, sockets or timers): move this test to test/integration/, or inject the clock, sleep or I/O it needs.';

function refuse(what: string): never {
  throw new Error(`${what} in a unit test. ${WHERE}`);
}

type Patchable = Record<string, unknown>;

function patch(target: Patchable, names: readonly string[], label: string): void {
  for (const name of names) {
    if (typeof target[name] !== 'function') continue;
    target[name] = () => refuse(`${label}.${name}()`);
  }
}

patch(
  childProcess as unknown as Patchable,
  ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  'child_process',
);
patch(net.Server.prototype as unknown as Patchable, ['listen'], 'net.Server');
patch(net.Socket.prototype as unknown as Patchable, ['connect'], 'net.Socket');
patch(dgram.Socket.prototype as unknown as Patchable, ['bind', 'send'], 'dgram.Socket');

const realSetTimeout = globalThis.setTimeout;
const realSetInterval = globalThis.setInterval;

/** True when the frame that called the timer is the test runner or a library, not our code. */
function calledFromLibrary(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(3);
  const caller = frames.find((f) => !f.includes('unit-purity-guard'));
  return caller === undefined || caller.includes('/node_modules/') || caller.includes('node:');
}

// A zero delay only yields to the event loop (no waiting on the clock); anything longer is a sleep.
// Jest's own test timeouts and libraries' internal timers are theirs, not the test's.
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const delay = args[1];
  if (delay !== undefined && delay > 0 && !calledFromLibrary()) refuse(`setTimeout(…, ${delay})`);
  return realSetTimeout(...args);
}) as typeof setTimeout;
globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
  const delay = args[1];
  if (delay !== undefined && delay > 0 && !calledFromLibrary()) refuse(`setInterval(…, ${delay})`);
  return realSetInterval(...args);
}) as typeof setInterval;

const realSleep = timersPromises.setTimeout;
(timersPromises as unknown as Patchable).setTimeout = (delay?: number, ...rest: unknown[]) => {
  if (delay !== undefined && delay > 0 && !calledFromLibrary())
    refuse(`timers/promises.setTimeout(${delay})`);
  return (realSleep as (...a: unknown[]) => Promise<unknown>)(delay, ...rest);
};

// The wall clock, read by our code, makes a test depend on when it runs: pure code takes `now`.
const realNow = Date.now.bind(Date);
Date.now = (): number => {
  if (!calledFromLibrary()) refuse('Date.now()');
  return realNow();
};
