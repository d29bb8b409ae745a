import type { Payer835 } from '../../formats/x12/write-835.js';

/**
 * How each demo payer sends its 835 (all synthetic: PO boxes in made-up towns, 555-01xx telephone
 * numbers, which are reserved for fiction): the 1000A details the TR3 requires (N3/N4, PER*BL), where
 * it puts its id (N103 XV or REF*2U), its CLP06 claim filing indicator (005010X221A1 code list: MB
 * Medicare Part B, 16 HMO Medicare Risk (a Medicare Advantage plan), HM HMO, 12 PPO) and the shape of its
 * payer claim control numbers (CLP07).
 */
export interface DemoPayerStyle {
  party: Payer835;
  filingIndicator: string;
  /** TRN03: `1` and the payer's (synthetic) employer identification number. */
  originator: string;
  /** CLP07 for the n-th claim the payer adjudicates on a payment date. */
  claimControlNumber: (paymentDate: string, n: number) => string;
}

const contact = (phone: string) => ({ name: 'EDI SUPPORT', phone });

/** Medicare-style ICN: year, Julian day, then a sequence (13 digits). */
function icn(paymentDate: string, n: number): string {
  const d = new Date(`${paymentDate}T00:00:00Z`);
  const day = Math.round((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return `${paymentDate.slice(2, 4)}${String(day).padStart(3, '0')}${String(n).padStart(8, '0')}`;
}

const numbered = (prefix: string) => (paymentDate: string, n: number) =>
  `${prefix}${paymentDate.slice(2).replaceAll('-', '')}${String(n).padStart(5, '0')}`;

const STYLES: Record<string, DemoPayerStyle> = {
  medicare: {
    party: {
      idIn: 'N1*XV',
      address: { line1: 'PO BOX 9990', city: 'SAMPLEVILLE', state: 'ND', postalCode: '58108' },
      technicalContact: contact('5555550141'),
    },
    filingIndicator: 'MB',
    originator: '1999999901',
    claimControlNumber: icn,
  },
  uhc: {
    party: {
      idIn: 'REF*2U',
      address: { line1: 'PO BOX 9991', city: 'TESTBURG', state: 'MN', postalCode: '55440' },
      technicalContact: contact('5555550142'),
    },
    filingIndicator: 'HM',
    originator: '1999999902',
    claimControlNumber: numbered('UH'),
  },
  evicore: {
    party: {
      idIn: 'REF*2U',
      address: { line1: 'PO BOX 9992', city: 'EXAMPLE CITY', state: 'TN', postalCode: '37201' },
      technicalContact: contact('5555550143'),
    },
    filingIndicator: '12',
    originator: '1999999903',
    claimControlNumber: numbered('EHP'),
  },
  'medicare-advantage': {
    party: {
      idIn: 'REF*2U',
      address: { line1: 'PO BOX 9994', city: 'FAKEFORD', state: 'AZ', postalCode: '85001' },
      technicalContact: contact('5555550145'),
    },
    filingIndicator: '16',
    originator: '1999999905',
    claimControlNumber: numbered('MAH'),
  },
  default: {
    party: {
      idIn: 'REF*2U',
      address: { line1: 'PO BOX 9993', city: 'MOCKTOWN', state: 'CT', postalCode: '06101' },
      technicalContact: contact('5555550144'),
    },
    filingIndicator: '12',
    originator: '1999999904',
    claimControlNumber: numbered('PPO'),
  },
};

/** The style of a payer profile (a profile the demo does not know sends like the commercial PPO). */
export const demoPayerStyle = (profile: string): DemoPayerStyle => STYLES[profile] ?? STYLES.default!;
