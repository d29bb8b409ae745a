/**
 * Prints the audit of the zone-sensitive example courses as JSON, for the test that runs it under
 * several process time zones (TZ) and compares: results must depend on facility.timeZone only.
 * Usage: TZ=Asia/Kolkata node --import tsx test/support/print-audit.ts
 */
import { zoneSensitiveCourses } from './zone-courses.js';
import { runAudit } from './course-builder.js';

process.stdout.write(JSON.stringify(zoneSensitiveCourses().map((c) => runAudit(c))));
