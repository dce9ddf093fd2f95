/**
 * Choosing PostgreSQL's own programs (pg_dump, pg_restore, psql) for a server. pg_dump refuses a
 * server of a newer major version than itself, so a program older than the server is no
 * choice; of those that fit, the one closest to the server writes what that server reads best.
 */

export interface PgToolsFound {
  /** folder holding pg_dump, pg_restore and psql of one version */
  binDir: string;
  /** major version, e.g. 15 */
  major: number;
}

/** The major version in `pg_dump --version`'s answer ("pg_dump (PostgreSQL) 15.20 (Debian …)"), or undefined. */
export function majorOfVersionLine(line: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(line);
  return match ? Number(match[1]) : undefined;
}

/** The lowest major version at or above the server's; undefined when every program found is older. */
export function choosePgTools(found: PgToolsFound[], serverMajor: number): PgToolsFound | undefined {
  return found.filter((tools) => tools.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}

const STAMP = /^buurtrooster-(\d{8}T\d{6}Z)\.dump$/;

/** The name of a backup made at `at`: `buurtrooster-20261206T192430Z.dump` (UTC, sorts by time). */
export function backupFileName(at: Date): string {
  return `buurtrooster-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "")}.dump`;
}

/** Backup file names among `names`, oldest first; other files are not ours and never counted. */
export function backupsOldestFirst(names: string[]): string[] {
  return names.filter((name) => STAMP.test(name)).sort();
}
