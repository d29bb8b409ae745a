import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import { Remittance835Builder } from './assemble-835.js';
import type { X12Source } from './tokenize-x12.js';
import { readX12Sets, readX12SetsFromBytes, type BuilderFactory } from './x12-set-reader.js';
import { element } from './x12-types.js';

const remittanceSet: BuilderFactory<Remittance> = (st, location) => {
  const type = element(st, 1);
  if (type === '835') return new Remittance835Builder(location);
  // ST01 is a 3-digit transaction set id (837, 999, …): safe to name.
  return `transaction set ${/^\d{3}$/.test(type) ? type : '(unknown type)'} is not an 835 remittance: skipped`;
};

/**
 * An X12 835 file (005010X221A1), streamed: one result per transaction set (ST … SE), as each is read.
 * A set with unreadable values or broken ST/SE envelope gives its problems and the rest continue;
 * problems of the interchange and group envelopes (IEA/GE counts, control numbers, stray bytes) come
 * as results of their own. Never throws: a source that fails gives a problem.
 */
export function readRemittances(source: X12Source, fileName: string): AsyncGenerator<ReadResult<Remittance>> {
  return readX12Sets(source, fileName, remittanceSet);
}

/**
 * The whole file in memory: the remittances read, and every problem (located) of the sets and the
 * claims that were not.
 */
export function readRemittancesFromBytes(
  bytes: Uint8Array,
  fileName: string,
): { remittances: Remittance[]; problems: InputProblem[]; warnings: InputProblem[] } {
  const remittances: Remittance[] = [];
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  for (const r of readX12SetsFromBytes(bytes, fileName, remittanceSet)) {
    if (r.ok) {
      remittances.push(r.value);
      for (const c of r.value.refusedClaims ?? []) problems.push(...c.problems);
      warnings.push(...r.warnings);
    } else problems.push(...r.problems);
  }
  return { remittances, problems, warnings };
}
