// The part of dcmjs 0.51 (it ships no types) that the DICOM writers use.
declare module 'dcmjs' {
  /** A data set in dcmjs' "denaturalized" form: `{ "GGGGEEEE": { vr, Value } }`. */
  export type DenaturalizedDataset = Record<string, { vr: string; Value?: unknown[] }>;

  interface DicomDictInstance {
    dict: DenaturalizedDataset;
    /** A Part 10 file: preamble, "DICM", file meta information, then the data set in its transfer syntax. */
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  const dcmjs: {
    data: {
      DicomDict: new (meta: DenaturalizedDataset) => DicomDictInstance;
      DicomMetaDictionary: {
        /** Keyword-named attributes (`{ PatientID: 'X', ...Sequence: [{...}] }`) → denaturalized form. */
        denaturalizeDataset(dataset: Record<string, unknown>): DenaturalizedDataset;
      };
    };
  };
  export default dcmjs;
}
