/**
 * One numbered schema step. Versions start at 1 and increase by one; a step never changes once
 * released (add a new one instead). `statements` run in order inside one transaction.
 */
export interface SqlMigration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/** Throws when versions are not 1, 2, 3, ... in order (a programming error, caught by tests). */
export function checkMigrationOrder(migrations: readonly SqlMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
