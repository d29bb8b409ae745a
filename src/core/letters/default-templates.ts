import type { LetterType } from './letter-types.js';

/**
 * The bundled letter templates (issue #6): plain text with {{placeholders}} that a practice may copy and
 * edit (storage keeps its versions). Paragraphs are separated by blank lines; lines starting with "- "
 * are bullets; block placeholders (marked "block" below) stand alone on their line. Citations come from
 * the blocks as [1], [2]… and the references list is printed after the letter, so a template never
 * numbers references itself (it may cite one with `[ref:<id>]`, see site-references.json).
 */
/** The bundled defaults are version 0 of each type; a practice's saved versions count from 1. */
export const DEFAULT_TEMPLATE_VERSION = 0;

export const TEMPLATE_PLACEHOLDERS: readonly { name: string; description: string }[] = [
  { name: 'date', description: 'Date of the letter (YYYY-MM-DD)' },
  { name: 'practiceName', description: 'The practice' },
  { name: 'physicianId', description: 'Treating physician (chart id)' },
  {
    name: 'physicianName',
    description: 'Treating physician with credentials, from the billing settings, e.g. "Rita Doctorfake, MD"',
  },
  {
    name: 'signature',
    description: "block: the treating physician's signature line, name and credentials, NPI and the practice",
  },
  { name: 'payerName', description: "The patient's payer" },
  { name: 'patientName', description: 'Patient name (letters to the payer only)' },
  { name: 'patientBirthDate', description: 'Patient date of birth (prior authorization and appeals only)' },
  { name: 'courseId', description: 'Course identifier' },
  { name: 'diagnosis', description: 'Diagnosis code or text from the chart' },
  { name: 'site', description: 'Treated site with laterality, e.g. "left breast (whole breast)"' },
  { name: 'technique', description: 'Plan technique and isocenters, e.g. "3D, 1 isocenter"' },
  { name: 'requestedCode', description: 'The delivery code the plan meets (77412, 77407, 77402)' },
  { name: 'levelBasis', description: 'Why, e.g. "photons to 2 isocenters"' },
  { name: 'fractionsPlanned', description: 'Fractions planned' },
  {
    name: 'fractionsRequested',
    description: "Fractions requested: the plan's, at most the code's course limit (77373: 5)",
  },
  {
    name: 'courseLimit',
    description:
      'block: why fewer fractions are requested than planned, and that the rest need a decision (prior authorization)',
  },
  {
    name: 'imageGuidanceRequest',
    description:
      "block: the physician's image guidance review (77387-26) requested with each fraction, when the plan has image guidance (prior authorization)",
  },
  { name: 'fractionsDelivered', description: 'Fractions delivered so far' },
  { name: 'treatmentDates', description: 'First and last date of treatment delivered' },
  { name: 'motionSystem', description: 'Monitoring system(s) named in the record or the plan' },
  { name: 'thresholds', description: 'Tolerance thresholds' },
  { name: 'claim', description: 'block: one line with the claim line appealed (empty without one)' },
  {
    name: 'appealHeader',
    description: "block: the payer's claim number beside ours, the appeal level and the deadline (appeals)",
  },
  { name: 'enclosures', description: 'block: the documents enclosed, one bullet each (appeals)' },
  {
    name: 'appealRequest',
    description:
      "The closing request as the payer's kind names the appeal: a redetermination (traditional Medicare), a reconsideration (Medicare Advantage, a commercial plan), of the service or of the services the letter covers",
  },
  {
    name: 'recordsOffer',
    description:
      'Where the signed records are: a summary of each record listed under Enclosures enclosed, the source records on request; else available on request',
  },
  { name: 'claimNumber', description: 'Claim number (appeals)' },
  { name: 'dateOfService', description: 'Date of service of the line appealed' },
  { name: 'submittedCode', description: 'Code billed on the line appealed' },
  { name: 'paidCode', description: 'Code the payer adjudicated' },
  { name: 'billedAmount', description: 'Billed amount of the line' },
  { name: 'paidAmount', description: 'Paid amount of the line' },
  { name: 'adjustmentCodes', description: 'Adjustment reason codes on the line, e.g. CO-45' },
  {
    name: 'denialCodes',
    description: 'The adjustment reason codes and remark codes of the line, e.g. "CO-197; remark N54"',
  },
  {
    name: 'claimServices',
    description:
      'block: the services of the claim denied for authorization, one bullet each: date, code, amount billed (retro-authorization, 2025 authorization appeal: one letter per claim)',
  },
  { name: 'authorizationNumber', description: 'Authorization on file for the course' },
  { name: 'authorizationDates', description: 'When that authorization was obtained and its validity' },
  {
    name: 'imageReview',
    description:
      'block: the image guidance of the date of service as bullets: modality, reviewer, sign time, before or after the next beam-on (77387-26 appeals and peer-to-peer sheets)',
  },
  {
    name: 'necessity',
    description:
      "block: the physician's medical-necessity statement, quoted, under a heading (motion management only)",
  },
  {
    name: 'evidence',
    description: "block: the patient's motion evidence as bullets, under a heading (motion management only)",
  },
  {
    name: 'elements',
    description:
      'block: the five documentation elements, present or absent, under a heading (motion management only)',
  },
  { name: 'codeCriteria', description: 'block: the 2026 code criteria, with citations' },
  {
    name: 'denialAnswer',
    description:
      "block: the answer to the denial's reason that comes before the necessity (a traditional Medicare redetermination of an authorization denial: Medicare Part B has no prior authorization for radiation therapy)",
  },
  {
    name: 'policyPoints',
    description: 'block: the payer policy point at issue for this letter type, with citations',
  },
  {
    name: 'siteRationale',
    description:
      'block: guideline and literature statements for the disease site, under a heading (motion management only)',
  },
];

