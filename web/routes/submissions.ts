/**
 * The officers' submission forms of the pair page, one route per form (`POST /pairs/:code/:year/<form>`:
 * plan O1, needs O2, sign O3 with the signed document, progress O4, report O5/O6 by the officer's side), and
 * the download of an attached document (`GET /pairs/:code/:year/attachments/:id`). A form's texts become the
 * workflow's payload as typed (numbers read as whole numbers, amounts with their thousands separators
 * removed) and the workflow judges them: an acceptance goes back to the pair page with a notice, a refusal
 * shows the page again with the form's values and the workflow's own message next to the field it names.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sideOfRole, type Actor } from '../../domain/access';
import { contentDisposition } from '../../domain/attachments';
import type { Side } from '../../domain/cycle/types';
import { isCycleYear } from '../../domain/cycle/years';
import { parseUserDate } from '../../domain/format';
import type { Message } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { findPairInScope } from '../../services/access';
import {
  findAttachment,
  submitWithDocument,
  type AttachmentContent,
  type StoredAttachment,
} from '../../services/attachments';
import type { CommandResult } from '../../services/cycle-commands';
import { commandsOf, webActor } from '../api/actions';
import { requirePermission, requireSignIn, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { forbidden, notFound, refusalError } from '../errors';
import { formFile, formText, formTexts } from '../forms';
import { textOf } from '../i18n';
import { redirectAfterPost } from '../render';
import type { FormErrors } from '../views/forms';
import {
  obligationOfForm,
  SUBMISSION_FORMS,
  type FormValues,
  type SubmissionForm,
} from '../views/pair-submissions';
import { sendPairPage } from './pair-page';

interface Params {
  readonly code: string;
  readonly year: string;
}

/** The payload fields of each form, by the names its inputs carry (a needs row's fields are `item…`). */
const FIELDS: Readonly<Record<SubmissionForm, readonly string[]>> = {
  plan: ['summary', 'monitoringAssignment'],
  needs: ['summary'],
  sign: ['signedOn', 'signatoryName', 'document'],
  progress: [
    'category',
    'households',
    'amountDong',
    'modelsBuilt',
    'modelsReplicated',
    'studyTours',
    'communeCode',
    'description',
    'beneficiaries',
  ],
  report: ['summary', 'assessment'],
};

/** The repeated fields of a needs row. */
const ITEM_FIELDS = ['itemCategory', 'itemDescription', 'itemAmount'] as const;

/** The signed-in officer, its side, and the pair of the URL when it is in the officer's scope (else 404). */
export async function submittingOfficer(
  deps: RouteDeps,
  request: FastifyRequest,
  code: string,
): Promise<{
  readonly actor: Actor;
  readonly side: Side;
  readonly pair: { readonly id: string; readonly code: string };
}> {
  const actor = requirePermission(request, 'submit');
  // Only officers have a side; administrators act through their own actions.
  const side = sideOfRole(actor.role);
  if (!side) throw forbidden();
  const pair = await findPairInScope(deps.prisma, actor.scope, code);
  if (!pair) throw notFound();
  return { actor, side, pair };
}

