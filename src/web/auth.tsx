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
  /** Read CMS releases, payer settings and contract rates (admin, biller, coder). */
  rates: boolean;
  /** Change them: upload files, locality, appeal windows, contract rates (admin, biller). */
  editRates: boolean;
  /** The practice's billing settings and logins (the Settings page: admin). */
  settings: boolean;
}

export function permissions(role: Role): Permissions {
  return {
    changeCharges: role === 'coder' || role === 'admin',
    upload: role === 'admin' || role === 'coder' || role === 'biller',
    export: role !== 'viewer',
    sign: role === 'physician',
    remittances: role !== 'physician',
    accessLog: role === 'admin',
    claims: role === 'biller' || role === 'admin' || role === 'coder',
    sendClaims: role === 'biller' || role === 'admin',
    writeLetters: role !== 'viewer',
    rates: role === 'admin' || role === 'biller' || role === 'coder',
    editRates: role === 'admin' || role === 'biller',
    settings: role === 'admin',
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
