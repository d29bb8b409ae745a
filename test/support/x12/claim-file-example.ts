import type { Claim, ClaimFile } from '../../../src/formats/x12/claim-types.js';

/**
 * A small synthetic claim file (made-up names, ids and NPIs that pass the shape checks): the tests' base
 * and a starting point for the demo clinic. `kind` picks the freestanding global 837P or the hospital
 * technical 837I shape.
 */
export function exampleClaimFile(kind: '837P' | '837I', claims?: Claim[]): ClaimFile {
  return {
    envelope: {
      sender: { qualifier: 'ZZ', id: 'SGRTCLINIC', name: 'SGRT RADIATION ONCOLOGY' },
      receiver: { qualifier: 'ZZ', id: 'CLEARHOUSE', name: 'EXAMPLE CLEARINGHOUSE' },
      contact: { name: 'BILLING OFFICE', phone: '5555550100' },
      interchangeControlNumber: 17,
      groupControlNumber: 17,
      transactionSetControlNumber: '0001',
      batchReference: 'B20260320-1',
      created: '2026-03-20T09:30',
      usage: 'T',
    },
    billingProvider: {
      name: 'SGRT RADIATION ONCOLOGY',
      npi: '1234567893',
      taxId: '123456789',
      address: { line1: '100 MAIN ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '627010000' },
    },
    payer: { name: 'EXAMPLE HEALTH PLAN', id: 'EHP01', filingIndicator: 'CI' },
    claims: claims ?? [exampleClaim(kind)],
  };
}

export function exampleClaim(kind: '837P' | '837I'): Claim {
  const hospital = kind === '837I';
  return {
    patientControlNumber: 'P00417-202603',
    subscriber: {
      memberId: 'XYZ123456789',
      lastName: 'TESTPATIENT',
      firstName: 'SYNTHIA',
      birthDate: '1961-07-04',
      sex: 'F',
      address: { line1: '1 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62702' },
    },
    diagnosisCodes: ['C50911', 'Z170'],
    ...(hospital ? { facilityTypeCode: '13' } : { placeOfService: '11' }),
    priorAuthorization: 'AUTH2026-0042',
    provider: { npi: '1987654328', lastName: 'ONCOLOGIST', firstName: 'RITA', taxonomy: '2085R0001X' },
    lines: [
      {
        procedureCode: '77412',
        modifiers: [],
        units: 1,
        chargeCents: 145_000,
        dateOfService: '2026-03-02',
        lineControlNumber: 'CH-1001',
        ...(hospital ? { revenueCode: '0333' } : {}),
      },
      {
        procedureCode: hospital ? '77412' : '77387',
        modifiers: hospital ? ['76'] : ['26'],
        units: 1,
        chargeCents: hospital ? 145_000 : 8_405,
        dateOfService: '2026-03-02',
        lineControlNumber: 'CH-1002',
        ...(hospital ? { revenueCode: '0333' } : {}),
      },
      {
        procedureCode: '77412',
        modifiers: [],
        units: 2,
        chargeCents: 290_000,
        dateOfService: '2026-03-03',
        lineControlNumber: 'CH-1003',
        ...(hospital ? { revenueCode: '0333' } : {}),
      },
    ],
  };
}
