import { type Kysely, sql } from 'kysely';

/**
 * Uploads in bounded memory: a file's bytes are stored as rows of at most 1 MiB (`upload_chunks`), so
 * neither the upload nor the import holds a whole file, let alone a whole batch, in one value. The
 * file keeps its size and SHA-256 (computed while it streams in). A job is `uploading` while its files
 * arrive: the worker does not claim it, and one left by a dropped connection or a killed process is
 * deleted with its files (`job-queue.ts`, `dropStaleUploads`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table jobs drop constraint jobs_status`.execute(db);
  await sql`alter table jobs add constraint jobs_status
    check (status in ('uploading','queued','running','done','failed'))`.execute(db);
  await db.schema
    .createTable('upload_chunks')
    .addColumn('file_id', 'bigint', (c) => c.notNull().references('upload_files.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_chunks_pk', ['file_id', 'seq'])
    .execute();
  await db.schema.alterTable('upload_files').addColumn('size', 'bigint').execute();
  await db.schema.alterTable('upload_files').addColumn('sha256', 'text').execute();
  // Files of jobs queued before this version: one chunk each (they were stored whole).
  await sql`insert into upload_chunks (file_id, seq, bytes) select id, 0, bytes from upload_files`.execute(
    db,
  );
  await sql`update upload_files set size = octet_length(bytes), sha256 = encode(sha256(bytes), 'hex')`.execute(
    db,
  );
  await db.schema.alterTable('upload_files').dropColumn('bytes').execute();
  await sql`alter table upload_files alter column size set not null`.execute(db);
  await sql`alter table upload_files alter column sha256 set not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('upload_files').addColumn('bytes', 'bytea').execute();
  await sql`update upload_files f set bytes = (select string_agg(c.bytes, ''::bytea order by c.seq)
    from upload_chunks c where c.file_id = f.id)`.execute(db);
  await db.schema.dropTable('upload_chunks').execute();
  await db.schema.alterTable('upload_files').dropColumn('size').dropColumn('sha256').execute();
  await sql`delete from jobs where status = 'uploading'`.execute(db);
  await sql`alter table jobs drop constraint jobs_status`.execute(db);
  await sql`alter table jobs add constraint jobs_status
    check (status in ('queued','running','done','failed'))`.execute(db);
}
