import { describe, expect, it } from 'vitest';
import type { Fraction } from '../../model/course.js';
import type { SessionFacts } from '../../model/session-facts.js';
import { CODE_013, deliveredModality } from './code-013-delivered-beams.js';

const beam = (name: string, radiationType?: 'PHOTON' | 'ELECTRON' | 'PROTON'): Fraction['beams'][number] => ({
  name,
  beamOn: '2026-03-02T08:15:00',
  beamOff: '2026-03-02T08:16:00',
  ...(radiationType ? { radiationType } : {}),
});

// CPT 2026 77412 "mixed electron/photon field(s)"; RT Beams Treatment Record Radiation Type (300A,00C6).
describe(`${CODE_013.id} ${CODE_013.title}`, () => {
  // prettier-ignore
  const CASES = [
    // name, plan modality, beams, session modality, finding
    ['photon plan, electron + photon delivered: mixed', 'photon', [beam('A', 'PHOTON'), beam('B', 'ELECTRON')], 'mixed', true],
    ['electron plan, electron + photon delivered: mixed', 'electron', [beam('A', 'ELECTRON'), beam('B', 'PHOTON')], 'mixed', true],
    ['mixed plan, both delivered', 'mixed', [beam('A', 'ELECTRON'), beam('B', 'PHOTON')], 'mixed', false],
    ['mixed plan, photons only delivered', 'mixed', [beam('A', 'PHOTON'), beam('B', 'PHOTON')], 'photon', true],
    ['photon plan, electrons only delivered', 'photon', [beam('A', 'ELECTRON')], 'electron', true],
    ['photon plan, photons delivered', 'photon', [beam('A', 'PHOTON')], 'photon', false],
    ['electron + untyped beam: still mixed? no photon seen', 'photon', [beam('A', 'ELECTRON'), beam('B')], 'photon', false],
    ['photon + electron + untyped: mixed', 'photon', [beam('A', 'ELECTRON'), beam('B', 'PHOTON'), beam('C')], 'mixed', true],
    ['untyped beams keep the plan', 'electron', [beam('A'), beam('B')], 'electron', false],
    ['no beams keep the plan', 'mixed', [], 'mixed', false],
    ['proton plan is not decided here', 'proton', [beam('A', 'PROTON'), beam('B', 'PHOTON')], 'proton', false],
  ] as [string, SessionFacts['modality'], Fraction['beams'], SessionFacts['modality'], boolean][];
  it.each(CASES)('%s', (_name, plan, beams, modality, finding) => {
    const r = deliveredModality(plan, beams, 'fraction 1');
    expect(r.modality).toBe(modality);
    expect(r.finding === null).toBe(!finding);
    if (r.finding) expect(r.finding).toMatchObject({ ruleId: CODE_013.id, severity: 'warning' });
  });
});
