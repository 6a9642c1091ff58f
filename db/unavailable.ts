/**
 * A database that is briefly unreachable (PostgreSQL restarting or failing over, SQLite held by another writer
 * past the busy timeout) is a fault of the moment, not of the request. `guardDialect` wraps a dialect so that any
 * such error, wherever Kysely meets it (taking a connection, a query, begin/commit/rollback), is replaced by what
 * the caller's `unavailable` returns — the web server turns it into a 503 with a Vietnamese message. Other errors
 * pass unchanged.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);
// PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections; SQLite: busy past the timeout.
const DATABASE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
]);

/** Whether an error says the database cannot be reached right now (rather than that the request was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  const code = typeof e.code === "string" ? e.code : "";
  if (NETWORK_CODES.has(code) || DATABASE_CODES.has(code) || code.startsWith("08")) return true;
  const message = typeof e.message === "string" ? e.message : "";
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(
    message,
  );
}

type Unavailable = (cause: unknown) => unknown;

async function guard<T>(run: () => Promise<T>, unavailable: Unavailable): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw unavailable(e);
    throw e;
  }
}

class GuardedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly unavailable: Unavailable,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guard(() => this.inner.executeQuery<R>(query), this.unavailable);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (c: DatabaseConnection) => (c instanceof GuardedConnection ? c.inner : c);

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly unavailable: Unavailable,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await guard(() => this.inner.acquireConnection(), this.unavailable), this.unavailable);
  }

  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guard(() => this.inner.beginTransaction(innerOf(c), settings), this.unavailable);
  }

  commitTransaction(c: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.commitTransaction(innerOf(c)), this.unavailable);
  }

  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.rollbackTransaction(innerOf(c)), this.unavailable);
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    await guard(async () => this.inner.savepoint?.(innerOf(c), name, compile), this.unavailable);
  }

  async rollbackToSavepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    await guard(async () => this.inner.rollbackToSavepoint?.(innerOf(c), name, compile), this.unavailable);
  }

  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    await guard(async () => this.inner.releaseSavepoint?.(innerOf(c), name, compile), this.unavailable);
  }

  releaseConnection(c: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(c));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export function guardDialect(inner: Dialect, unavailable: Unavailable): Dialect {
  return {
    createDriver: (): Driver => new GuardedDriver(inner.createDriver(), unavailable),
    createQueryCompiler: (): QueryCompiler => inner.createQueryCompiler(),
    createAdapter: (): DialectAdapter => inner.createAdapter(),
    createIntrospector: (db): DatabaseIntrospector => inner.createIntrospector(db),
  };
}
