/** One sample of the Prometheus text exposition format. */
export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** May be NaN or ±Infinity, as the format allows. */
  readonly value: number;
  /** Milliseconds since the epoch, when the line carries one. */
  readonly timestamp: number | null;
}

/** A line the parser could not read, kept as a value: scrapes are observations, not crashes. */
export interface PromProblem {
  readonly line: number;
  readonly message: string;
}

/** The parsed exposition. */
export interface PromParseResult {
  readonly samples: readonly PromSample[];
  /** `# TYPE` per metric family: counter, gauge, histogram, summary, untyped. */
  readonly types: Readonly<Record<string, string>>;
  readonly problems: readonly PromProblem[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/**
 * Parses Prometheus text format 0.0.4: samples with labels (escapes `\\`, `\"`, `\n`), values
 * including `NaN` and `±Inf`, optional timestamps, `# TYPE` lines; `# HELP` and other comments are
 * skipped. Never throws: unreadable lines become problems and the rest is still read.
 * @example parsePrometheusText('http_requests_total{code="200"} 1027 1395066363000')
 */
export function parsePrometheusText(text: string): PromParseResult {
  const samples: PromSample[] = [];
  const types: Record<string, string> = {};
  const problems: PromProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s*TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (m !== null) types[m[1] ?? ''] = (m[2] ?? '').toLowerCase();
      return;
    }
    const parsed = parseSampleLine(line);
    if (typeof parsed === 'string') problems.push({ line: i + 1, message: parsed });
    else samples.push(parsed);
  });
  return { samples, types, problems };
}

/** A sample, or why the line is not one. */
function parseSampleLine(line: string): PromSample | string {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return `expected a metric name in ${JSON.stringify(line.slice(0, 80))}`;
  let rest = line.slice(name.length);
  let labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest);
    if (typeof parsed === 'string') return `${name}: ${parsed}`;
    labels = parsed.labels;
    rest = parsed.rest;
  }
  const fields = rest.trim().split(/\s+/);
  if (fields.length < 1 || fields.length > 2 || fields[0] === '')
    return `${name}: expected a value and an optional timestamp`;
  const value = parseValue(fields[0] ?? '');
  if (value === null) return `${name}: ${JSON.stringify(fields[0])} is not a number`;
  let timestamp: number | null = null;
  if (fields[1] !== undefined) {
    if (!/^-?\d+$/.test(fields[1]))
      return `${name}: ${JSON.stringify(fields[1])} is not a timestamp`;
    timestamp = Number(fields[1]);
  }
  return { name, labels, value, timestamp };
}

function parseLabels(text: string): { labels: Record<string, string>; rest: string } | string {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    while (text[i] === ' ') i += 1;
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const key = LABEL_NAME.exec(text.slice(i))?.[0];
    if (key === undefined) return 'bad label name';
    i += key.length;
    while (text[i] === ' ') i += 1;
    if (text[i] !== '=' || text[i + 1] !== '"') return `label ${key}: expected ="value"`;
    i += 2;
    let value = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const next = text[i + 1];
        value += next === 'n' ? '\n' : (next ?? '');
        i += 2;
      } else {
        value += text[i];
        i += 1;
      }
    }
    if (i >= text.length) return `label ${key}: unterminated value`;
    labels[key] = value;
    i += 1;
    while (text[i] === ' ') i += 1;
    if (text[i] === ',') i += 1;
    else if (text[i] !== '}') return `label ${key}: expected , or }`;
  }
}

function parseValue(v: string): number | null {
  if (/^nan$/i.test(v)) return Number.NaN;
  if (/^\+?inf$/i.test(v)) return Number.POSITIVE_INFINITY;
  if (/^-inf$/i.test(v)) return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return null;
  return Number(v);
}
