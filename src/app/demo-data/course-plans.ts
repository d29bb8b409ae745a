import type { MotionManagement, Site } from '../../core/model/session-facts.js';
import type { Plan } from '../../core/model/course.js';
import { type CourseKind, type PayerKey, type RadiationType } from './clinic-model.js';
import type { Rng } from './prng.js';

/** What each kind of course looks like: site, plan, beams, payer and the codes the OIS posts. */
export interface KindPlan {
  site: Site;
  diagnosis: string;
  plan: Omit<Plan, 'id'> & { id: string };
  payer: PayerKey;
  beams: BeamTemplate[];
  /** Seconds from the session start to the first beam-on (set-up, imaging). */
  setupSec: [number, number];
  /** Seconds between beams. */
  betweenSec: [number, number];
  /** Treatment days between fractions (1 daily, 2 every other day). */
  dayStep: number;
  /** Two sessions a day. */
  twiceDaily: boolean;
  /** The codes the OIS posts per session (before any defect). */
  charges: { code: string; modifiers: string[] }[];
  protocol: string | null;
}

export interface BeamTemplate {
  name: string;
  radiationType: RadiationType;
  energy: string;
  /** Beam-on seconds, range. */
  seconds: [number, number];
  /** MU, range. */
  mu: [number, number];
}

const AMM: MotionManagement = {
  method: 'DIBH with surface guidance',
  system: 'AlignRT',
  phase: 'intrafraction',
  beamHold: true,
  thresholds: { translationCm: 0.3, rotationDeg: 3 },
};

const SETUP_ONLY_SGRT: MotionManagement = {
  method: 'surface guidance',
  system: 'AlignRT',
  phase: 'setup-only',
  beamHold: false,
};

const IGRT = { code: '77387', modifiers: ['26'] };
export const photon = (name: string, energy: string, seconds: [number, number], mu: [number, number]) => ({
  name,
  radiationType: 'PHOTON' as const,
  energy,
  seconds,
  mu,
});

