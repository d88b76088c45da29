/**
 * The pair page of a year as one reader sees it: the cycle from the read model, the documents attached to it,
 * the reader's forms (officers), the administrator's forms and the link to the workflow. Shared by
 * `GET /pairs/:code` and the form routes, which show the page again, with the refused form's values and
 * errors, when the workflow refuses.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, sideOfRole, type Actor } from '../../domain/access';
import { cycleWorkflowId } from '../../domain/workflow-ids';
import { listAttachments } from '../../services/attachments';
import { pairDetail, type PairYear } from '../../services/dashboard';
import type { PrismaClient } from '../../generated/prisma';
import type { Notice } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { pageContext, sendPage } from '../render';
import { renderPair } from '../views/pair';
import {
  formsOfSide,
  obligationOfForm,
  type PairSubmissionsView,
  type SubmissionFormState,
} from '../views/pair-submissions';

/** A form the workflow (or the document check) refused, to show again with the page. */
export interface RefusedForm {
  readonly state: SubmissionFormState;
  readonly notice: Notice;
  readonly status: number;
}

const OWED = new Set(['pending', 'missed']);

/**
 * The submissions section of the page: every document of the year in the reader's scope, and the forms of the
 * reader's side whose obligation is still owed (O3: not yet signed by that side; O4: while the cycle runs).
 */
export async function submissionsViewOf(
  prisma: PrismaClient,
  actor: Actor,
  pairCode: string,
  year: number,
  detail: PairYear | undefined,
  state?: SubmissionFormState,
): Promise<PairSubmissionsView> {
  const side = sideOfRole(actor.role);
  const attachments = await listAttachments(prisma, actor.scope, pairCode, year);
  if (side === undefined || detail === undefined || detail.phase === 'closed')
    return { side, forms: [], attachments, ...(state ? { state } : {}) };
  const signed =
    (await prisma.submission.count({
      where: {
        cycle: { workflowId: detail.temporal.workflowId },
        obligation: 'O3',
        side: side === 'sponsor' ? 'SPONSOR' : 'RECIPIENT',
      },
    })) > 0;
  const forms = formsOfSide(side).filter((form) => {
    if (state?.form === form) return true;
    const obligation = obligationOfForm(form, side);
    if (obligation === 'O4') return true;
    if (obligation === 'O3' && signed) return false;
    const status = detail.obligations.find((o) => o.obligation === obligation)?.status;
    return status !== undefined && OWED.has(status);
  });
  return { side, forms, attachments, ...(state ? { state } : {}) };
}

/** Sends the pair page of `year` (with a refused form, its status and notice, when given). */
export async function sendPairPage(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    readonly actor: Actor;
    readonly pairCode: string;
    readonly year: number;
    readonly refused?: RefusedForm;
  },
): Promise<FastifyReply> {
  const { actor, pairCode, year, refused } = page;
  const detail = await pairDetail(deps.prisma, actor.scope, pairCode, {
    year,
    now: deps.now(),
    includeContacts: can(actor.role, 'manage'),
    temporalNamespace: deps.namespace,
  });
  if (!detail) throw notFound();
  const selected = detail.selected?.year === year ? detail.selected : undefined;
  const workflowId = cycleWorkflowId(detail.code, year);
  const actions = {
    submissions: await submissionsViewOf(deps.prisma, actor, detail.code, year, selected, refused?.state),
    administer: can(actor.role, 'administer'),
    temporalUrl: `${deps.temporalUiUrl}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
  };
  const ctx = pageContext(request, reply);
  return sendPage(
    reply,
    renderPair(refused ? { ...ctx, notice: refused.notice } : ctx, { year, detail, actions }),
    refused?.status,
  );
}
