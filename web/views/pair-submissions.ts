/**
 * The pair page's submissions section: the documents attached to the year's submissions (for every reader of
 * the pair) and the forms of the reader's side (officers only): O1 plan and monitoring assignment, O2 needs
 * proposal with item rows, O3 signature with the signed document, O4 progress entry with the households
 * helped, O5/O6 year-end report and assessment. Every form works without JavaScript; a refused form comes back
 * with its values and the workflow's message next to the field it names.
 */
import {
  PROGRESS_RULE,
  SUBMISSION_RULES,
  type ObligationId,
  type Side,
  type SubmittableObligation,
} from '../../domain/cycle/types';
import { SUPPORT_CATEGORIES } from '../../domain/evaluation/progress';
import { formatDateTime, formatNumber } from '../../domain/format';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { ListedAttachment } from '../../services/attachments';
import { errorSummary, field, fileInput, postForm, select, textarea, type FormErrors } from './forms';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';
import { table } from './table';

/** The forms of the section, each posting to `/pairs/:code/:year/<form>`. */
export const SUBMISSION_FORMS = ['plan', 'needs', 'sign', 'progress', 'report'] as const;

/** One form of the section. */
export type SubmissionForm = (typeof SUBMISSION_FORMS)[number];

/** Item rows of the needs form: enough for a proposal, fixed so that the form needs no script. */
export const NEEDS_ROWS = 5;

/** What the document input accepts (the server judges the content, whatever the browser offered). */
const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The obligation a form submits for a side (the year-end report is O5 for the sponsor, O6 for the recipient). */
export function obligationOfForm(form: SubmissionForm, side: Side): SubmittableObligation | 'O4' {
  const byForm = { plan: 'O1', needs: 'O2', sign: 'O3', progress: 'O4' } as const;
  if (form === 'report') return side === 'sponsor' ? 'O5' : 'O6';
  return byForm[form];
}

/** The forms of a side, in programme order: those whose obligation the workflow's rule table gives that side. */
export function formsOfSide(side: Side): readonly SubmissionForm[] {
  return SUBMISSION_FORMS.filter((form) => {
    const obligation = obligationOfForm(form, side);
    const rule = obligation === 'O4' ? PROGRESS_RULE : SUBMISSION_RULES[obligation];
    return rule.sides.includes(side);
  });
}

/** The texts of a form as sent (a repeated field, such as the needs rows, as a list). */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** A refused form to show again: its values and the errors by field (`items.<row>` for a needs row). */
export interface SubmissionFormState {
  readonly form: SubmissionForm;
  readonly values: FormValues;
  readonly errors: FormErrors;
}

/** What the section shows. */
export interface PairSubmissionsView {
  /** The reader's side; undefined for administrators and leadership, who see no form. */
  readonly side: Side | undefined;
  /** The forms to show: the side's obligations still owed (and the refused form, whatever its state). */
  readonly forms: readonly SubmissionForm[];
  readonly attachments: readonly ListedAttachment[];
  readonly state?: SubmissionFormState;
}

/** The section: the attached documents, then the reader's forms. */
export function renderPairSubmissions(
  ctx: PageContext,
  options: { readonly code: string; readonly year: number; readonly view: PairSubmissionsView },
): SafeHtml {
  const { view } = options;
  const forms =
    view.side !== undefined && view.forms.length > 0
      ? html`<section data-testid="submission-forms">
          <h2>${ctx.tr('webForms.heading')}</h2>
          ${view.forms.map((form) => renderForm(ctx, options.code, options.year, form, view))}
        </section>`
      : '';
  return html`${attachmentList(ctx, options.code, options.year, view.attachments)}${forms}`;
}

function attachmentList(
  ctx: PageContext,
  code: string,
  year: number,
  attachments: readonly ListedAttachment[],
): SafeHtml {
  const { tr, lang } = ctx;
  const base = `/pairs/${encodeURIComponent(code)}/${year}/attachments`;
  return html`<section>
    <h2>${tr('webForms.attachments.heading')}</h2>
    ${table(ctx, {
      testId: 'attachments',
      rows: attachments,
      empty: tr('webForms.attachments.none'),
      rowAttributes: (a) => ({ obligation: a.obligation, side: a.side, sha256: a.sha256 }),
      columns: [
        {
          heading: tr('web.pair.obligation'),
          cell: (a) =>
            `${a.obligation} ${cycleVocabulary.obligation[a.obligation as ObligationId]?.[lang] ?? ''}`,
        },
        { heading: tr('webForms.attachments.side'), cell: (a) => cycleVocabulary.side[a.side][lang] },
        {
          heading: tr('webForms.attachments.file'),
          cell: (a) => html`<a href="${base}/${encodeURIComponent(a.id)}" download>${a.filename}</a>`,
        },
        {
          heading: tr('webForms.attachments.size'),
          numeric: true,
          cell: (a) => tr('webForms.attachments.bytes', { size: formatNumber(a.size, lang) }),
        },
        { heading: 'SHA-256', cell: (a) => html`<code class="hash">${a.sha256}</code>` },
        { heading: tr('webForms.attachments.at'), cell: (a) => formatDateTime(a.createdAt) },
      ],
    })}
  </section>`;
}

/** Reads the values and errors of one form from the state (empty unless it is the refused form). */
function formReader(form: SubmissionForm, state: SubmissionFormState | undefined) {
  const mine = state?.form === form ? state : undefined;
  return {
    text(name: string): string {
      const value = mine?.values[name];
      return typeof value === 'string' ? value : '';
    },
    row(name: string, i: number): string {
      const value = mine?.values[name];
      return Array.isArray(value) ? ((value as readonly string[])[i] ?? '') : '';
    },
    error(name: string): string | undefined {
      return mine?.errors[name];
    },
    errors: mine?.errors ?? {},
  };
}

