import { badInput } from '@gazette/domain';
import type { User } from '@gazette/db';

export const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MIN_PASSWORD_LENGTH = 10;

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** What an audit entry keeps of a user: never the password hash. */
export function auditView(user: User) {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

export function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput('password', `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  }
}
