/**
 * The API of the officers' progress entries and documents: `POST …/progress` sends an O4 entry (the
 * workflow's progress envelope without `actor` and `side`, which the session gives); `POST …/attachments` sends
 * a submission together with its document (multipart: `file`, `obligation`, `data` as JSON text), which is
 * checked by its content, and kept, linked to the submission, only once the workflow accepted it; `GET
 * …/attachments` lists a year's documents and `GET …/attachments/:id` downloads one. A pair outside the
 * caller's scope is 404 like an unknown one.
 */
import { z } from 'zod';
import { envelopeProblem, requestEnvelopes } from '../../domain/cycle/requests';
import { CYCLE_YEARS } from '../../domain/cycle/years';
import { findPairInScope } from '../../services/access';
import { listAttachments, submitWithDocument, type StoredAttachment } from '../../services/attachments';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { invalidInput, notFound, refusalError } from '../errors';
import { formFile, formText, unreadable } from '../forms';
import { attachmentInScope, sendAttachment, submittingOfficer } from '../routes/submissions';
import { commandsOf, requestIdOf, webActor } from './actions';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

const params = z.object({
  code: z.string().min(1).max(64),
  year: z.coerce.number().int().min(CYCLE_YEARS.min).max(CYCLE_YEARS.max),
});

const attachmentParams = params.extend({ id: z.string().min(1).max(100) });

/**
 * A progress entry as the API takes it: the workflow's envelope without `actor` and `side` (the session's), and
 * no other field (the workflow reads only `data`).
 */
export const progressBody = z.strictObject(
  requestEnvelopes().progress.omit({ actor: true, side: true }).shape,
);

/** A kept document as the API shows it. */
const attachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });

function attachmentJson(a: StoredAttachment): z.output<typeof attachmentSchema> {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Thrown by {@link refuseProtoKey} while the `data` field is parsed. */
class ProtoKey extends Error {}

/**
 * Refuses a `__proto__` key, as Fastify refuses it in a JSON body: `JSON.parse` keeps it as an own key, and the
 * first object spread or schema copy then sets a prototype with it instead, so the key would vanish unrefused.
 */
function refuseProtoKey(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ProtoKey();
  return value;
}

/** The `data` field of a multipart submission: the JSON text of an object that a request may hold, else 400. */
function dataOf(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text, refuseProtoKey);
  } catch (error) {
    throw invalidInput({ key: error instanceof ProtoKey ? 'webForms.api.dataProto' : 'webForms.api.data' });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalidInput({ key: 'webForms.api.data' });
  // Parsed here, not by the body parser: the checks of every body (web/forms.ts) apply to it as well.
  const problem = unreadable(data);
  if (problem) throw invalidInput(problem);
  return data as Record<string, unknown>;
}

/** Registers the progress and attachment routes of the API. */
export function registerSubmissionApi(app: WebApp, deps: RouteDeps): void {
  app.post(
    '/api/v1/pairs/:code/:year/progress',
    {
      schema: {
        tags: ['actions'],
        summary:
          'An officer enters progress (O4: `{ data: { category, households, amountDong, modelsBuilt, modelsReplicated, studyTours, description, communeCode?, beneficiaries?, supersedes? } }`); the workflow accepts or refuses it',
        params,
        body: progressBody,
        response: {
          200: readModel('The cycle after the entry (CycleProjection)'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { side, pair } = await submittingOfficer(deps, request, request.params.code);
      const commands = await commandsOf(deps);
      const result = await commands.progress(
        pair.code,
        request.params.year,
        { data: request.body.data, side, actor: webActor(request) },
        requestIdOf(request),
      );
      if (!result.ok) throw refusalError(result.refusal);
      return result.value;
    },
  );

  app.post(
    '/api/v1/pairs/:code/:year/attachments',
    {
      schema: {
        tags: ['actions'],
        summary:
          'An officer sends a submission (O1, O2, O3, O5, O6) with its document, as multipart/form-data',
        description:
          'Parts: `file` (a PDF, PNG or JPEG of at most 10 MB, judged by its content), `obligation`, and `data` (the submission’s payload as JSON text). The document is kept, linked to the submission, only when the workflow accepts the submission; the answer gives its id and SHA-256.',
        consumes: ['multipart/form-data'],
        params,
        response: {
          201: z.object({
            attachment: attachmentSchema,
            cycle: readModel('The cycle after the submission (CycleProjection)'),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const { actor, side, pair } = await submittingOfficer(deps, request, request.params.code);
      const { year } = request.params;
      const file = formFile(request.body, 'file');
      if (!file) throw invalidInput({ key: 'webForms.file.missing' });
      const submission = {
        obligation: formText(request.body, 'obligation'),
        data: dataOf(formText(request.body, 'data')),
        side,
        actor: webActor(request),
      };
      // The workflow's own envelope check, before anything is sent: its message, its field.
      const problem = envelopeProblem('submit', submission);
      if (problem) throw invalidInput(problem);
      const result = await submitWithDocument(deps.prisma, await commandsOf(deps), {
        pairCode: pair.code,
        year,
        request: requestEnvelopes().submit.parse(submission),
        file,
        uploadedBy: actor.userId,
      });
      if (!result.ok) throw refusalError(result.refusal);
      void reply.code(201);
      return { attachment: attachmentJson(result.attachment), cycle: result.value };
    },
  );

  app.get(
    '/api/v1/pairs/:code/:year/attachments',
    {
      schema: {
        tags: ['pairs'],
        summary: 'The documents of a pair’s year, each with the obligation and side of its submission',
        params,
        response: {
          200: z.object({
            attachments: z.array(
              attachmentSchema.extend({ obligation: z.string(), side: z.enum(['sponsor', 'recipient']) }),
            ),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
      if (!pair) throw notFound();
      const rows = await listAttachments(deps.prisma, actor.scope, pair.code, request.params.year);
      return {
        attachments: rows.map((a) => ({ ...attachmentJson(a), obligation: a.obligation, side: a.side })),
      };
    },
  );

  app.get(
    '/api/v1/pairs/:code/:year/attachments/:id',
    {
      schema: {
        tags: ['pairs'],
        summary:
          'One document’s content, as a download (`content-disposition: attachment`, its stored content type, `nosniff`)',
        params: attachmentParams,
      },
    },
    async (request, reply) => {
      const actor = requireSignIn(request);
      return sendAttachment(reply, await attachmentInScope(deps, actor, request.params));
    },
  );
}
