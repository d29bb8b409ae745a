import type { UserRecord } from '../../storage/auth/users-repository.js';
import { clinicSchema } from '../../core/model/clinic.js';
import { ROLES, type Role, type UserView } from '../views.js';
import type { Actor } from '../app-context.js';

export function asRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error('unknown role in users table');
  return value as Role;
}

export function userView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: asRole(user.role),
    practiceId: user.practiceId,
    practiceName: user.practiceName,
    physicianId: user.physicianId,
    timeZone: clinicSchema.safeParse(user.practiceClinic).data?.facility.timeZone ?? 'UTC',
  };
}

export function actorOf(user: UserRecord): Actor {
  return {
    userId: user.id,
    practiceId: user.practiceId,
    role: asRole(user.role),
    displayName: user.displayName,
    physicianId: user.physicianId,
  };
}

/** Emails compare case-insensitively: stored and looked up trimmed and lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