const HEADER = `{{date}}

To: {{payerName}}
From: {{practiceName}}, {{physicianName}}`;

const PATIENT = `Patient: {{patientName}}, date of birth {{patientBirthDate}}
Course: {{courseId}}; diagnosis {{diagnosis}}; {{site}}; {{technique}}`;

const CLAIM = `{{claim}}
{{appealHeader}}`;

const EVIDENCE = `{{evidence}}

{{elements}}`;

const SIGN = `Sincerely,

{{signature}}`;

const CLOSE = `{{appealRequest}} {{recordsOffer}}

${SIGN}`;

const TEMPLATES: Record<LetterType, string> = {
  'prior-authorization': `${HEADER}
Re: Prior authorization request, radiation treatment delivery (CPT {{requestedCode}})

${PATIENT}

We request authorization of {{fractionsRequested}} fractions of radiation treatment delivery, CPT {{requestedCode}} ({{levelBasis}}), for this patient.

{{imageGuidanceRequest}}

{{courseLimit}}

{{necessity}}

{{evidence}}

{{elements}}

Code criteria:

{{codeCriteria}}

{{policyPoints}}

{{siteRationale}}

${SIGN}`,

  'retro-authorization': `${HEADER}
Re: Request for retroactive authorization of services delivered, claim {{claimNumber}}

${PATIENT}
${CLAIM}

We request retroactive authorization of the services below, delivered to this patient and billed on claim {{claimNumber}}, which {{payerName}} denied for lack of authorization ({{denialCodes}}).

{{claimServices}}

{{necessity}}

${EVIDENCE}

{{codeCriteria}}

{{policyPoints}}

{{siteRationale}}

We ask that you authorize these services as delivered and reprocess the claim. {{recordsOffer}}

${SIGN}

{{enclosures}}`,

  'appeal-downcode': `${HEADER}
Re: Appeal of a downcode from CPT 77412 to 77407

${PATIENT}
${CLAIM}

We appeal the payment of this line at the 77407 level. The treatment met the 2026 criteria of CPT 77412: {{levelBasis}}.

{{policyPoints}}

{{codeCriteria}}

{{necessity}}

${EVIDENCE}

{{siteRationale}}

${CLOSE}

{{enclosures}}`,

  'appeal-igrt-denial': `${HEADER}
Re: Appeal of the denial of CPT 77387-26 (professional image guidance)

${PATIENT}
${CLAIM}

We appeal the denial of the physician's professional image-guidance service on this date of service.

{{policyPoints}}

The image guidance of the date of service, as the signed record shows it:

{{imageReview}}

${CLOSE}

{{enclosures}}`,

  'appeal-authorization-2025': `${HEADER}
Re: Appeal of a 2026 claim denied for authorization (authorization obtained in 2025)

${PATIENT}
${CLAIM}
Authorization: {{authorizationNumber}} ({{authorizationDates}})

We appeal the denial for lack of authorization of the 2026 services below, billed on claim {{claimNumber}}.

{{claimServices}}

{{policyPoints}}

{{codeCriteria}}

${EVIDENCE}

${CLOSE}

{{enclosures}}`,

  'appeal-zero-payment': `${HEADER}
Re: Appeal of a zero payment (whole charge adjusted without a denial reason)

${PATIENT}
${CLAIM}

We appeal the zero payment of this treatment delivery. The treatment of {{dateOfService}} met the 2026 criteria of CPT {{requestedCode}}: {{levelBasis}}.

{{policyPoints}}

{{codeCriteria}}

${EVIDENCE}

${CLOSE}

{{enclosures}}`,

  'appeal-medical-necessity': `${HEADER}
Re: Appeal of a denial for medical necessity (CPT {{submittedCode}})

${PATIENT}
${CLAIM}

We appeal the denial of this date of service as not medically necessary ({{adjustmentCodes}}). The treatment of {{dateOfService}} was ordered by the treating physician for this patient's diagnosis and met the 2026 criteria of CPT {{requestedCode}}: {{levelBasis}}.

{{necessity}}

${EVIDENCE}

{{codeCriteria}}

{{siteRationale}}

${CLOSE}

{{enclosures}}`,

  // The redetermination request carries the elements a written request must (42 CFR 405.944(b)): the
  // beneficiary's name, the Medicare number, the service and its date of service, the requester's name
  // and signature; with the date of the initial determination (the 835's remittance date) and the
  // reasons for disagreeing: the contractor asks whether the service was reasonable and necessary
  // (Social Security Act §1862(a)(1)(A)). The deadline (42 CFR 405.942(a)) is in {{appealHeader}}.
  redetermination: `${HEADER}
Re: Request for redetermination of a Medicare Part B claim (with the elements 42 CFR 405.944(b) requires: the beneficiary's name, the Medicare number, the service and its date of service, and the requester's name and signature)

Beneficiary's name: {{patientName}}
{{appealHeader}}
Item or service: CPT {{submittedCode}}, billed {{billedAmount}}; denied {{denialCodes}}
Date of service: {{dateOfService}}
Party requesting: {{practiceName}}, the provider of the service

{{denialAnswer}}

We do not agree with the initial determination of this service ({{denialCodes}}). The service was reasonable and necessary for the diagnosis and treatment of this beneficiary's illness: the treatment of {{dateOfService}} was ordered by the treating physician for the diagnosis {{diagnosis}} ({{site}}; {{technique}}) and met the 2026 criteria of CPT {{requestedCode}}: {{levelBasis}}.

{{policyPoints}}

{{necessity}}

${EVIDENCE}

{{codeCriteria}}

{{siteRationale}}

${CLOSE}

{{enclosures}}`,

  'peer-to-peer': `Course: {{courseId}}; patient {{patientName}}; payer {{payerName}}
Diagnosis {{diagnosis}}; {{site}}; {{technique}}; fractions {{fractionsDelivered}} of {{fractionsPlanned}} ({{treatmentDates}})
Delivery level: {{requestedCode}} ({{levelBasis}})
{{claim}}

{{necessity}}

{{imageReview}}

{{evidence}}

{{elements}}

{{policyPoints}}

{{codeCriteria}}

{{siteRationale}}`,
};

/** The bundled default template of a letter type: plain text with {{placeholders}}. */
export function defaultTemplate(type: LetterType): string {
  return TEMPLATES[type];
}

export const defaultTemplateId = (type: LetterType) => `default-${type}`;
