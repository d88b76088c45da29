/**
 * The route table: every route of the web server with who may call it. It is the access rule itself, not
 * documentation of it: `web/auth/access.ts` refuses to register a route that is not listed here and checks
 * each request against its entry (anonymous → sign-in page or 401, a missing permission → 403) before the body
 * is read. Scope (which pairs) is checked by the handlers on top (an out-of-scope pair is a 404).
 *
 * Add a route: add its line here, then register it in a route module. `test/web/route-matrix.test.ts` walks
 * the table with an anonymous request and one user of each role and expects exactly these roles through.
 */
import { can, type Permission, type Role } from '../../domain/access';
import { ROLES } from '../../domain/accounts';

/** Who may call a route: anyone, any signed-in user, or users whose role has a permission. */
export type Access = 'public' | 'signedIn' | Permission;

/** One route: a page (HTML, forms), an API route (JSON under /api/v1) or static files. */
export interface RoutePolicy {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** Fastify's URL pattern; a trailing `*` covers every route under the prefix (plugins' own routes). */
  readonly url: string;
  readonly kind: 'page' | 'api' | 'asset';
  readonly access: Access;
}

/** Every route of the web server. */
export const ROUTES: readonly RoutePolicy[] = [
  // The landing page shows the parts' health and counts, no personal data.
  { method: 'GET', url: '/', kind: 'page', access: 'public' },
  { method: 'GET', url: '/healthz', kind: 'api', access: 'public' },
  { method: 'GET', url: '/assets/*', kind: 'asset', access: 'public' },
  { method: 'GET', url: '/sign-in', kind: 'page', access: 'public' },
  { method: 'POST', url: '/sign-in', kind: 'page', access: 'public' },
  { method: 'POST', url: '/sign-out', kind: 'page', access: 'public' },
  { method: 'GET', url: '/account/password', kind: 'page', access: 'public' },
  { method: 'POST', url: '/account/password', kind: 'page', access: 'public' },
  { method: 'GET', url: '/account/forgot', kind: 'page', access: 'public' },
  { method: 'POST', url: '/account/forgot', kind: 'page', access: 'public' },
  { method: 'GET', url: '/home', kind: 'page', access: 'signedIn' },
  { method: 'GET', url: '/pairs/:code', kind: 'page', access: 'signedIn' },
  { method: 'GET', url: '/cycles', kind: 'page', access: 'signedIn' },
  { method: 'POST', url: '/pairs/:code/:year/needs', kind: 'page', access: 'submit' },
  // The officers' other forms (web/routes/submissions.ts) and the download of an attached document.
  { method: 'POST', url: '/pairs/:code/:year/plan', kind: 'page', access: 'submit' },
  { method: 'POST', url: '/pairs/:code/:year/sign', kind: 'page', access: 'submit' },
  { method: 'POST', url: '/pairs/:code/:year/progress', kind: 'page', access: 'submit' },
  { method: 'POST', url: '/pairs/:code/:year/report', kind: 'page', access: 'submit' },
  { method: 'GET', url: '/pairs/:code/:year/attachments/:id', kind: 'page', access: 'signedIn' },
  { method: 'POST', url: '/pairs/:code/:year/extend', kind: 'page', access: 'administer' },
  // The administrator's pair forms (web/routes/admin-actions.ts) and the unit page with its forms (units.ts):
  // leadership sees the unit page and changes nothing; an officer sees its own unit only (404 otherwise).
  { method: 'POST', url: '/pairs/:code/:year/waive', kind: 'page', access: 'administer' },
  { method: 'POST', url: '/pairs/:code/:year/resend', kind: 'page', access: 'administer' },
  { method: 'POST', url: '/pairs/:code/:year/dissolve', kind: 'page', access: 'administer' },
  { method: 'POST', url: '/pairs/:code/:year/end-period', kind: 'page', access: 'administer' },
  { method: 'GET', url: '/units/:code', kind: 'page', access: 'signedIn' },
  { method: 'POST', url: '/units/:code/:year/factors', kind: 'page', access: 'administer' },
  { method: 'POST', url: '/units/:code/:year/rate', kind: 'page', access: 'administer' },
  { method: 'POST', url: '/units/:code/merge', kind: 'page', access: 'administer' },
  { method: 'GET', url: '/users', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/users', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/users/:id/disable', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/users/:id/reset', kind: 'page', access: 'manage' },
  { method: 'GET', url: '/outbox', kind: 'page', access: 'manage' },
  { method: 'GET', url: '/outbox/:id', kind: 'page', access: 'manage' },

  // The administrators' pages of issue 10: leadership reads the calendar and the year-end summary (the
  // permission it shares with administrators is `export`, the reports'), only administrators change anything.
  { method: 'GET', url: '/roster', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/roster/check', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/roster/apply', kind: 'page', access: 'manage' },
  { method: 'GET', url: '/calendar', kind: 'page', access: 'export' },
  { method: 'POST', url: '/calendar/preview', kind: 'page', access: 'manage' },
  { method: 'POST', url: '/calendar/save', kind: 'page', access: 'manage' },
  { method: 'GET', url: '/year-end', kind: 'page', access: 'export' },
  { method: 'GET', url: '/year-end/download', kind: 'page', access: 'export' },

  { method: 'GET', url: '/api/v1/session', kind: 'api', access: 'public' },
  { method: 'POST', url: '/api/v1/session', kind: 'api', access: 'public' },
  { method: 'DELETE', url: '/api/v1/session', kind: 'api', access: 'public' },
  { method: 'GET', url: '/api/v1/users', kind: 'api', access: 'manage' },
  { method: 'POST', url: '/api/v1/users', kind: 'api', access: 'manage' },
  { method: 'POST', url: '/api/v1/users/:id/disable', kind: 'api', access: 'manage' },
  { method: 'GET', url: '/api/v1/pairs', kind: 'api', access: 'signedIn' },
  { method: 'GET', url: '/api/v1/pairs/:code', kind: 'api', access: 'signedIn' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/submissions', kind: 'api', access: 'submit' },
  // Progress entries and submissions with their document; documents (web/api/submissions.ts).
  { method: 'POST', url: '/api/v1/pairs/:code/:year/progress', kind: 'api', access: 'submit' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/attachments', kind: 'api', access: 'submit' },
  { method: 'GET', url: '/api/v1/pairs/:code/:year/attachments', kind: 'api', access: 'signedIn' },
  { method: 'GET', url: '/api/v1/pairs/:code/:year/attachments/:id', kind: 'api', access: 'signedIn' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/extensions', kind: 'api', access: 'administer' },
  // The administrator's actions (web/api/admin-actions.ts).
  { method: 'POST', url: '/api/v1/pairs/:code/:year/waivers', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/reminders', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/dissolution', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/pairs/:code/:year/period-end', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/units/:code/:year/positive-factors', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/units/:code/:year/rating', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/units/:code/mergers', kind: 'api', access: 'administer' },
  { method: 'GET', url: '/api/v1/overview', kind: 'api', access: 'signedIn' },
  { method: 'GET', url: '/api/v1/cycles', kind: 'api', access: 'signedIn' },
  { method: 'GET', url: '/api/v1/cycles/export', kind: 'api', access: 'signedIn' },
  { method: 'POST', url: '/api/v1/roster/dry-run', kind: 'api', access: 'manage' },
  { method: 'POST', url: '/api/v1/roster/apply', kind: 'api', access: 'manage' },
  { method: 'GET', url: '/api/v1/calendar/:year', kind: 'api', access: 'export' },
  { method: 'POST', url: '/api/v1/calendar/:year/preview', kind: 'api', access: 'manage' },
  { method: 'POST', url: '/api/v1/calendar/:year/changes', kind: 'api', access: 'manage' },
  { method: 'GET', url: '/api/v1/year-end/:year', kind: 'api', access: 'export' },
  { method: 'GET', url: '/api/v1/year-end/:year/export', kind: 'api', access: 'export' },
  // The Temporal web UI's codec endpoint: administrators only; the CORS preflight is open.
  { method: 'POST', url: '/api/v1/codec/decode', kind: 'api', access: 'administer' },
  { method: 'POST', url: '/api/v1/codec/encode', kind: 'api', access: 'administer' },
  { method: 'OPTIONS', url: '/api/v1/codec/decode', kind: 'api', access: 'public' },
  { method: 'OPTIONS', url: '/api/v1/codec/encode', kind: 'api', access: 'public' },
  // The OpenAPI document and its browser (swagger-ui's own routes).
  { method: 'GET', url: '/api/docs*', kind: 'asset', access: 'public' },
];

/** The entry of a registered route (HEAD is covered by its GET), or undefined when it is not listed. */
export function policyOf(method: string, url: string): RoutePolicy | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  return ROUTES.find(
    (r) => r.method === wanted && (r.url.endsWith('*') ? url.startsWith(r.url.slice(0, -1)) : r.url === url),
  );
}

/** The roles an access rule lets through (anonymous callers only through `public`). */
export function rolesAllowed(access: Access): readonly Role[] {
  if (access === 'public' || access === 'signedIn') return ROLES;
  return ROLES.filter((role) => can(role, access));
}
