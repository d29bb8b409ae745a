/**
 * The side an ICD-10-CM neoplasm code names, for the families radiation oncology treats on paired
 * organs and limbs. Read from the ICD-10-CM Tabular List (NCHS, FY 2023–2026 code files): the character
 * that carries laterality and what each value means differ per category, so each family is listed with
 * its position (0-based, code without the dot) and values; anything else has no side here.
 */
export type CodeSide = 'right' | 'left' | 'bilateral' | 'unspecified';

type Sides = Readonly<Record<string, CodeSide>>;

/** 0 unspecified, 1 right, 2 left: C34.0-/1-/3-/8-/9- (C34.11 upper lobe, right), C40, C69, D05, … */
const ZERO_ONE_TWO: Sides = { '0': 'unspecified', '1': 'right', '2': 'left' };
/** The same with 3 bilateral: C79.6- secondary neoplasm of ovary (C79.63 bilateral ovaries). */
const ZERO_ONE_TWO_THREE: Sides = { ...ZERO_ONE_TWO, '3': 'bilateral' };
/** 1 right, 2 left, 9 unspecified: C64 kidney, C65 renal pelvis, C66 ureter; C50's 6th character. */
const ONE_TWO_NINE: Sides = { '1': 'right', '2': 'left', '9': 'unspecified' };
/** The same with 3 bilateral: C56 ovary (C56.3 bilateral ovaries). */
const ONE_TWO_NINE_THREE: Sides = { ...ONE_TWO_NINE, '3': 'bilateral' };
/** C44 skin of eyelid, ear, upper and lower limb, 6th character: 1 unspecified, 2 right, 9 left (C44.602 right upper limb). */
const SKIN: Sides = { '1': 'unspecified', '2': 'right', '9': 'left' };

const FAMILIES: readonly { codes: RegExp; at: number; sides: Sides }[] = [
  // C34 bronchus and lung, 5th character (C34.2 middle lobe: see lateralityOf).
  { codes: /^C34[01389]/, at: 4, sides: ZERO_ONE_TWO },
  // C50 breast: 4th site, 5th sex (1 female, 2 male), 6th side (C50.911 right, C50.912 left, C50.919 unspecified).
  { codes: /^C50\d\d/, at: 5, sides: ONE_TWO_NINE },
  { codes: /^C56/, at: 3, sides: ONE_TWO_NINE_THREE },
  { codes: /^C6[456]/, at: 3, sides: ONE_TWO_NINE },
  // Bone and cartilage of limbs; peripheral nerves and soft tissue of limbs; Kaposi's sarcoma of lung.
  { codes: /^C40/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C4[79][12]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C465/, at: 4, sides: ZERO_ONE_TWO },
  // Melanoma, Merkel cell, melanoma and carcinoma in situ of skin: eyelid, ear, upper and lower limb.
  { codes: /^(C43|C4A|D03|D04)[1267]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C44[1267]/, at: 5, sides: SKIN },
  // Fallopian tube, broad and round ligament; testis; epididymis and spermatic cord; eye and adnexa.
  { codes: /^C57[012]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C62[019]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C63[01]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C69/, at: 4, sides: ZERO_ONE_TWO },
  // Olfactory, optic and acoustic nerves (C72.5- other cranial nerves has no side); adrenal gland.
  { codes: /^C72[234]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C74[019]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C76[45]/, at: 4, sides: ZERO_ONE_TWO },
  // Secondary neoplasm of lung, kidney and renal pelvis, ovary, adrenal gland.
  { codes: /^C78[0]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C790/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^C796/, at: 4, sides: ZERO_ONE_TWO_THREE },
  { codes: /^C797/, at: 4, sides: ZERO_ONE_TWO },
  // Carcinoma in situ of bronchus and lung, of breast (lobular, intraductal, other, unspecified), of eye.
  { codes: /^D022/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^D05[0189]/, at: 4, sides: ZERO_ONE_TWO },
  { codes: /^D092/, at: 4, sides: ZERO_ONE_TWO },
];

/** The side a code (without the dot) names, whether its family has a bilateral code; null when it has no side. */
export function lateralityOf(code: string): { side: CodeSide; bilateralExists: boolean } | null {
  // C34.2 "middle lobe, bronchus or lung" has no side character: only the right lung has a middle lobe
  // (the left lung's lingula is coded to the upper lobe, C34.1-).
  if (code === 'C342') return { side: 'right', bilateralExists: false };
  for (const f of FAMILIES) {
    if (!f.codes.test(code)) continue;
    const side = f.sides[code[f.at] ?? ''];
    if (!side) return null;
    return { side, bilateralExists: Object.values(f.sides).includes('bilateral') };
  }
  return null;
}
