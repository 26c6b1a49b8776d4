/**
 * How one `--watch` snapshot is framed (pure): on a terminal, the screen is cleared and the frame
 * redrawn in place; in a pipe or CI, each snapshot is a plain block under a timestamped header,
 * so `status --watch | tee log` keeps every one, readable in order.
 */
export function renderWatchFrame(
  body: string,
  opts: { readonly tty: boolean; readonly at: number },
): string {
  if (opts.tty) return `\u001b[2J\u001b[H${body}\n`;
  return `--- ${new Date(opts.at).toISOString()} ---\n${body}\n`;
}
