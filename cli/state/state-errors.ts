import { LeaseholdError } from '../diag/index.js';
import type { LockInfo } from './state-types.js';

/** The state file is not valid JSON or breaks `schemas/state.schema.json`; nothing is written. */
export class StateCorruptError extends LeaseholdError {
  /** JSON pointer of the first problem (`/resources/0/leases/1/orderId`), `''` for the whole file. */
  readonly jsonPath: string;

  constructor(opts: { file: string; jsonPath: string; problem: string; cause?: unknown }) {
    super({
      code: 'state/corrupt',
      summary: 'State file is malformed',
      detail: `${opts.file} at ${opts.jsonPath === '' ? '(root)' : opts.jsonPath}: ${opts.problem}. Leasehold read nothing from it and wrote nothing.`,
      hint: `Restore it from ${opts.file}.backup, or rebuild it from the chain with \`leasehold import\`.`,
      cause: opts.cause,
    });
    this.name = 'StateCorruptError';
    this.jsonPath = opts.jsonPath;
  }
}

/** The state file belongs to another stack than the one asked for. */
export class StateWrongStackError extends LeaseholdError {
  constructor(opts: { file: string; expected: string; found: string }) {
    super({
      code: 'state/wrong-stack',
      summary: 'State file belongs to another stack',
      detail: `${opts.file} holds the state of stack "${opts.found}", but stack "${opts.expected}" was asked for.`,
      hint: 'Point --state at the state file of this stack, or drop --state to use the default.',
    });
    this.name = 'StateWrongStackError';
  }
}

/** The state file was written by a newer Leasehold (a formatVersion this one does not know). */
export class StateVersionError extends LeaseholdError {
  constructor(opts: { file: string; found: unknown }) {
    super({
      code: 'state/unsupported-version',
      summary: 'State file format is not supported',
      detail: `${opts.file} has formatVersion ${JSON.stringify(opts.found)}; this Leasehold reads formatVersion 1 only.`,
      hint: 'Upgrade Leasehold to the version that wrote this state.',
    });
    this.name = 'StateVersionError';
  }
}

/** Another process holds the state lock and the lock timeout ran out. */
export class StateLockedError extends LeaseholdError {
  readonly holder: LockInfo;

  constructor(opts: { holder: LockInfo; waitedMs: number; stale: boolean }) {
    const h = opts.holder;
    const staleNote = opts.stale
      ? ' Its process is no longer running on this host, so the lock is probably stale.'
      : '';
    super({
      code: 'state/locked',
      summary: 'State is locked by another operation',
      detail: `Lock ${h.id} on ${h.path} is held by ${h.who} for "${h.operation}" since ${h.created} (Leasehold ${h.version}); waited ${opts.waitedMs} ms.${staleNote}`,
      hint: `Wait for it to finish or pass --lock-timeout; if its holder is gone, run \`leasehold state unlock ${h.id}\`.`,
    });
    this.name = 'StateLockedError';
    this.holder = h;
  }
}

/** `state unlock ID` named a lock id that is not the current one (or there is no lock). */
export class StateLockMismatchError extends LeaseholdError {
  constructor(opts: { path: string; given: string; current: LockInfo | null }) {
    super({
      code: opts.current === null ? 'state/not-locked' : 'state/lock-id-mismatch',
      summary: opts.current === null ? 'State is not locked' : 'Lock id does not match',
      detail:
        opts.current === null
          ? `No lock file at ${opts.path}; lock ${opts.given} is already gone.`
          : `Lock ${opts.given} was given, but ${opts.path} holds lock ${opts.current.id} (${opts.current.who}, "${opts.current.operation}").`,
      hint:
        opts.current === null
          ? 'Nothing to unlock; run the command again.'
          : `Check that the holder is gone, then run \`leasehold state unlock ${opts.current.id}\`.`,
    });
    this.name = 'StateLockMismatchError';
  }
}

/** A state address (`instance.web`, `instance.web[0]`) names nothing in the state. */
export class StateAddressNotFoundError extends LeaseholdError {
  constructor(opts: { address: string; known: readonly string[] }) {
    super({
      code: 'state/address-not-found',
      summary: 'Address is not in the state',
      detail: `"${opts.address}" is not in the state. Known: ${opts.known.length === 0 ? '(none)' : opts.known.join(', ')}.`,
      hint: 'Run `leasehold state list` and use one of its addresses.',
    });
    this.name = 'StateAddressNotFoundError';
  }
}

/** A write lost a race: the stored state is no longer the one this process read (compare-and-swap). */
export class StateConflictError extends LeaseholdError {
  constructor(opts: {
    location: string;
    expected: { lineage: string; serial: number } | null;
    found: { lineage: string; serial: number; writer?: string | undefined } | null;
  }) {
    const exp =
      opts.expected === null
        ? 'no state yet'
        : `serial ${opts.expected.serial} of lineage ${opts.expected.lineage}`;
    const found =
      opts.found === null
        ? 'no state'
        : `serial ${opts.found.serial} of lineage ${opts.found.lineage}${opts.found.writer === undefined ? '' : `, written by ${opts.found.writer}`}`;
    super({
      code: 'state/conflict',
      summary: 'State changed since it was read',
      detail: `${opts.location}: this write expected ${exp}, but the stored state is ${found}. Nothing was overwritten.`,
      hint: 'Another process wrote the state without the lock (--no-lock?). Run the command again; it will read the new state.',
    });
    this.name = 'StateConflictError';
  }
}
