import { DEFAULT_DELIMITERS, type X12Envelope } from './claim-types.js';
import { SegmentList, x12Date } from './write-segments.js';

/** GS01 functional identifier and ST01 transaction set: a claim (HC, 837) or a remittance (HP, 835). */
export interface TransactionKind {
  functionalId: 'HC' | 'HP';
  setId: '837' | '835';
}

/** What the ISA/GS/ST envelope needs (an 837 adds its submitter contact and batch reference). */
export type InterchangeHeader = Pick<
  X12Envelope,
  | 'sender'
  | 'receiver'
  | 'interchangeControlNumber'
  | 'groupControlNumber'
  | 'transactionSetControlNumber'
  | 'created'
  | 'usage'
  | 'acknowledgmentRequested'
  | 'delimiters'
>;

const CLAIM: TransactionKind = { functionalId: 'HC', setId: '837' };

/**
 * One interchange with one functional group (GS01 `HC` for claims) and one transaction set:
 * ISA … GS … ST … SE … GE … IEA. SE01 counts the segments from ST to SE inclusive; SE02, GE02 and IEA02
 * repeat the control numbers of ST02, GS06 and ISA13. `body` adds the segments between ST and SE.
 */
export function writeInterchange(
  envelope: InterchangeHeader,
  /** GS08 and ST03: `005010X222A1` (837P), `005010X223A2` (837I), `005010X221A1` (835). */
  version: string,
  body: (segments: SegmentList) => void,
  kind: TransactionKind = CLAIM,
): string {
  const d = envelope.delimiters ?? DEFAULT_DELIMITERS;
  const s = new SegmentList(d);
  const [date = '', time = ''] = envelope.created.split('T');
  const hhmm = time.replace(':', '');
  const icn = String(envelope.interchangeControlNumber).padStart(9, '0');
  const gcn = String(envelope.groupControlNumber);
  const st = envelope.transactionSetControlNumber;

  // ISA is fixed width: ISA02/ISA04 10 spaces (no authorization/security information), ISA06/ISA08 15.
  s.add(
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    envelope.sender.qualifier,
    envelope.sender.id.padEnd(15),
    envelope.receiver.qualifier,
    envelope.receiver.id.padEnd(15),
    x12Date(date).slice(2),
    hhmm,
    d.repetition,
    '00501',
    icn,
    envelope.acknowledgmentRequested ? '1' : '0',
    envelope.usage ?? 'P',
    d.component,
  );
  s.add(
    'GS',
    kind.functionalId,
    envelope.sender.applicationCode ?? envelope.sender.id,
    envelope.receiver.applicationCode ?? envelope.receiver.id,
    x12Date(date),
    hhmm,
    gcn,
    'X',
    version,
  );
  const start = s.length;
  s.add('ST', kind.setId, st, version);
  body(s);
  s.add('SE', String(s.length - start + 1), st);
  s.add('GE', '1', gcn);
  s.add('IEA', '1', icn);
  return s.segments.map((seg) => `${seg}${d.segment}${d.segmentSuffix}`).join('');
}
