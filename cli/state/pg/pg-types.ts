/** The slice of node-postgres the backend uses, so its modules do not import `pg` eagerly. */
export interface PgQueryable {
  query(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A node-postgres Client as the backend uses it. */
export interface PgClientLike extends PgQueryable {
  connect(): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}
