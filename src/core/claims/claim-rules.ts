import type { RuleMeta } from '../model/rule.js';
import { CLAIM_001 } from './claim-001-claim-setting.js';
import { CLAIM_002 } from './claim-002-component-split.js';
import { CLAIM_003 } from './claim-003-revenue-code.js';
import { CLAIM_004 } from './claim-004-billing-period.js';
import { CLAIM_005 } from './claim-005-prior-authorization.js';
import { CLAIM_006 } from './claim-006-twice-daily.js';
import { CLAIM_007 } from './claim-007-encounter-diagnoses.js';

/** The claim building rules, in id order, for the rule catalogue (`src/core/rules/catalogue.ts`). */
export const CLAIM_RULES: readonly RuleMeta[] = [
  CLAIM_001,
  CLAIM_002,
  CLAIM_003,
  CLAIM_004,
  CLAIM_005,
  CLAIM_006,
  CLAIM_007,
];
