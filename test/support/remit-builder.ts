/**
 * 835 shapes for table tests (005010X221A1): a CAS adjustment (2100/2110 CAS group, CARC, amount), a
 * service line (2110 SVC) and a claim (2100 CLP) of a 2026 77412 with plain values; each test gives what
 * it is about. All data are synthetic.
 */
import type { Adjustment, RemitClaim, RemitServiceLine } from '../../src/core/model/remittance.js';

export const cas = (group: string, reason: string, amountCents: number): Adjustment => ({
  group,
  reason,
  amountCents,
  quantity: null,
});

export const remitLine = (over: Partial<RemitServiceLine> = {}): RemitServiceLine => ({
  procedure: { code: '77412', modifiers: [] },
  submitted: null,
  chargeCents: 60000,
  paidCents: 0,
  units: 1,
  submittedUnits: null,
  dateOfService: '2026-03-02',
  adjustments: [],
  remarks: [],
  allowedCents: null,
  lineControlNumber: null,
  location: 'x.835:ST[1]/2110[1]',
  ...over,
});

export const remitClaim = (over: Partial<RemitClaim> = {}): RemitClaim => ({
  patientControlNumber: 'C-1',
  status: '1',
  chargeCents: 60000,
  paidCents: 0,
  patientResponsibilityCents: null,
  payerClaimControlNumber: 'CCN',
  facilityType: '11',
  memberId: null,
  statementFrom: '2026-03-02',
  statementTo: '2026-03-02',
  adjustments: [],
  remarks: [],
  lines: [],
  location: 'x.835:ST[1]/2100[1]',
  ...over,
});