export function kindPlan(kind: CourseKind, rng: Rng, courseNumber: number): KindPlan {
  const planId = (prefix: string) => `${prefix}-${courseNumber}`;
  switch (kind) {
    case 'breast-left-dibh':
    case 'breast-right-dibh': {
      const left = kind === 'breast-left-dibh';
      const side = left ? 'LT' : 'RT';
      const extent = rng.chance(0.75) ? 'whole-breast' : 'post-mastectomy';
      const imn = left ? undefined : rng.chance(0.7);
      const scv = rng.chance(0.25);
      const technique = rng.chance(0.8) ? '3D' : 'IMRT';
      const payer = rng.weighted<PayerKey>([
        ['evicore', 0.4],
        ['uhc', 0.25],
        ['medicare', 0.25],
        ['default', 0.1],
      ]);
      return {
        site: {
          region: 'breast',
          laterality: left ? 'left' : 'right',
          extent,
          ...(imn === undefined ? {} : { internalMammaryNodes: imn }),
        },
        diagnosis: left ? 'C50.912' : 'C50.911',
        plan: {
          id: planId(`${side}${extent === 'whole-breast' ? 'BR' : 'CW'}-DIBH`),
          modality: 'photon',
          technique,
          isocenters: 1,
          fractionsPlanned: rng.pick([15, 16, 16, 20, 25]),
          motionManagement: AMM,
          imageGuidance: { performed: true },
        },
        payer,
        beams: [
          photon(`${side} TAN MED`, '6X', [18, 30], [90, 140]),
          photon(`${side} TAN LAT`, '6X', [18, 30], [90, 140]),
          ...(scv ? [photon(`${side} SCV AP`, '10X', [18, 28], [80, 120])] : []),
        ],
        setupSec: [150, 280],
        betweenSec: [35, 80],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77412', modifiers: [] }, IGRT],
        protocol: left ? 'Left Breast DIBH' : 'Right Breast DIBH',
      };
    }
    case 'prostate-vmat': {
      const setupOnly = rng.chance(0.4);
      return {
        site: { region: 'prostate', laterality: 'none' },
        diagnosis: 'C61',
        plan: {
          id: planId('PROS-VMAT'),
          modality: 'photon',
          technique: 'VMAT',
          isocenters: 1,
          fractionsPlanned: rng.pick([20, 28]),
          motionManagement: setupOnly ? SETUP_ONLY_SGRT : null,
          imageGuidance: { performed: true },
        },
        payer: rng.weighted<PayerKey>([
          ['medicare', 0.5],
          ['uhc', 0.25],
          ['default', 0.25],
        ]),
        beams: [
          photon('ARC1 CW', '10X', [70, 100], [250, 350]),
          photon('ARC2 CCW', '10X', [70, 100], [250, 350]),
        ],
        setupSec: [120, 240],
        betweenSec: [20, 45],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77407', modifiers: [] }, IGRT],
        protocol: setupOnly ? 'Pelvis Setup' : null,
      };
    }
    case 'head-neck-vmat':
      return {
        site: { region: 'head-neck', laterality: 'none' },
        diagnosis: rng.pick(['C32.9', 'C01', 'C09.9']),
        plan: {
          id: planId('HN-VMAT'),
          modality: 'photon',
          technique: 'VMAT',
          isocenters: 1,
          fractionsPlanned: rng.pick([30, 33, 35]),
          motionManagement: null,
          imageGuidance: { performed: true },
        },
        payer: rng.weighted<PayerKey>([
          ['medicare', 0.4],
          ['uhc', 0.3],
          ['default', 0.3],
        ]),
        beams: [
          photon('ARC1', '6X', [60, 90], [220, 320]),
          photon('ARC2', '6X', [60, 90], [220, 320]),
          ...(rng.chance(0.4) ? [photon('ARC3', '6X', [50, 80], [150, 250])] : []),
        ],
        setupSec: [150, 260],
        betweenSec: [20, 45],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77407', modifiers: [] }, IGRT],
        protocol: null,
      };
    case 'palliative-2d': {
      const two = rng.chance(0.6);
      return {
        site: { region: rng.pick(['spine', 'pelvis', 'femur']), laterality: 'none' },
        diagnosis: 'C79.51',
        plan: {
          id: planId('PALL-2D'),
          modality: 'photon',
          technique: '2D',
          isocenters: 1,
          fractionsPlanned: rng.pick([5, 10]),
          motionManagement: null,
        },
        payer: rng.weighted<PayerKey>([
          ['medicare', 0.6],
          ['default', 0.4],
        ]),
        beams: two
          ? [photon('AP', '10X', [25, 45], [140, 220]), photon('PA', '10X', [25, 45], [140, 220])]
          : [photon('PA', '6X', [30, 50], [200, 300])],
        setupSec: [90, 180],
        betweenSec: [30, 60],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77402', modifiers: [] }],
        protocol: null,
      };
    }
    case 'electrons': {
      const energy = rng.pick(['6E', '9E', '12E']);
      return {
        site: { region: 'skin', laterality: 'none' },
        diagnosis: 'C44.42',
        plan: {
          id: planId('SKIN-E'),
          modality: 'electron',
          technique: '3D',
          isocenters: 1,
          fractionsPlanned: rng.pick([10, 15]),
          motionManagement: null,
        },
        payer: rng.weighted<PayerKey>([
          ['medicare', 0.5],
          ['default', 0.5],
        ]),
        beams: [
          {
            name: `E${energy.slice(0, -1)}`,
            radiationType: 'ELECTRON',
            energy,
            seconds: [30, 50],
            mu: [200, 300],
          },
        ],
        setupSec: [120, 240],
        betweenSec: [30, 60],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77402', modifiers: [] }],
        protocol: null,
      };
    }
    case 'multi-isocenter':
      return {
        site: { region: 'craniospinal', laterality: 'none' },
        diagnosis: 'C71.6',
        plan: {
          id: planId('CSI-2ISO'),
          modality: 'photon',
          technique: '3D',
          isocenters: 2,
          fractionsPlanned: rng.pick([15, 20]),
          motionManagement: null,
          imageGuidance: { performed: true },
        },
        payer: rng.weighted<PayerKey>([
          ['uhc', 0.4],
          ['default', 0.4],
          ['medicare', 0.2],
        ]),
        beams: [
          photon('BRAIN R', '6X', [40, 70], [120, 180]),
          photon('BRAIN L', '6X', [40, 70], [120, 180]),
          photon('SPINE', '6X', [60, 90], [200, 280]),
        ],
        setupSec: [200, 320],
        betweenSec: [35, 70],
        dayStep: 1,
        twiceDaily: false,
        charges: [{ code: '77412', modifiers: [] }, IGRT],
        protocol: null,
      };
    case 'lung-sbrt':
      return {
        site: { region: 'lung', laterality: rng.chance(0.5) ? 'left' : 'right' },
        diagnosis: rng.pick(['C34.11', 'C34.12', 'C34.31']),
        plan: {
          id: planId('LUNG-SBRT'),
          modality: 'photon',
          technique: 'SBRT',
          isocenters: 1,
          fractionsPlanned: rng.pick([3, 5]),
          deliverySystem: 'linac',
          motionManagement: null,
          imageGuidance: { performed: true },
        },
        payer: rng.weighted<PayerKey>([
          ['medicare', 0.6],
          ['uhc', 0.2],
          ['default', 0.2],
        ]),
        beams: [
          photon('ARC1', '6X-FFF', [150, 240], [1200, 2200]),
          photon('ARC2', '6X-FFF', [150, 240], [1200, 2200]),
        ],
        setupSec: [300, 420],
        betweenSec: [30, 60],
        dayStep: 2,
        twiceDaily: false,
        charges: [{ code: '77373', modifiers: [] }],
        protocol: null,
      };
    case 'lung-bid':
      return {
        site: { region: 'lung', laterality: 'bilateral' },
        diagnosis: 'C34.90',
        plan: {
          id: planId('SCLC-BID'),
          modality: 'photon',
          technique: '3D',
          isocenters: 1,
          fractionsPlanned: 30,
          motionManagement: null,
          imageGuidance: { performed: true },
        },
        payer: 'medicare',
        beams: [photon('AP', '10X', [40, 70], [110, 160]), photon('PA', '10X', [40, 70], [110, 160])],
        setupSec: [120, 220],
        betweenSec: [30, 60],
        dayStep: 1,
        twiceDaily: true,
        charges: [{ code: '77407', modifiers: [] }, IGRT],
        protocol: null,
      };
  }
}

/** Authorization codes as the payer approved them (the delivery code and 77387-26 when imaged). */
export function authorizedCodes(plan: KindPlan): string[] {
  return plan.charges.map((c) => [c.code, ...c.modifiers].join('-'));
}