function categoryChoices(ctx: PageContext): { value: string; label: string }[] {
  return [
    { value: '', label: ctx.tr('webForms.category.none') },
    ...SUPPORT_CATEGORIES.map((c) => ({ value: c, label: ctx.tr(`webForms.category.${c}`) })),
  ];
}

function renderForm(
  ctx: PageContext,
  code: string,
  year: number,
  form: SubmissionForm,
  view: PairSubmissionsView,
): SafeHtml {
  const { tr, lang } = ctx;
  const side = view.side ?? 'recipient';
  const obligation = obligationOfForm(form, side);
  const read = formReader(form, view.state);
  const id = (name: string): string => `f-${form}-${name}`;
  // Each control of the form: its id, the value typed and the error of its field, if any.
  const own = (name: string) => ({
    name,
    id: id(name),
    value: read.text(name),
    ...errorOf(read.error(name)),
  });
  const text = (
    name: string,
    label: string,
    extra: { hint?: string; rows?: number; required?: boolean } = {},
  ) => textarea({ ...own(name), label, required: true, ...extra });
  const input = (
    name: string,
    label: string,
    extra: { type?: 'date' | 'number'; hint?: string; required?: boolean } = {},
  ) => field({ ...own(name), label, ...extra });
  const count = (name: string, label: string) =>
    input(name, label, { type: 'number', hint: tr('webForms.count.hint') });
  let title: string;
  let body: SafeHtml;
  switch (form) {
    case 'plan':
      title = tr('webForms.plan.title');
      body = html`${text('summary', tr('webForms.plan.summary'), { rows: 6 })}
      ${text('monitoringAssignment', tr('webForms.plan.monitoring'))}`;
      break;
    case 'needs':
      title = tr('webForms.needs.title');
      body = html`${text('summary', tr('webForms.needs.summary'), { rows: 6 })}
        <p>${tr('webForms.needs.items')}</p>
        ${Array.from({ length: NEEDS_ROWS }, (_, i) => needsRow(ctx, i, id, read))}`;
      break;
    case 'sign':
      title = tr('webForms.sign.title');
      body = html`${input('signedOn', tr('webForms.sign.signedOn'), { type: 'date', required: true })}
      ${input('signatoryName', tr('webForms.sign.signatory'), { required: true })}
      ${fileInput({
        name: 'document',
        label: tr('webForms.sign.document'),
        id: id('document'),
        accept: DOCUMENT_ACCEPT,
        required: true,
        hint: tr('webForms.sign.documentHint'),
        ...errorOf(read.error('document')),
      })}`;
      break;
    case 'progress':
      title = tr('webForms.progress.title');
      body = html`${select({
        ...own('category'),
        label: tr('webForms.field.category'),
        choices: categoryChoices(ctx),
      })}
      ${count('households', tr('webForms.progress.households'))}
      ${input('amountDong', tr('webForms.progress.amount'), { hint: tr('webForms.amount.hint') })}
      ${count('modelsBuilt', tr('webForms.progress.modelsBuilt'))}
      ${count('modelsReplicated', tr('webForms.progress.modelsReplicated'))}
      ${count('studyTours', tr('webForms.progress.studyTours'))}
      ${input('communeCode', tr('webForms.progress.commune'))}
      ${text('description', tr('webForms.progress.description'))}
      ${text('beneficiaries', tr('webForms.progress.beneficiaries'), {
        rows: 6,
        required: false,
        hint: tr('webForms.progress.beneficiariesHint'),
      })}`;
      break;
    case 'report': {
      const report = obligation === 'O5' ? 'O5' : 'O6';
      title = tr(`webForms.report.title.${report}`);
      body = html`${text('summary', tr('webForms.report.summary'), { rows: 6 })}
      ${text('assessment', tr(`webForms.report.assessment.${report}`), { rows: 6 })}`;
      break;
    }
  }
  return html`<h3>${title}</h3>
    ${postForm(ctx, {
      action: `/pairs/${encodeURIComponent(code)}/${year}/${form}?lang=${lang}`,
      testId: `${form}-form`,
      multipart: form === 'sign',
      body: html`${errorSummary(ctx, read.errors)} ${body}
        <button type="submit">${tr('webForms.send')}</button>`,
    })}`;
}

/** `{ error }` when there is one (the helpers' optional property takes no `undefined`). */
function errorOf(error: string | undefined): { error?: string } {
  return error === undefined ? {} : { error };
}

/** One item row of the needs form: category, description, estimated amount (the three repeated fields). */
function needsRow(
  ctx: PageContext,
  i: number,
  id: (name: string) => string,
  read: ReturnType<typeof formReader>,
): SafeHtml {
  const { tr } = ctx;
  const error = read.error(`items.${i}`);
  return html`<fieldset class="needs-item${error ? ' has-error' : ''}" data-testid="needs-item-${i}">
    <legend>${tr('webForms.needs.item', { n: i + 1 })}</legend>
    ${error ? html`<p id="${id(`item-${i}`)}-error" class="error">${error}</p>` : ''}
    ${select({
      name: 'itemCategory',
      label: tr('webForms.field.category'),
      id: id(`itemCategory-${i}`),
      choices: categoryChoices(ctx),
      value: read.row('itemCategory', i),
    })}
    ${field({
      name: 'itemDescription',
      label: tr('webForms.field.description'),
      id: id(`itemDescription-${i}`),
      value: read.row('itemDescription', i),
    })}
    ${field({
      name: 'itemAmount',
      label: tr('webForms.needs.amount'),
      id: id(`itemAmount-${i}`),
      value: read.row('itemAmount', i),
      hint: tr('webForms.amount.hint'),
    })}
  </fieldset>`;
}
