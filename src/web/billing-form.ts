/**
 * The billing settings form's state and its mapping to and from the API's settings: text fields keyed by
 * their JSON path, which is also where the server locates a refused field (`body.provider.npi`).
 */
import type { BillingSettings, BillingSettingsView } from '../app/views.js';
import { parseDollars } from './format.js';

export interface PayerForm {
  name: string;
  id: string;
  filingIndicator: string;
}

export interface PhysicianForm {
  lastName: string;
  firstName: string;
  npi: string;
  taxonomy: string;
  /** Shown where the physician signs a letter ("MD"); not on claims. */
  credentials: string;
}

/** The radiation oncologist taxonomy a physician row starts with [NUCC 2085R0001X]. */
export const PHYSICIAN_TAXONOMY = '2085R0001X';
const emptyPhysician = (): PhysicianForm => ({
  lastName: '',
  firstName: '',
  npi: '',
  taxonomy: PHYSICIAN_TAXONOMY,
  credentials: '',
});

/** The form's text fields, keyed by the settings' JSON path (the server's issue locations). */
type Fields = Record<string, string>;

export const TEXT_FIELDS = {
  'Billing provider': [
    ['provider.name', 'Name'],
    ['provider.npi', 'NPI'],
    ['provider.taxId', 'Tax id (EIN)'],
    ['provider.taxonomy', 'Taxonomy code'],
    ['provider.address.line1', 'Address line 1'],
    ['provider.address.line2', 'Address line 2'],
    ['provider.address.city', 'City'],
    ['provider.address.state', 'State'],
    ['provider.address.postalCode', 'ZIP code'],
  ],
  Submitter: [
    ['submitter.qualifier', 'Id qualifier'],
    ['submitter.id', 'Submitter id'],
    ['submitter.name', 'Name'],
    ['submitter.contact.name', 'Contact name'],
    ['submitter.contact.phone', 'Contact phone'],
  ],
  'Receiver (clearinghouse)': [
    ['receiver.qualifier', 'Id qualifier'],
    ['receiver.id', 'Receiver id'],
    ['receiver.name', 'Name'],
  ],
} as const;

export const HINTS: Record<string, string> = {
  'provider.npi': '10 digits with the check digit',
  'provider.taxId': '9 digits',
  'provider.taxonomy': 'e.g. 261QX0203X radiation oncology clinic (optional)',
  'provider.address.state': 'two letters',
  'provider.address.postalCode': '5 or 9 digits',
  'submitter.qualifier': 'ISA qualifier, e.g. ZZ',
  'receiver.qualifier': 'ISA qualifier, e.g. ZZ',
  'submitter.contact.phone': '10 digits',
};

export const OPTIONAL = new Set(['provider.taxonomy', 'provider.address.line2']);

export interface FormState {
  fields: Fields;
  defaultPeriod: BillingSettings['defaultPeriod'];
  usage: BillingSettings['usage'];
  chargePercent: string;
  charges: { code: string; dollars: string }[];
  payers: Record<string, PayerForm>;
  /** By the physician id courses use (`physicianId`). */
  physicians: Record<string, PhysicianForm>;
  requireSupervising: boolean;
  requireReferring: boolean;
  /** The version the practice follows of each guideline letters cite, by its id ('' : none set). */
  guidelineVersions: Record<string, string>;
}

