/**
 * zod schemas shared by the API routes: they validate requests (fastify-type-provider-zod), shape responses
 * and make the OpenAPI document (`/api/docs`). Error messages that are catalogue keys are told in the reader's
 * language (web/errors.ts). Where a body is a workflow payload, use the domain's own schema
 * (`domain/cycle/schemas.ts`), so the API, the form and the workflow's validator refuse the same things.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, ROLES } from '../../domain/accounts';

/** Every error answer: `{ "error": { "code", "message" } }`. */
export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error', description: 'An error; `message` is in the reader’s language' });

/** The error answers a route can give, for its `response` schema. */
export function errorResponses(...statuses: readonly (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<number, typeof errorSchema>;
}

const role = z.enum(ROLES as unknown as readonly [string, ...string[]]);

/** A user as the API shows it (never a password hash). */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    unitCode: z.string().nullable(),
  })
  .meta({ id: 'User' });

/** A user in the list, with the account's status. */
export const listedUserSchema = userSchema
  .extend({
    status: z.enum(['active', 'invited', 'locked', 'disabled']),
    lockedUntil: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: 'ListedUser' });

/** The session: the CSRF token to send in `x-csrf-token`, and the signed-in user or null. */
export const sessionSchema = z
  .object({ csrfToken: z.string(), user: userSchema.nullable() })
  .meta({ id: 'Session' });

/** Sign-in credentials. */
export const credentialsSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/** An invitation. */
export const inviteSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  name: z.string().trim().min(1).max(200),
  role,
  unitCode: z.string().trim().max(64).optional(),
});

/** A route parameter that is a code or an ID. */
export const idParams = z.object({ id: z.string().min(1).max(100) });
