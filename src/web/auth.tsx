/** The session (from login or /api/auth/me) and what the logged-in role may do. */
import { createContext, useContext } from 'react';
import type { Role, SessionView } from '../app/views.js';

export interface Permissions {
  /** Release or hold charges (coder, admin). */
  changeCharges: boolean;
  /** Upload import files (admin, coder, biller). */
  upload: boolean;
  /** Download list exports (everyone but the viewer). */
  export: boolean;
  /** Sign SGRT records and IGRT reviews (physician). */
  sign: boolean;
  /** Read the remittance worklist and payer scorecards (everyone but the physician). */
  remittances: boolean;
  /** Read the access log (admin). */
  accessLog: boolean;
  /** See what is ready to bill and the 837 batches (biller, admin, coder). */
  claims: boolean;
  /** Create 837 batches and download their files (biller, admin). */
  sendClaims: boolean;
  /** Draft and edit letters and their templates (everyone but the viewer, who reads them). */
  writeLetters: boolean;
  /** Read the practice's payer settings and contract rates (admin, biller, coder); every role sees the CMS releases. */
  rates: boolean;
  /** Change them: locality, appeal windows, contract rates and their CSV upload (admin, biller). */
  editRates: boolean;
  /** Load the CMS files every practice shares (the installation operator only). */
  loadReference: boolean;
  /** The practice's billing settings and logins (the Settings page: admin). */
  settings: boolean;
  /** See the imported records that matched no course (admin, coder, biller). */
  unlinked: boolean;
  /** Dismiss one of them with a reason (admin, coder). */
  dismissUnlinked: boolean;
  /** Cancel a queued or running import (admin: POST /api/imports/:id/cancel). */
  cancelJobs: boolean;
}

/** The installation operator has an admin's rights in its practice (src/http/api-route.ts `route`). */
export function permissions(role: Role): Permissions {
  const admin = role === 'admin' || role === 'operator';
  return {
    changeCharges: role === 'coder' || admin,
    upload: admin || role === 'coder' || role === 'biller',
    export: role !== 'viewer',
    sign: role === 'physician',
    remittances: role !== 'physician',
    accessLog: admin,
    claims: role === 'biller' || admin || role === 'coder',
    sendClaims: role === 'biller' || admin,
    writeLetters: role !== 'viewer',
    rates: admin || role === 'biller' || role === 'coder',
    editRates: admin || role === 'biller',
    loadReference: role === 'operator',
    settings: admin,
    cancelJobs: admin,
    unlinked: admin || role === 'coder' || role === 'biller',
    dismissUnlinked: admin || role === 'coder',
  };
}

export interface Auth {
  session: SessionView;
  can: Permissions;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside a logged-in page');
  return auth;
}
