import type { RateTable } from './rate-table.js';

/**
 * The 2026 national amounts quoted by the seed document (RBS "Best Practices for SGRT Billing, 2026",
 * "2026 MPFS Treatment Codes and Rates"). RVU-derived amounts differ (domain.md §2, "Known discrepancy"):
 * load CMS files for locality-adjusted figures.
 */
export const SEED_2026: RateTable = {
  id: 'seed-2026',
  year: 2026,
  release: 'RBS Best Practices for SGRT Billing 2026',
  source: 'seed: best-practices-for-sgrt-billing-2026, "2026 MPFS Treatment Codes and Rates" [seed]',
  settings: {
    MPFS: { '77402': 7949, '77407': 31764, '77412': 39146, '77387-26': 3674 },
    OPPS: { '77402': 10424, '77407': 39405, '77412': 56451 },
  },
};
