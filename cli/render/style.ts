/**
 * Terminal styling without a dependency: colour only on a TTY, never under `NO_COLOR` or `CI`.
 * Renderers take a `Style` so they stay pure and testable (plain style in snapshots).
 */
export interface Style {
  readonly bold: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly dim: (s: string) => string;
}

const id = (s: string): string => s;
const wrap =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`;

export const PLAIN: Style = { bold: id, red: id, yellow: id, green: id, cyan: id, dim: id };
export const COLOR: Style = {
  bold: wrap(1, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
};

/** Picks the style for a stream from the environment. */
export function styleFor(
  stream: { isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Style {
  const noColor = env['NO_COLOR'] !== undefined || env['CI'] === 'true' || env['TERM'] === 'dumb';
  return stream.isTTY === true && !noColor ? COLOR : PLAIN;
}
