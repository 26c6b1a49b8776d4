import type { StackState } from '../state-types.js';
import type { PgQueryable } from './pg-types.js';

/** One version to store, and the head this process read (null: it saw no state). */
export interface WriteVersionInput {
  /** The quoted schema. */
  readonly s: string;
  readonly stack: string;
  readonly expected: { readonly lineage: string; readonly serial: number } | null;
  readonly state: StackState;
  readonly text: string;
  readonly encrypted: boolean;
  readonly hash: string;
  readonly summary: string;
  readonly writer: string;
  readonly keep: number;
}

/** The stored head when the compare-and-swap failed; undefined when the version was written. */
export type WriteVersionOutcome =
  | { readonly conflict: undefined }
  | { readonly conflict: { lineage: string; serial: number; writer?: string | undefined } | null };

/**
 * In one transaction: moves `heads` from the expected lineage+serial to the new one (or creates
 * it), inserts the version row, points the head at it, and trims to the last `keep` versions.
 * If the head moved meanwhile, rolls back and reports what it found.
 */
export async function writeVersion(
  q: PgQueryable,
  v: WriteVersionInput,
): Promise<WriteVersionOutcome> {
  const { s, stack, state } = v;
  await q.query('BEGIN');
  try {
    const swapped =
      v.expected === null
        ? await q.query(
            `INSERT INTO ${s}.heads (stack, lineage, serial, version_id) VALUES ($1, $2, $3, 0) ON CONFLICT (stack) DO NOTHING`,
            [stack, state.lineage, state.serial],
          )
        : await q.query(
            `UPDATE ${s}.heads SET lineage = $2, serial = $3 WHERE stack = $1 AND lineage = $4 AND serial = $5`,
            [stack, state.lineage, state.serial, v.expected.lineage, v.expected.serial],
          );
    if (swapped.rowCount !== 1) {
      await q.query('ROLLBACK');
      return { conflict: await readHead(q, s, stack) };
    }
    const ins = await q.query(
      `INSERT INTO ${s}.versions (stack, serial, lineage, writer, content_hash, encrypted, summary, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [stack, state.serial, state.lineage, v.writer, v.hash, v.encrypted, v.summary, v.text],
    );
    const id = (ins.rows[0] as { id: string }).id;
    await q.query(`UPDATE ${s}.heads SET version_id = $2 WHERE stack = $1`, [stack, id]);
    await q.query(
      `DELETE FROM ${s}.versions WHERE stack = $1 AND id < (
         SELECT coalesce(min(id), 0) FROM (SELECT id FROM ${s}.versions WHERE stack = $1 ORDER BY id DESC LIMIT $2) k)`,
      [stack, v.keep],
    );
    await q.query('COMMIT');
    return { conflict: undefined };
  } catch (err) {
    await q.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function readHead(
  q: PgQueryable,
  s: string,
  stack: string,
): Promise<{ lineage: string; serial: number; writer?: string | undefined } | null> {
  const cur = await q.query(
    `SELECT h.lineage, h.serial, v.writer FROM ${s}.heads h LEFT JOIN ${s}.versions v ON v.id = h.version_id WHERE h.stack = $1`,
    [stack],
  );
  const r = cur.rows[0] as { lineage: string; serial: string; writer: string | null } | undefined;
  return r === undefined
    ? null
    : { lineage: r.lineage, serial: Number(r.serial), writer: r.writer ?? undefined };
}
