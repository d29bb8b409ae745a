import dcmjs, { type DenaturalizedDataset } from 'dcmjs';

export const IMPLICIT_VR_LITTLE_ENDIAN_UID = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN_UID = '1.2.840.10008.1.2.1';

export interface Part10Options {
  transferSyntax: string;
  /** (0002,0012) Implementation Class UID and (0002,0013) Implementation Version Name of the writer. */
  implementation: { classUid: string; versionName: string };
  /** Change the encoded form (`{ "GGGGEEEE": { vr, Value } }`) before writing, e.g. to write invalid values. */
  edit?: (encoded: DenaturalizedDataset) => void;
  /** Let dcmjs write values longer than their VR allows (test fixtures of invalid input). */
  allowInvalidVRLength?: boolean;
}

/**
 * A data set by DICOM keyword (`{ PatientID: 'X', …Sequence: [{…}] }`) as a Part 10 file (PS3.10 §7:
 * preamble, "DICM", file meta information, data set), written with dcmjs. The SOP class and instance of
 * the file meta come from the data set's own SOPClassUID / SOPInstanceUID.
 */
export function writePart10(dataset: Record<string, unknown>, options: Part10Options): Uint8Array {
  const meta = dcmjs.data.DicomMetaDictionary.denaturalizeDataset({
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: options.transferSyntax,
    ImplementationClassUID: options.implementation.classUid,
    ImplementationVersionName: options.implementation.versionName,
  });
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset);
  options.edit?.(dict.dict);
  return new Uint8Array(
    dict.write(options.allowInvalidVRLength ? { allowInvalidVRLength: true } : undefined),
  );
}
