/**
 * Column specs of the CMS files, and how a header cell is compared with them. CMS changes header wording
 * between releases (years in names, footnote marks, line breaks inside cells), so a name is compared by a
 * key: lower case, every run of other than letters and digits one space, a leading year dropped
 * (`2026 PW GPCI (with 1.0 Floor)` → `pw gpci with 1 0 floor`).
 */
export interface ColumnSpec<F extends string = string> {
  field: F;
  /** The name shown in reports (the usual CMS header). */
  label: string;
  /** Keys that name the column: exact, `prefix*` or `*suffix`. */
  aliases: readonly string[];
  required: boolean;
}

export function headerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(19|20)\d\d (?=[a-z])/, '');
}

export function matchesAlias(key: string, alias: string): boolean {
  if (alias.endsWith('*')) {
    const prefix = alias.slice(0, -1);
    return key === prefix.trimEnd() || key.startsWith(prefix);
  }
  if (alias.startsWith('*')) {
    const suffix = alias.slice(1);
    return key === suffix.trimStart() || key.endsWith(suffix);
  }
  return key === alias;
}

/** A header cell as shown in a report: one line, no quotes, at most 60 characters. */
export function displayName(name: string): string {
  const flat = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

const col = <F extends string>(
  field: F,
  label: string,
  required: boolean,
  ...aliases: string[]
): ColumnSpec<F> => ({
  field,
  label,
  aliases,
  required,
});

export const PPRRVU_COLUMNS = [
  col('hcpcs', 'HCPCS', true, 'hcpcs', 'hcpcs code', 'cpt hcpcs', 'hcpcs cpt', 'cpt hcpcs code'),
  col('modifier', 'MOD', true, 'mod', 'modifier'),
  col('status', 'STATUS CODE', true, 'status code', 'status', 'stat'),
  col('workRvu', 'WORK RVU', true, 'work rvu', 'work rvus', 'rvu work'),
  col('nonFacilityPeRvu', 'NON-FAC PE RVU', true, 'non fac pe rvu', 'non fac pe rvus', 'non facility pe rvu', 'non facility pe rvus', 'nonfac pe rvu', 'nonfacility pe rvu'),
  col('facilityPeRvu', 'FACILITY PE RVU', true, 'facility pe rvu', 'facility pe rvus', 'fac pe rvu'),
  col('mpRvu', 'MP RVU', true, 'mp rvu', 'mp rvus', 'malpractice rvu', 'pli rvu'),
  col('pctcIndicator', 'PCTC IND', false, 'pctc ind', 'pctc indicator', 'pctc', 'pc tc ind', 'pc tc indicator'),
  col('conversionFactor', 'CONV FACTOR', false, 'conv factor', 'conversion factor'),
] as const; // prettier-ignore

export const GPCI_COLUMNS = [
  col('carrier', 'Medicare Administrative Contractor (MAC)', true, 'medicare administrative contractor*', 'medicare adminstrative contractor*', 'mac', 'carrier', 'carrier number', 'contractor'),
  col('state', 'State', false, 'state'),
  col('locality', 'Locality Number', true, 'locality number', 'locality', 'locality code', 'loc'),
  col('localityName', 'Locality Name', false, 'locality name', 'fee schedule area'),
  col('workGpci', 'PW GPCI', true, 'pw gpci*', 'work gpci*', 'physician work gpci*', 'gpci work'),
  col('peGpci', 'PE GPCI', true, 'pe gpci*', 'practice expense gpci*', 'gpci pe'),
  col('mpGpci', 'MP GPCI', true, 'mp gpci*', 'malpractice gpci*', 'pli gpci*', 'gpci mp'),
] as const; // prettier-ignore

export const LOCALITY_COLUMNS = [
  col('carrier', 'Medicare Administrative Contractor', true, 'medicare administrative contractor*', 'medicare adminstrative contractor*', 'mac', 'carrier', 'carrier number', 'contractor'),
  col('locality', 'Locality Number', true, 'locality number', 'locality', 'locality code', 'loc'),
  col('state', 'State', false, 'state'),
  col('area', 'Fee Schedule Area', true, 'fee schedule area', 'locality name', 'area'),
  col('counties', 'Counties', false, 'counties', 'county'),
] as const; // prettier-ignore

export const ADDENDUM_B_COLUMNS = [
  col('hcpcs', 'HCPCS Code', true, 'hcpcs code', 'hcpcs', 'cpt hcpcs', 'cpt hcpcs code'),
  col('statusIndicator', 'SI', true, 'si', 'status indicator', 'payment status indicator', 'opps si'),
  col('apc', 'APC', true, 'apc', 'apc code'),
  col('relativeWeight', 'Relative Weight', false, 'relative weight'),
  col('paymentRate', 'Payment Rate', true, 'payment rate', 'national payment rate', 'payment rate*'),
  col('nationalCopayment', 'National Unadjusted Copayment', false, 'national unadjusted copayment*'),
  col('minimumCopayment', 'Minimum Unadjusted Copayment', false, 'minimum unadjusted copayment*'),
] as const; // prettier-ignore

export const PTP_COLUMNS = [
  col('column1', 'Column 1', true, 'column 1', 'column1', 'column 1 code', 'col 1'),
  col('column2', 'Column 2', true, 'column 2', 'column2', 'column 2 code', 'col 2'),
  col('priorTo1996', '*=in existence prior to 1996', false, 'in existence prior to 1996', '*prior to 1996'),
  col('effective', 'Effective Date', true, 'effective date', 'effective'),
  col('deletion', 'Deletion Date', true, 'deletion date*'),
  col('modifier', 'Modifier', true, 'modifier*', 'modifier indicator*', 'ccmi'),
  col('rationale', 'PTP Edit Rationale', false, 'ptp edit rationale', 'rationale'),
] as const; // prettier-ignore

export const MUE_COLUMNS = [
  col('hcpcs', 'HCPCS/CPT Code', true, 'hcpcs cpt code', 'hcpcs', 'hcpcs code', 'cpt', 'cpt hcpcs code'),
  col('mue', 'MUE Values', true, '*mue values', '*mue value', 'mue'),
  col('adjudication', 'MUE Adjudication Indicator', true, 'mue adjudication indicator', 'adjudication indicator', 'mai'),
  col('rationale', 'MUE Rationale', false, 'mue rationale', 'rationale'),
] as const; // prettier-ignore

export type FieldOf<T extends readonly ColumnSpec[]> = T[number]['field'];