/** A count as typed: empty is 0, digits are the number, anything else is passed on for the workflow to refuse. */
function countOf(text: string): number | string {
  const value = text.trim();
  if (value === '') return 0;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * An amount of đồng as typed: digits, or digits grouped by three with one separator (`200.000.000`,
 * `200,000,000`, `200 000 000`), as a string of digits; undefined when empty; anything else (a sign, decimals)
 * is passed on as typed, for the workflow to refuse.
 */
function amountOf(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.test(value) ? value.replace(/\D/g, '') : value;
}

/** The form's texts as the page shows them again (a needs row's fields as lists). */
function valuesOf(form: SubmissionForm, body: unknown): FormValues {
  const values: Record<string, string | readonly string[]> = {};
  for (const name of FIELDS[form]) if (name !== 'document') values[name] = formText(body, name);
  if (form === 'needs') for (const name of ITEM_FIELDS) values[name] = formTexts(body, name);
  return values;
}

/** A form's payload, and for the needs form the row each item came from (empty rows are left out). */
function payloadOf(
  form: SubmissionForm,
  body: unknown,
): { readonly data: Record<string, unknown>; readonly itemRows: readonly number[] } {
  const text = (name: string): string => formText(body, name);
  switch (form) {
    case 'plan':
      return {
        data: { summary: text('summary'), monitoringAssignment: text('monitoringAssignment') },
        itemRows: [],
      };
    case 'report':
      return { data: { summary: text('summary'), assessment: text('assessment') }, itemRows: [] };
    case 'sign':
      return {
        data: {
          signedOn: parseUserDate(text('signedOn')) ?? text('signedOn'),
          signatoryName: text('signatoryName'),
        },
        itemRows: [],
      };
    case 'needs': {
      const [categories, descriptions, amounts] = ITEM_FIELDS.map((name) => formTexts(body, name));
      const rows = Math.max(categories?.length ?? 0, descriptions?.length ?? 0, amounts?.length ?? 0);
      const items: Record<string, unknown>[] = [];
      const itemRows: number[] = [];
      for (let row = 0; row < rows; row += 1) {
        const [category = '', description = '', amount = ''] = [categories, descriptions, amounts].map(
          (column) => column?.[row] ?? '',
        );
        if (category.trim() === '' && description.trim() === '' && amount.trim() === '') continue;
        const estimated = amountOf(amount);
        items.push({
          category,
          ...(description.trim() !== '' ? { description } : {}),
          ...(estimated !== undefined ? { estimatedAmountDong: estimated } : {}),
        });
        itemRows.push(row);
      }
      return { data: { summary: text('summary'), ...(items.length > 0 ? { items } : {}) }, itemRows };
    }
    case 'progress': {
      const beneficiaries = text('beneficiaries')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const commune = text('communeCode').trim();
      return {
        data: {
          category: text('category'),
          households: countOf(text('households')),
          amountDong: amountOf(text('amountDong')) ?? '0',
          modelsBuilt: countOf(text('modelsBuilt')),
          modelsReplicated: countOf(text('modelsReplicated')),
          studyTours: countOf(text('studyTours')),
          ...(commune !== '' ? { communeCode: commune } : {}),
          description: text('description'),
          ...(beneficiaries.length > 0 ? { beneficiaries } : {}),
        },
        itemRows: [],
      };
    }
  }
}

/**
 * Where a refusal is shown in the form: a document's problem by the file input, a field the message names by
 * that field (a needs item by its row), anything else (wrong phase, wrong party…) above the form.
 */
function errorsOf(
  form: SubmissionForm,
  message: Message,
  text: string,
  itemRows: readonly number[],
): FormErrors {
  if (message.key.startsWith('webForms.file.')) return { document: text };
  if (message.key === 'cycle.invalid.commune') return { communeCode: text };
  const field = message.params?.field;
  const [head = '', index] = typeof field === 'string' ? field.split('.') : [];
  if (form === 'needs' && head === 'items' && index !== undefined) {
    const row = itemRows[Number(index)];
    if (row !== undefined) return { [`items.${row}`]: text };
  }
  return FIELDS[form].includes(head) ? { [head]: text } : { _form: text };
}

/** The notice of an accepted form. */
function acceptance(
  form: SubmissionForm,
  side: Side,
  pair: string,
  year: number,
  attachment: StoredAttachment | undefined,
): Message {
  const obligation = obligationOfForm(form, side);
  if (form === 'progress') return { key: 'webForms.progressAccepted', params: { pair, year } };
  if (form === 'sign') {
    const words = cycleVocabulary.side[side];
    return {
      key: 'webForms.signed',
      params: {
        pair,
        year,
        sideVi: words.vi,
        sideEn: words.en,
        filename: attachment?.filename ?? '',
        sha256: attachment?.sha256 ?? '',
      },
    };
  }
  const words = cycleVocabulary.obligation[obligation];
  return {
    key: 'webForms.accepted',
    params: { pair, year, obligation, obligationVi: words.vi, obligationEn: words.en },
  };
}

/** Sends one form to the workflow and answers with the pair page: a redirect, or the refused form again. */
async function handleForm(
  deps: RouteDeps,
  form: SubmissionForm,
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { actor, side, pair } = await submittingOfficer(deps, request, request.params.code);
  const year = Number(request.params.year);
  if (!isCycleYear(year)) throw notFound();
  const { data, itemRows } = payloadOf(form, request.body);
  const who = { side, actor: webActor(request) };
  const commands = await commandsOf(deps);
  const obligation = obligationOfForm(form, side);
  let result: CommandResult<unknown> & { readonly attachment?: StoredAttachment };
  if (obligation === 'O3') {
    result = await submitWithDocument(deps.prisma, commands, {
      pairCode: pair.code,
      year,
      request: { ...who, obligation: 'O3', data },
      file: formFile(request.body, 'document'),
      uploadedBy: actor.userId,
    });
  } else if (obligation === 'O4') {
    result = await commands.progress(pair.code, year, { ...who, data });
  } else {
    result = await commands.submit(pair.code, year, { ...who, obligation, data });
  }
  if (result.ok) {
    setNotice(request, 'success', acceptance(form, side, pair.code, year, result.attachment));
    return redirectAfterPost(reply, `/pairs/${encodeURIComponent(pair.code)}?year=${year}`);
  }
  const { message } = result.refusal;
  const text = textOf(message, request.lang);
  return sendPairPage(deps, request, reply, {
    actor,
    pairCode: pair.code,
    year,
    refused: {
      state: { form, values: valuesOf(form, request.body), errors: errorsOf(form, message, text, itemRows) },
      notice: { tone: 'error', message },
      status: refusalError(result.refusal).statusCode,
    },
  });
}

/**
 * Sends a kept document as a download: its stored content type, `attachment` (never shown inline) and
 * `nosniff`, so a browser never runs what a file might hide.
 */
export function sendAttachment(reply: FastifyReply, attachment: AttachmentContent): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(attachment.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(attachment.contentType)
    .send(Buffer.from(attachment.content));
}

/** A document of a pair's year in the reader's scope, or 404 (unknown, out of scope and bad URLs alike). */
export async function attachmentInScope(
  deps: RouteDeps,
  actor: Actor,
  params: { readonly code: string; readonly year: string | number; readonly id: string },
): Promise<AttachmentContent> {
  const year = Number(params.year);
  const found = isCycleYear(year)
    ? await findAttachment(deps.prisma, actor.scope, params.code, year, params.id)
    : undefined;
  if (!found) throw notFound();
  return found;
}

/** Registers the form routes and the document download. */
export function registerSubmissionRoutes(app: WebApp, deps: RouteDeps): void {
  for (const form of SUBMISSION_FORMS)
    app.post<{ Params: Params }>(`/pairs/:code/:year/${form}`, (request, reply) =>
      handleForm(deps, form, request, reply),
    );

  app.get<{ Params: Params & { readonly id: string } }>(
    '/pairs/:code/:year/attachments/:id',
    async (request, reply) => {
      const actor = requireSignIn(request);
      return sendAttachment(reply, await attachmentInScope(deps, actor, request.params));
    },
  );
}
