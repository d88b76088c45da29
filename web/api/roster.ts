/**
 * The roster import as JSON (administrators): `POST /api/v1/roster/dry-run` takes the same form with files as
 * the page (`multipart/form-data`: `roster`, `pairs` for CSV, `year`) and answers the dry run and the upload's
 * token and SHA-256, or 400 with every problem located; `POST /api/v1/roster/apply` imports exactly that upload
 * (`{ upload, sha256 }`), or answers 409 with why nothing was written.
 */
import { z } from 'zod';
import { t } from '../../domain/messages';
import { applyRosterUpload } from '../../services/roster-upload';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError } from '../errors';
import { textOf } from '../i18n';
import { checkUploadOf } from '../routes/roster';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';
import { webActor } from './actions';

/**
 * A refused roster: the error and every problem, located as precisely as known; a body the route cannot read at
 * all (malformed JSON…) is refused with the error alone.
 */
const problemsSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    problems: z
      .array(
        z.object({
          file: z.string(),
          sheet: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
          key: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'RosterProblems' });

/** Registers the roster API. */
export function registerRosterApi(app: WebApp, deps: RouteDeps): void {
  app.post(
    '/api/v1/roster/dry-run',
    {
      schema: {
        tags: ['roster'],
        summary:
          'Check a roster upload (multipart/form-data: file `roster` = .xlsx, .json or units.csv; `pairs` = pairs.csv; `year` of the staff counts) and keep it for an hour for /apply',
        response: {
          200: readModel(
            '{ upload: { id, format, sha256, files, staffYear, expiresAt }, summary } (docs/web.md)',
          ),
          400: problemsSchema,
          ...errorResponses(401, 403, 413),
        },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'manage');
      const check = await checkUploadOf(deps, request.body, actor.userId);
      const lang = request.lang;
      if (!check.ok)
        return reply.code(400).send({
          error: {
            code: 'invalid_input',
            message: t('page.roster.invalid', { count: check.problems.length }, lang),
          },
          problems: check.problems.map((p) => ({
            ...p,
            key: p.message.key,
            message: textOf(p.message, lang),
          })),
        });
      return {
        upload: { ...check.upload, expiresAt: check.upload.expiresAt.toISOString() },
        summary: check.summary,
      };
    },
  );

  app.post(
    '/api/v1/roster/apply',
    {
      schema: {
        tags: ['roster'],
        summary:
          'Import the upload a dry run checked: `upload` is its id, `sha256` its SHA-256 as the dry run gave it',
        body: z.strictObject({ upload: z.string().max(100), sha256: z.string().max(100) }),
        response: {
          200: readModel('{ sha256, summary }: what was written'),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'manage');
      const result = await applyRosterUpload(
        deps.prisma,
        { id: request.body.upload, sha256: request.body.sha256 },
        { userId: actor.userId, actor: webActor(request), now: deps.now() },
      );
      if (!result.ok) throw new HttpError(409, 'conflict', result.refusal.message);
      return { sha256: result.sha256, summary: result.summary };
    },
  );
}
