/**
 * The `Auth-Spheron` token (reference §2.4): base64 of `{pub_key, timestamp, signed_timestamp}`,
 * an EIP-191 signature over `Sending Request to Provider at: <ts>` with v written as 0 or 1, as the
 * Go provider expects. Tenants mint one per request; providers verify it on every lease route.
 */
import { computeAddress, hashMessage, Signature, SigningKey } from 'ethers';

/** The message a tenant signs for a request at `timestamp` (seconds). */
export function authMessage(timestamp: number): string {
  return `Sending Request to Provider at: ${timestamp}`;
}

/** Anything that signs EIP-191 messages: an ethers Wallet or any Signer. */
export interface MessageSigner {
  signMessage(message: string): Promise<string>;
}

/**
 * Mints a token for `nowSeconds`; the caller passes the clock so tokens are reproducible in tests.
 * @example headers['Auth-Spheron'] = await createAuthToken(wallet, Math.floor(Date.now() / 1000))
 */
export async function createAuthToken(wallet: MessageSigner, nowSeconds: number): Promise<string> {
  const message = authMessage(nowSeconds);
  const sig = await wallet.signMessage(message);
  const pub = SigningKey.recoverPublicKey(hashMessage(message), sig);
  const bytes = Buffer.from(sig.slice(2), 'hex');
  const v = bytes[64] ?? 0;
  // The Go verifier wants the recovery id (0/1), not Ethereum's 27/28.
  if (v >= 27) bytes[64] = v - 27;
  const token = {
    pub_key: pub.slice(2),
    timestamp: nowSeconds,
    signed_timestamp: `0x${bytes.toString('hex')}`,
  };
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64');
}

/** A verified token: who signed it and when. */
export interface AuthTokenValid {
  readonly ok: true;
  /** The checksummed address of `pub_key`. */
  readonly address: string;
  readonly timestamp: number;
}

/** A rejected token with the HTTP status the provider answers: 401 missing, 400 malformed, 403 forbidden. */
export interface AuthTokenRejected {
  readonly ok: false;
  readonly status: 401 | 400 | 403;
  readonly reason: string;
}

/** Result of {@link verifyAuthToken}. */
export type VerifyAuthTokenResult = AuthTokenValid | AuthTokenRejected;

const reject = (status: 401 | 400 | 403, reason: string): AuthTokenRejected => ({
  ok: false,
  status,
  reason,
});

/**
 * Verifies a token's shape, signature and freshness (either direction, `maxAgeSeconds`). Whether
 * the signer is the lease's tenant is the caller's check (403 too). A signature whose v byte is
 * 27/28 is malformed (400): the wire format is the Go recovery id, and accepting both would hide
 * clients that skip the adjustment and then fail against a real provider.
 */
export function verifyAuthToken(
  header: string | undefined,
  nowSeconds: number,
  maxAgeSeconds: number,
): VerifyAuthTokenResult {
  if (header === undefined || header.trim() === '')
    return reject(401, 'missing Auth-Spheron header');
  const parsed = parseToken(header.trim());
  if (typeof parsed === 'string') return reject(400, parsed);
  const { pubKey, timestamp, signature } = parsed;
  let recovered: string;
  try {
    const sig = Signature.from({
      r: `0x${signature.slice(0, 64)}`,
      s: `0x${signature.slice(64, 128)}`,
      v: Number.parseInt(signature.slice(128, 130), 16) + 27,
    });
    recovered = SigningKey.recoverPublicKey(hashMessage(authMessage(timestamp)), sig);
  } catch {
    return reject(400, 'invalid Auth-Spheron header: signature does not decode');
  }
  if (recovered.slice(2).toLowerCase() !== pubKey) {
    return reject(403, 'signature does not match pub_key');
  }
  if (nowSeconds - timestamp > maxAgeSeconds) {
    return reject(403, `timestamp is older than ${maxAgeSeconds} seconds`);
  }
  if (timestamp - nowSeconds > maxAgeSeconds) {
    return reject(403, `timestamp is more than ${maxAgeSeconds} seconds in the future`);
  }
  return { ok: true, address: computeAddress(`0x${pubKey}`), timestamp };
}

interface ParsedToken {
  readonly pubKey: string;
  readonly timestamp: number;
  readonly signature: string;
}

function parseToken(header: string): ParsedToken | string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(header)) return 'invalid Auth-Spheron header: not base64';
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return 'invalid JSON format';
  }
  if (typeof body !== 'object' || body === null) return 'invalid JSON format';
  const rec = body as Record<string, unknown>;
  const pub = rec['pub_key'];
  const ts = rec['timestamp'];
  const sig = rec['signed_timestamp'];
  if (typeof pub !== 'string' || !/^(0x)?04[0-9a-fA-F]{128}$/.test(pub)) {
    return 'invalid Auth-Spheron header: pub_key must be an uncompressed secp256k1 key';
  }
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0) {
    return 'invalid Auth-Spheron header: timestamp must be whole seconds';
  }
  if (typeof sig !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(sig)) {
    return 'invalid Auth-Spheron header: signed_timestamp must be 65 hex bytes';
  }
  const v = Number.parseInt(sig.slice(130, 132), 16);
  if (v !== 0 && v !== 1)
    return `invalid Auth-Spheron header: signature v must be 0 or 1, got ${v}`;
  return { pubKey: pub.replace(/^0x/, '').toLowerCase(), timestamp: ts, signature: sig.slice(2) };
}
