/**
 * SQLite with write transactions that wait their turn. Kysely's SQLite driver starts a transaction with a plain
 * (deferred) `begin`: it takes the write lock only at its first write, and a transaction that has read and then
 * finds another writer (a backup, a script, a second server process) fails at once with "database is locked" —
 * the busy timeout cannot help it. `begin immediate` takes the write lock first, waiting up to the busy timeout.
 * Reads outside transactions are unaffected (WAL lets them run beside a writer).
 */
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from "kysely";

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
