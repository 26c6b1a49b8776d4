/**
 * The devnet's provider daemons as data (devnet/config/providers.json): where each runs, its tier,
 * its prices, GPUs, capacity and accepted tokens. Read once by the supervisor at `devnet up`.
 */
import { isRecord } from '../../common/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticsError, errorDiag } from '../../common/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../common/diag/index.js';

/** A provider's hourly rates, decimal strings in whole tokens (any accepted token, 1:1). */
export interface ProviderPrices {
  /** Per CPU core per hour, e.g. `"0.10"`. */
  readonly cpuCoreHour: string;
  /** Per GiB of memory per hour. */
  readonly memoryGiBHour: string;
  /** Per GPU per hour. */
  readonly gpuHour: string;
}

/** A GPU model a provider has, with how many units. */
export interface ProviderGpu {
  readonly vendor: string;
  /** Short model name as the order spec writes it, e.g. `rtx4090`. */
  readonly model: string;
  readonly count: number;
}

/** What a provider can hold at once. */
export interface ProviderCapacity {
  readonly cpuCores: number;
  readonly memoryGiB: number;
  readonly storageGiB: number;
}

/** One devnet provider daemon. */
export interface ProviderConfig {
  readonly name: string;
  /** 1–5: picks the dev account (3 + index − 1) and the loopback host 127.0.0.(10 + index). */
  readonly index: number;
  readonly region: string;
  /** On-chain tier 0–6: 0–2 are secured, 3–6 community (reference §1.3). */
  readonly tier: number;
  /** HTTPS port of the provider API; 0 = any free port (kept across restarts in dataDir). */
  readonly port: number;
  readonly prices: ProviderPrices;
  readonly gpus: readonly ProviderGpu[];
  readonly capacity: ProviderCapacity;
  /** Token symbols it accepts, e.g. `["USDT", "uSPON"]`. */
  readonly tokens: readonly string[];
  /** Requests per second one replica serves at 100 % CPU (the workload's utilization model). */
  readonly capacityRps: number;
  /** Block time the daemon prices with (seconds per block), from the file's top level. */
  readonly secondsPerBlock: number;
}

/** Result of {@link parseProviderConfig}. */
export interface ParseProviderConfigResult {
  readonly providers: readonly ProviderConfig[];
  readonly diagnostics: Diagnostics;
}

const DECIMAL = /^\d+(\.\d{1,18})?$/;

/** Checks the providers file's content; reports every problem at once. */
export function parseProviderConfig(json: unknown): ParseProviderConfigResult {
  const diags: Diagnostic[] = [];
  const bad = (path: string, detail: string): void => {
    diags.push(
      errorDiag({
        code: 'devnet-provider/invalid-config',
        summary: 'Invalid devnet provider configuration',
        detail,
        hint: 'Fix the field in devnet/config/providers.json.',
        path,
      }),
    );
  };
  if (!isRecord(json) || !Array.isArray(json['providers'])) {
    bad('providers', 'The file must be an object with a "providers" list.');
    return { providers: [], diagnostics: diags };
  }
  const spb = json['secondsPerBlock'] ?? 1;
  if (typeof spb !== 'number' || !(spb > 0)) {
    bad('secondsPerBlock', `secondsPerBlock ${JSON.stringify(spb)} must be a positive number.`);
  }
  const out: ProviderConfig[] = [];
  json['providers'].forEach((p, i) => {
    const before = diags.length;
    checkProvider(p, `providers.${i}`, bad);
    if (diags.length === before && isRecord(p)) {
      out.push({ ...(p as unknown as ProviderConfig), secondsPerBlock: Number(spb) });
    }
  });
  const names = out.map((p) => p.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) bad(`providers.${i}.name`, `Provider name "${n}" is used twice.`);
  });
  return { providers: diags.length === 0 ? out : [], diagnostics: diags };
}

function checkProvider(p: unknown, at: string, bad: (path: string, detail: string) => void): void {
  if (!isRecord(p)) return bad(at, 'A provider must be an object.');
  const str = (k: string): void => {
    if (typeof p[k] !== 'string' || p[k] === '')
      bad(`${at}.${k}`, `${k} must be a non-empty string.`);
  };
  const int = (v: unknown, path: string, min: number, max: number): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      bad(path, `${JSON.stringify(v)} must be a whole number from ${min} to ${max}.`);
    }
  };
  str('name');
  str('region');
  int(p['index'], `${at}.index`, 1, 245);
  int(p['tier'], `${at}.tier`, 0, 6);
  int(p['port'], `${at}.port`, 0, 65535);
  int(p['capacityRps'], `${at}.capacityRps`, 1, 1_000_000);
  const prices = isRecord(p['prices']) ? p['prices'] : {};
  for (const k of ['cpuCoreHour', 'memoryGiBHour', 'gpuHour']) {
    const v = prices[k];
    if (typeof v !== 'string' || !DECIMAL.test(v)) {
      bad(`${at}.prices.${k}`, `Price ${JSON.stringify(v)} must be a decimal string like "0.10".`);
    }
  }
  const cap = isRecord(p['capacity']) ? p['capacity'] : {};
  for (const k of ['cpuCores', 'memoryGiB', 'storageGiB'])
    int(cap[k], `${at}.capacity.${k}`, 0, 1e6);
  const gpus = p['gpus'];
  if (!Array.isArray(gpus)) bad(`${at}.gpus`, 'gpus must be a list (it may be empty).');
  else {
    gpus.forEach((g, j) => {
      if (!isRecord(g) || typeof g['vendor'] !== 'string' || typeof g['model'] !== 'string') {
        bad(`${at}.gpus.${j}`, 'A GPU needs a vendor and a model.');
      } else int(g['count'], `${at}.gpus.${j}.count`, 1, 64);
    });
  }
  const tokens = p['tokens'];
  if (
    !Array.isArray(tokens) ||
    tokens.length === 0 ||
    !tokens.every((t) => typeof t === 'string')
  ) {
    bad(`${at}.tokens`, 'tokens must list at least one token symbol.');
  }
}

/** The bundled providers.json, found from source (ts-jest) and from dist/ alike. */
export function defaultProviderConfigPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'devnet', 'config', 'providers.json');
    if (existsSync(join(dir, 'providers.json')) && dir.endsWith(join('devnet', 'config'))) {
      return join(dir, 'providers.json');
    }
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('devnet/config/providers.json not found');
    dir = up;
  }
}

/** Reads and checks a providers file; throws a DiagnosticsError listing every problem. */
export function loadProviderConfig(path: string = defaultProviderConfigPath()): ProviderConfig[] {
  const result = parseProviderConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (result.diagnostics.length > 0) throw new DiagnosticsError(result.diagnostics);
  return [...result.providers];
}
