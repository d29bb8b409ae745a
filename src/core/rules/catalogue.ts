import { DOC_001 } from '../audit/rules/doc-001-motion-management-order.js';
import { DOC_002 } from '../audit/rules/doc-002-medical-necessity.js';
import { DOC_003 } from '../audit/rules/doc-003-documentation-elements.js';
import { DOC_004 } from '../audit/rules/doc-004-monitoring-record.js';
import { DOC_005 } from '../audit/rules/doc-005-beam-on-coverage.js';
import { DOC_006 } from '../audit/rules/doc-006-beam-hold-capability.js';
import { DOC_007 } from '../audit/rules/doc-007-hold-when-out-of-tolerance.js';
import { DOC_008 } from '../audit/rules/doc-008-sgrt-record-signed.js';
import { DOC_009 } from '../audit/rules/doc-009-igrt-review-signed.js';
import { DOC_010 } from '../audit/rules/doc-010-readable-times.js';
import { DOC_011 } from '../audit/rules/doc-011-designated-signer.js';
import { DOC_012 } from '../audit/rules/doc-012-duplicate-session.js';
import { CODE_001 } from '../coding/rules/code-001-code-set-year.js';
import { CODE_002 } from '../coding/rules/code-002-route-out-of-scope.js';
import { CODE_003 } from '../coding/rules/code-003-level-1.js';
import { CODE_004 } from '../coding/rules/code-004-level-2.js';
import { CODE_005 } from '../coding/rules/code-005-level-3.js';
import { CODE_006 } from '../coding/rules/code-006-motion-management-qualifies.js';
import { CODE_007 } from '../coding/rules/code-007-professional-igrt.js';
import { CODE_008 } from '../coding/rules/code-008-one-code-per-session.js';
import { CODE_009 } from '../coding/rules/code-009-deleted-codes.js';
import { CODE_010 } from '../coding/rules/code-010-posted-charges.js';
import { CODE_011 } from '../coding/rules/code-011-course-limits.js';
import { CODE_012 } from '../coding/rules/code-012-thresholds-stated.js';
import { CODE_013 } from '../coding/rules/code-013-delivered-beams.js';
import type { RuleMeta } from '../model/rule.js';
import { PAYER_001 } from '../payers/rules/payer-001-igrt-modifier.js';
import { PAYER_002 } from '../payers/rules/payer-002-evicore-breast.js';
import { PAYER_003 } from '../payers/rules/payer-003-fraction-limit.js';
import { PAYER_004 } from '../payers/rules/payer-004-known-profile.js';
import { REMIT_RULES } from '../remit/classify-line.js';
import { AUTH_RULES } from '../authorizations/authorization-rules.js';
import { CLAIM_RULES } from '../claims/claim-rules.js';
import { EDIT_001 } from '../edits/edit-001-ncci-ptp.js';
import { EDIT_002 } from '../edits/edit-002-mue.js';

/** Every rule the engine applies, by id: the source of `sgrt-billing rules` and docs/rules.md. */
export const RULE_CATALOGUE: readonly RuleMeta[] = [
  CODE_001,
  CODE_002,
  CODE_003,
  CODE_004,
  CODE_005,
  CODE_006,
  CODE_007,
  CODE_008,
  CODE_009,
  CODE_010,
  CODE_011,
  CODE_012,
  CODE_013,
  DOC_001,
  DOC_002,
  DOC_003,
  DOC_004,
  DOC_005,
  DOC_006,
  DOC_007,
  DOC_008,
  DOC_009,
  DOC_010,
  DOC_011,
  DOC_012,
  PAYER_001,
  PAYER_002,
  PAYER_003,
  PAYER_004,
  ...AUTH_RULES,
  ...CLAIM_RULES,
  EDIT_001,
  EDIT_002,
  ...REMIT_RULES,
];
