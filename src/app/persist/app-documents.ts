import type { Course, Signature } from '../../core/model/course.js';
import type { WrittenNecessity } from '../../storage/repositories/written-document-store.js';

/**
 * Signatures made in the app, keyed `kind|document key` as the `documents` rows are:
 * `sgrt-record|<document id>`, `igrt-review|igrt:<fraction id>`, `motion-management-order|<order id>`,
 * `necessity|<document id>`.
 */
export type AppSignatures = ReadonlyMap<string, Signature>;

/**
 * The course as the audit reads it once what physicians did in the app is laid over the chart: a
 * necessity statement written in the app replaces the chart's (it is the newer, patient-specific one the
 * physician attested), and a document the chart shows unsigned but that was signed here counts as
 * signed. The audit then reads these exactly as it reads an imported note, order or record.
 */
export function withAppDocuments(
  course: Course,
  written: WrittenNecessity | null,
  signed: AppSignatures,
): Course {
  const withText: Course = written
    ? { ...course, necessity: { documentId: written.id, text: written.text, signature: null } }
    : course;
  if (!signed.size) return withText;
  const over = <T extends { signature: Signature | null }>(doc: T, key: string): T => {
    const s = signed.get(key);
    return s && !doc.signature ? { ...doc, signature: s } : doc;
  };
  return {
    ...withText,
    orders: withText.orders.map((o) =>
      o.kind === 'motion-management' ? over(o, `motion-management-order|${o.id}`) : o,
    ),
    necessity: withText.necessity && over(withText.necessity, `necessity|${withText.necessity.documentId}`),
    fractions: withText.fractions.map((f) => {
      const sgrt = f.sgrtRecord && signed.get(`sgrt-record|${f.sgrtRecord.documentId}`);
      const igrt = f.imageGuidance?.performed ? signed.get(`igrt-review|igrt:${f.id}`) : undefined;
      return {
        ...f,
        sgrtRecord:
          f.sgrtRecord && sgrt && !f.sgrtRecord.signature
            ? { ...f.sgrtRecord, signature: sgrt }
            : f.sgrtRecord,
        imageGuidance:
          f.imageGuidance && igrt && !f.imageGuidance.review
            ? { ...f.imageGuidance, review: igrt }
            : f.imageGuidance,
      };
    }),
  };
}
