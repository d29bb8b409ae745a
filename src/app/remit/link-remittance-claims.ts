import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import {
  type CoordinationLink,
  isPayerAnswer,
  linkCoordination,
} from '../../core/remit/link-coordination.js';
import { pairReversals, type RemitClaimEntry, type ReversalLink } from '../../core/remit/pair-reversals.js';
import { fileChunks } from '../../formats/x12/file-chunks.js';
import { scanClaimKeys } from '../../formats/x12/scan-claim-keys.js';
import { claimEntries } from './classify-remittance.js';
import { RepeatedKeys } from './repeated-keys.js';

/** Reversal roles (`pairReversals`) and other payers' answers (`linkCoordination`) by claim entry id. */
export interface ClaimLinks {
  reversals: Map<string, ReversalLink>;
  coordination: Map<string, CoordinationLink>;
}

/**
 * `pairReversals` and `linkCoordination` over every claim of the payments, without holding the claims:
 * a first scan of the files' CLP segments (`scanClaimKeys`) finds the claims that can take part — the
 * reversals (CLP02 22), the claims with a reversal's CLP01 or CLP07, and the answers as primary,
 * secondary or tertiary whose CLP01 occurs more than once — and only when there are any are the
 * payments read (`payments`: the stream the analysis reads, so ids match) keeping those claims alone,
 * as small copies. The answer is the one over all the claims: the others can neither pair with a
 * reversal nor share a CLP01 with another payer's answer.
 */
export async function linkRemittanceClaims(
  files: readonly string[],
  payments: () => AsyncIterable<{ remittance: Remittance }>,
): Promise<ClaimLinks> {
  const reversalNumbers = new Set<string>();
  const reversalControls = new Set<string>();
  const answers = new RepeatedKeys();
  for (const file of files) {
    await scanClaimKeys(fileChunks(file), (k) => {
      if (k.status === '22') {
        reversalNumbers.add(detachedText(k.patientControlNumber));
        if (k.payerClaimControlNumber) reversalControls.add(detachedText(k.payerClaimControlNumber));
      } else if (isPayerAnswer(k.status)) answers.add(k.patientControlNumber);
    });
  }
  if (reversalNumbers.size === 0 && !answers.any) return { reversals: new Map(), coordination: new Map() };
  const takesPart = (c: RemitClaim) =>
    c.status === '22' ||
    reversalNumbers.has(c.patientControlNumber) ||
    (c.payerClaimControlNumber !== null && reversalControls.has(c.payerClaimControlNumber)) ||
    (isPayerAnswer(c.status) && answers.repeated(c.patientControlNumber));
  const entries: RemitClaimEntry[] = [];
  let payment = 0;
  for await (const { remittance } of payments()) {
    for (const e of claimEntries([remittance], payment++)) if (takesPart(e.claim)) entries.push(detached(e));
  }
  const reversals = pairReversals(entries);
  return { reversals, coordination: linkCoordination(entries, reversals) };
}

/** A copy of a text read from a file chunk (a new string), so that keeping it does not keep the chunk. */
export const detachedText = (text: string) => JSON.parse(JSON.stringify(text)) as string;

/**
 * What linking reads of a claim entry (the lines' service and payment, not their adjustments or
 * remarks), copied out of the file's chunks.
 */
function detached(e: RemitClaimEntry): RemitClaimEntry {
  const claim = {
    ...e.claim,
    remarks: [],
    lines: e.claim.lines.map((l) => ({ ...l, adjustments: [], remarks: [] })),
  };
  return JSON.parse(JSON.stringify({ ...e, claim })) as RemitClaimEntry;
}
