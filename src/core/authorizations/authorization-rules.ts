import type { RuleMeta } from '../model/rule.js';

export const AUTH_001: RuleMeta = {
  id: 'AUTH-001',
  title: 'A 2026 date of service covered only by an authorization obtained in 2025',
  severity: 'warning',
  source:
    'Seed: 2026 claims denied that rode on 2025 grandfathered authorizations, even where a 2026 authorization was requested; domain.md §4: flag 2026 DOS covered only by a 2025 auth before billing [seed]',
};

export const AUTH_002: RuleMeta = {
  id: 'AUTH-002',
  title:
    'The authorization is for a lower delivery level than the one billed (e.g. 77407 authorized, 77412 planned)',
  severity: 'warning',
  source:
    'Seed: prior authorizations downcoded 77412 → 77407 under faulty medical policies; issue #5: warn when an authorization for 77407 covers a planned 77412 [seed]',
};

export const AUTH_003: RuleMeta = {
  id: 'AUTH-003',
  title: 'More fractions than the authorization allows',
  severity: 'warning',
  source:
    'Seed: global application of fraction limits by payers; issue #5: warn about fractions beyond the authorized count [seed]',
};

export const AUTH_004: RuleMeta = {
  id: 'AUTH-004',
  title: 'No approved authorization covers the date of service',
  severity: 'warning',
  source: 'domain.md §4: link claims to authorizations before billing [seed]',
};

export const AUTH_RULES: readonly RuleMeta[] = [AUTH_001, AUTH_002, AUTH_003, AUTH_004];
