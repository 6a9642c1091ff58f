/** Structured logs: one JSON object per line on stdout. */
export function log(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

/** Hides secrets that travel in a path (one-time account links). */
export function loggablePath(path: string): string {
  return path.replace(/(\/account\/setup\/)[^/?#]+/, "$1***").replace(/(\/calendar\/)[^/?#]+/, "$1***");
}
