import type { ApplyProgressEvent } from '../engine/apply-events.js';
import type { Style } from './style.js';
import { describeApplyEvent } from './render-apply-plain.js';

/** One row of the live task list. */
export interface LiveSlot {
  readonly address: string;
  readonly state: 'running' | 'done' | 'failed';
  /** What the slot last reported. */
  readonly phase: string;
  /** Milliseconds since the epoch. */
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** The live list: rows in the order slots started, plus stack-wide lines (escrow). */
export interface LiveView {
  readonly slots: readonly LiveSlot[];
}

/** The empty list. */
export const EMPTY_LIVE_VIEW: LiveView = { slots: [] };

/** Folds one event into the list (pure: the view is a value). */
export function reduceApplyLive(view: LiveView, e: ApplyProgressEvent): LiveView {
  const at = Date.parse(e.at);
  const i = view.slots.findIndex((s) => s.address === e.address);
  const prior = view.slots[i];
  const phase = describeApplyEvent(e);
  let next: LiveSlot;
  if (e.type === 'slot-started') {
    next = { address: e.address, state: 'running', phase, startedAt: at, endedAt: null };
  } else if (prior === undefined) {
    // An event outside any slot (the stack's escrow deposit) is a finished, one-off line.
    const state = e.type === 'slot-failed' ? 'failed' : 'done';
    next = { address: e.address, state, phase, startedAt: at, endedAt: at };
  } else if (e.type === 'slot-done' || e.type === 'slot-failed') {
    next = { ...prior, state: e.type === 'slot-done' ? 'done' : 'failed', phase, endedAt: at };
  } else {
    next = { ...prior, phase };
  }
  const slots = [...view.slots];
  if (i < 0) slots.push(next);
  else slots[i] = next;
  return { slots };
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** `12.3s`, `2m05s`. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}

/**
 * The TTY task list: one line per slot — symbol, address, phase, elapsed — redrawn in place by
 * the progress driver. `now` (ms) drives the spinner and the running clocks.
 */
export function renderApplyLive(view: LiveView, opts: { now: number; style: Style }): string[] {
  const width = Math.max(0, ...view.slots.map((s) => s.address.length));
  const frame = SPINNER[Math.floor(opts.now / 100) % SPINNER.length] ?? '-';
  return view.slots.map((s) => {
    const symbol =
      s.state === 'done'
        ? opts.style.green('✓')
        : s.state === 'failed'
          ? opts.style.red('✗')
          : opts.style.cyan(frame);
    const elapsed = formatElapsed((s.endedAt ?? opts.now) - s.startedAt);
    return `${symbol} ${opts.style.bold(s.address.padEnd(width))}  ${s.phase} ${opts.style.dim(`(${elapsed})`)}`;
  });
}
