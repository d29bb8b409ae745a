/**
 * What a coder reads for an unlinked record's kind and reason (the linker's words, `link-courses.ts`,
 * are terse): what the record is, why no course took it and what would fix it. A reason not listed here
 * (a FHIR resource's own) is shown as the linker gave it.
 */
const KINDS: Record<string, string> = {
  'treatment-record': 'Treatment record',
  monitoring: 'Motion-monitoring log',
  report: 'SGRT report',
  document: 'Chart document',
  authorization: 'Prior authorization',
  charge: 'OIS charge',
  fhir: 'FHIR resource',
};

const REASONS: Record<string, string> = {
  'no course for this patient in courses.json':
    'The patient has no course in the course list (courses.json): import the course, or check the MRN.',
  'two or more courses for this patient':
    'The patient has two or more courses and the record does not say which one it belongs to.',
  'no fraction at that time': 'No treatment session of the course was delivered at that time.',
  'two fractions at that time': 'Two treatment sessions were delivered at that time: the record fits both.',
  'no fraction treated on that date': 'No treatment session of the course was delivered on that date.',
  'no such fraction in the treatment records': 'The fraction it names is not in the treatment records.',
  'two fractions that day: give the fraction number':
    'Two sessions were delivered that day and the record does not give the fraction number.',
};

export const unlinkedKind = (kind: string): string => KINDS[kind] ?? kind;
export const unlinkedReason = (reason: string): string => REASONS[reason] ?? reason;
