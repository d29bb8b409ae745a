import type { RuleMeta } from '../../model/rule.js';

export const DOC_010: RuleMeta = {
  id: 'DOC-010',
  title: 'Treatment and monitoring times are real, unambiguous facility times with beam-off after beam-on',
  severity: 'error',
  source:
    'architecture.md "Time": an ambiguous local time (DST fall-back) is a finding, not a guess; DICOM (3008,0024)/(3008,0025) control point times are local unless (0008,0201) is present',
};
