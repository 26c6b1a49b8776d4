import type { ApplyProgressEvent } from '../engine/apply-events.js';
import { renderApplyEventJson } from './render-apply-json.js';
import { EMPTY_LIVE_VIEW, reduceApplyLive, renderApplyLive } from './render-apply-live.js';
import type { LiveView } from './render-apply-live.js';
import { renderApplyEventPlain } from './render-apply-plain.js';
import { styleFor } from './style.js';

/** Where progress goes and in which form. */
export interface ApplyProgressOptions {
  readonly stream: { readonly isTTY?: boolean | undefined; write(s: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--json`: JSON lines, whatever the stream is. */
  readonly json: boolean;
}

/** Receives the engine's events and draws them; `stop` draws the last frame. */
export interface ApplyProgress {
  readonly emit: (e: ApplyProgressEvent) => void;
  readonly stop: () => void;
  readonly form: 'json' | 'plain' | 'live';
}

/** Which form progress takes: JSON lines, a live list on a TTY, plain lines in CI or pipes. */
export function progressForm(
  opts: Omit<ApplyProgressOptions, 'stream'> & {
    readonly isTTY: boolean;
  },
): ApplyProgress['form'] {
  if (opts.json) return 'json';
  const ci = opts.env['CI'] === 'true' || opts.env['TERM'] === 'dumb';
  return opts.isTTY && !ci ? 'live' : 'plain';
}

/**
 * The progress view of apply: the only impure part of rendering — it writes to the
 * stream, and the live list redraws itself in place about ten times a second.
 */
export function createApplyProgress(opts: ApplyProgressOptions): ApplyProgress {
  const form = progressForm({ ...opts, isTTY: opts.stream.isTTY === true });
  if (form === 'json')
    return { form, emit: (e) => opts.stream.write(`${renderApplyEventJson(e)}\n`), stop: () => {} };
  if (form === 'plain')
    return {
      form,
      emit: (e) => opts.stream.write(`${renderApplyEventPlain(e)}\n`),
      stop: () => {},
    };
  const style = styleFor(opts.stream, opts.env);
  let view: LiveView = EMPTY_LIVE_VIEW;
  let drawn = 0;
  const draw = (): void => {
    const lines = renderApplyLive(view, { now: Date.now(), style });
    const up = drawn > 0 ? `\u001b[${drawn}A` : '';
    opts.stream.write(up + lines.map((l) => `\u001b[2K${l}\n`).join(''));
    drawn = lines.length;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    form,
    emit: (e) => {
      view = reduceApplyLive(view, e);
    },
    stop: () => {
      clearInterval(timer);
      draw();
    },
  };
}
