import { z } from 'zod'
import { delegations, roles } from '../roles/index.ts'

/** A trimmed string of `min`–`max` characters (after trimming). */
function text(max: number, min = 1) {
  return z.string().trim().min(min).max(max)
}

/** Field rules shared by several request families. */
export const requestFields = {
  text,
  /** Absent, null and '' all mean "none". */
  optionalText: (max: number) =>
    z
      .union([z.string().trim().max(max), z.null()])
      .optional()
      .transform((value) => (value ? value : null)),
  /** Logins: lowercase letters, digits, dots, dashes, underscores; 2–40 characters. */
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9._-]+$/, 'may use letters, digits, . _ -'),
  /** Passwords are not trimmed; 10–200 characters (NIST SP 800-63B: long passphrases, no composition rules). */
  password: z.string().min(10).max(200),
  delegation: z.enum(delegations as readonly ['AZ', 'US']),
  role: z.enum(roles),
}
