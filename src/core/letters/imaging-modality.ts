import type { ImagingModality } from '../model/course.js';

/** How a letter names the imaging an image review covers (the record's own value, course.ts). */
const LABELS: Record<ImagingModality, string> = {
  kV: 'kV planar imaging',
  CBCT: 'cone-beam CT (CBCT)',
  MV: 'MV portal imaging',
  surface: 'surface imaging (SGRT)',
};

/** The imaging the record states, or null when it does not: an unknown modality is never guessed. */
export function imagingLabel(modality: ImagingModality | undefined): string | null {
  return modality ? LABELS[modality] : null;
}