export function formOf(view: BillingSettingsView): FormState {
  const s = view.settings;
  const get = (path: string): string => {
    let v: unknown = s;
    for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : '';
    return typeof v === 'string' ? v : '';
  };
  const fields: Fields = {};
  for (const group of Object.values(TEXT_FIELDS)) for (const [path] of group) fields[path] = get(path);
  const payers: Record<string, PayerForm> = {};
  for (const p of view.payerProfiles) payers[p.profile] = { name: '', id: '', filingIndicator: '' };
  for (const [profile, p] of Object.entries(s?.payers ?? {})) payers[profile] = { ...p };
  const physicians: Record<string, PhysicianForm> = {};
  for (const p of view.physicians ?? []) physicians[p.id] = emptyPhysician();
  for (const [id, p] of Object.entries(s?.physicians ?? {}))
    physicians[id] = { ...p, credentials: p.credentials ?? '' };
  return {
    fields,
    defaultPeriod: s?.defaultPeriod ?? 'month',
    usage: s?.usage ?? 'T',
    chargePercent: String(s?.chargePercent ?? 100),
    charges: Object.entries(s?.chargeCents ?? {}).map(([code, cents]) => ({
      code,
      dollars: (cents / 100).toFixed(2),
    })),
    payers,
    physicians,
    requireSupervising: s?.requireSupervising ?? false,
    requireReferring: s?.requireReferring ?? false,
    // A row per guideline letters cite, and any version stored for another id (kept as it is).
    guidelineVersions: Object.fromEntries([
      ...view.guidelines.map((g) => [g.id, s?.guidelineVersions?.[g.id] ?? '']),
      ...Object.entries(s?.guidelineVersions ?? {}).flatMap(([id, v]) => (v === undefined ? [] : [[id, v]])),
    ]) as Record<string, string>,
  };
}

export { emptyPhysician };

/** The settings the form says; a number that does not parse goes as NaN (null in JSON): the server names the field. */
export function settingsOf(form: FormState): BillingSettings {
  const f = (path: string) => form.fields[path]!.trim();
  const optional = (path: string) => (f(path) ? { [path.split('.').pop()!]: f(path) } : {});
  return {
    provider: {
      name: f('provider.name'),
      npi: f('provider.npi'),
      taxId: f('provider.taxId'),
      ...optional('provider.taxonomy'),
      address: {
        line1: f('provider.address.line1'),
        ...optional('provider.address.line2'),
        city: f('provider.address.city'),
        state: f('provider.address.state'),
        postalCode: f('provider.address.postalCode'),
      },
    },
    submitter: {
      qualifier: f('submitter.qualifier'),
      id: f('submitter.id'),
      name: f('submitter.name'),
      contact: { name: f('submitter.contact.name'), phone: f('submitter.contact.phone') },
    },
    receiver: { qualifier: f('receiver.qualifier'), id: f('receiver.id'), name: f('receiver.name') },
    defaultPeriod: form.defaultPeriod,
    usage: form.usage,
    chargePercent: Number(form.chargePercent.trim() || NaN),
    chargeCents: Object.fromEntries(
      form.charges
        .filter((c) => c.code.trim())
        .map((c) => [c.code.trim().toUpperCase(), parseDollars(c.dollars) ?? NaN]),
    ),
    payers: Object.fromEntries(
      Object.entries(form.payers)
        .filter(([, p]) => p.name.trim() || p.id.trim() || p.filingIndicator.trim())
        .map(([profile, p]) => [
          profile,
          { name: p.name.trim(), id: p.id.trim(), filingIndicator: p.filingIndicator.trim().toUpperCase() },
        ]),
    ),
    // A row left blank (a course physician not billed yet) is not sent.
    physicians: Object.fromEntries(
      Object.entries(form.physicians)
        .filter(([, p]) => p.lastName.trim() || p.firstName.trim() || p.npi.trim())
        .map(([id, p]) => [
          id,
          {
            lastName: p.lastName.trim(),
            firstName: p.firstName.trim(),
            npi: p.npi.trim(),
            taxonomy: p.taxonomy.trim().toUpperCase() || PHYSICIAN_TAXONOMY,
            ...(p.credentials.trim() ? { credentials: p.credentials.trim() } : {}),
          },
        ]),
    ),
    requireSupervising: form.requireSupervising,
    requireReferring: form.requireReferring,
    ...guidelineVersionsOf(form),
  };
}

/** The versions typed, trimmed; a blank one is not sent (letters cite that guideline without a version). */
function guidelineVersionsOf(form: FormState): Pick<BillingSettings, 'guidelineVersions'> {
  const versions = Object.entries(form.guidelineVersions)
    .map(([id, v]) => [id, v.trim()] as const)
    .filter(([, v]) => v);
  return versions.length ? { guidelineVersions: Object.fromEntries(versions) } : {};
}

/** `body.provider.npi` → `provider.npi` (the form's keys). */
export const fieldKey = (location: string) => location.split('.').slice(1).join('.');
export const inputId = (path: string) => `billing-${path.replace(/[^\w]+/g, '-')}`;
