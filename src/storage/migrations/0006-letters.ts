import { type Kysely, sql } from 'kysely';

/**
 * Letters to payers (issue #6). `letter_templates` keeps every version a practice saved of a letter
 * type's template (plain text with {{placeholders}}); a new save is a new version, never an overwrite.
 * Version 0 is the bundled default (src/core/letters/default-templates.ts) and is not stored.
 * `letters` keeps each draft as drafted and then edited: the body is the edited text, the cover, the
 * references, the warnings and the missing elements are as drafted (JSON). The remittance line an appeal
 * answers is linked while it exists: remittance lines are re-derived on every import
 * (0003-remittance-lines.ts), so the link is set null then and the letter keeps its text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('letter_templates_version', ['practice_id', 'type', 'version'])
    .addCheckConstraint('letter_templates_version_positive', sql`version > 0`)
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('remit_line_id', 'bigint', (c) => c.references('remit_lines.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('ready', 'boolean', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('cover', 'jsonb', (c) => c.notNull())
    .addColumn('references', 'jsonb', (c) => c.notNull())
    .addColumn('warnings', 'jsonb', (c) => c.notNull())
    .addColumn('missing', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('letters_status', sql`status in ('draft','final')`)
    .execute();
  await db.schema
    .createIndex('letters_practice')
    .on('letters')
    .columns(['practice_id', 'type', 'status', 'updated_at'])
    .execute();
  await db.schema.createIndex('letters_course').on('letters').column('course_id').execute();
  await db.schema.createIndex('letters_remit_line').on('letters').column('remit_line_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letters').ifExists().execute();
  await db.schema.dropTable('letter_templates').ifExists().execute();
}
