import { redact } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import type { Style } from './style.js';

export interface RenderDiagnosticsOptions {
  readonly style: Style;
  /** File contents by path, to quote the offending line; missing files are not quoted. */
  readonly sources?: ReadonlyMap<string, string> | undefined;
}

/**
 * Renders diagnostics for humans, Terraform-style: the summary, where it is (file, line, column
 * and spec path), the offending line with a caret, the detail, the hint and the stable code.
 */
export function renderDiagnostics(diags: Diagnostics, opts: RenderDiagnosticsOptions): string {
  return diags.map((d) => renderOne(d, opts)).join('\n');
}

function renderOne(d: Diagnostic, opts: RenderDiagnosticsOptions): string {
  const { style } = opts;
  const label =
    d.severity === 'error' ? style.red(style.bold('Error:')) : style.yellow(style.bold('Warning:'));
  const lines = [`${label} ${style.bold(d.summary)}`];
  const where = locationLine(d);
  if (where !== undefined) lines.push(`  ${where}`);
  lines.push(...quote(d, opts));
  if (d.detail !== undefined) lines.push('', ...d.detail.split('\n').map((l) => `  ${l}`));
  if (d.hint !== undefined) lines.push('', `  ${style.cyan('Hint:')} ${d.hint}`);
  lines.push(`  ${style.dim(`[${d.code}]`)}`, '');
  return lines.join('\n');
}

function locationLine(d: Diagnostic): string | undefined {
  const parts: string[] = [];
  if (d.source !== undefined)
    parts.push(`on ${d.source.file} line ${d.source.line}, column ${d.source.column}`);
  if (d.path !== undefined && d.path !== '') parts.push(`at ${d.path}`);
  if (d.address !== undefined) parts.push(`in ${d.address}`);
  return parts.length === 0 ? undefined : `${parts.join(', ')}:`;
}

function quote(d: Diagnostic, opts: RenderDiagnosticsOptions): string[] {
  const src = d.source;
  const text = src === undefined ? undefined : opts.sources?.get(src.file);
  if (src === undefined || text === undefined) return [];
  const raw = text.split(/\r?\n/, src.line)[src.line - 1];
  if (raw === undefined) return [];
  // The quoted line goes to terminals and CI logs: mask keys, tokens and URL credentials in it.
  const line = redact(raw);
  const gutter = String(src.line);
  const width =
    src.endLine === src.line
      ? Math.max(1, src.endColumn - src.column)
      : Math.max(1, line.length - src.column + 1);
  const frame = clipLine(line, src.column, width);
  return [
    `  ${opts.style.dim(`${gutter} |`)} ${frame.text}`,
    `  ${' '.repeat(gutter.length)} ${opts.style.dim('|')} ${' '.repeat(frame.column - 1)}${opts.style.red('^'.repeat(frame.width))}`,
  ];
}

/** Longest quoted line; a longer one (minified or generated YAML) is cut around the column. */
export const MAX_FRAME_WIDTH = 160;

/**
 * The part of `line` worth quoting: the whole line when it is short, else about
 * `MAX_FRAME_WIDTH` characters centred on `column`, with `…` where text was cut, and the caret's
 * column and width moved into the cut.
 */
export function clipLine(
  line: string,
  column: number,
  width: number,
): { text: string; column: number; width: number } {
  if (line.length <= MAX_FRAME_WIDTH) return { text: line, column, width };
  const half = Math.floor(MAX_FRAME_WIDTH / 2);
  const start = Math.max(0, Math.min(column - 1 - half, line.length - MAX_FRAME_WIDTH));
  const end = start + MAX_FRAME_WIDTH;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < line.length ? '…' : '';
  const at = Math.max(1, column - start) + prefix.length;
  const room = MAX_FRAME_WIDTH + prefix.length - at + 1;
  return {
    text: `${prefix}${line.slice(start, end)}${suffix}`,
    column: at,
    width: Math.max(1, Math.min(width, room)),
  };
}
