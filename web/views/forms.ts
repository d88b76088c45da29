/**
 * Form helpers: every form posts (no JavaScript), carries the CSRF token, and shows its errors next to the
 * fields and in a summary. Everything is escaped (`html`). The handler of a form answers with a redirect on
 * success (POST-redirect-GET) and with the form again, its values and errors, on a refusal.
 */
import { html, type HtmlValue, type SafeHtml } from './html';
import { csrfField, type PageContext } from './layout';

/** Errors of a form, by field name (`_form` for those of the whole form). */
export type FormErrors = Readonly<Record<string, string>>;

/** A `<form method="post">` with the CSRF token. */
export function postForm(
  ctx: PageContext,
  options: {
    readonly action: string;
    readonly body: HtmlValue;
    readonly testId?: string;
    readonly className?: string;
    /** A form with a file input: sent as multipart/form-data. */
    readonly multipart?: boolean;
  },
): SafeHtml {
  return html`<form
    method="post"
    action="${options.action}"
    ${options.multipart ? html` enctype="multipart/form-data"` : ''}${options.className
      ? html` class="${options.className}"`
      : ''}${options.testId ? html` data-testid="${options.testId}"` : ''}
  >
    ${csrfField(ctx)} ${options.body}
  </form>`;
}

/** What every labelled control shows around it: its label, hint and error. */
interface Labelled {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly required?: boolean;
}

/**
 * The attributes a control shares: `required`, `aria-describedby` (its hint and error) and `aria-invalid`.
 */
function controlAttributes(id: string, options: Labelled): SafeHtml {
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`${options.required ? html` required` : ''}${described
    ? html` aria-describedby="${described}"`
    : ''}${options.error ? html` aria-invalid="true"` : ''}`;
}

/** A control in its field: the label, the hint and the error above it. */
function labelled(id: string, options: Labelled, control: SafeHtml): SafeHtml {
  return html`<div class="field${options.error ? ' has-error' : ''}">
    <label for="${id}">${options.label}</label>
    ${options.hint ? html`<small id="${id}-hint" class="hint">${options.hint}</small>` : ''}
    ${options.error ? html`<small id="${id}-error" class="error">${options.error}</small>` : ''} ${control}
  </div>`;
}

/** A labelled input with its hint and error (`id`, default `f-<name>`, tells apart fields of several forms). */
export function field(
  options: Labelled & {
    readonly name: string;
    readonly type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search';
    readonly value?: string;
    readonly autocomplete?: string;
    readonly id?: string;
  },
): SafeHtml {
  const id = options.id ?? `f-${options.name}`;
  return labelled(
    id,
    options,
    html`<input
      id="${id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${controlAttributes(
        id,
        options,
      )}
    />`,
  );
}

/** A labelled `<textarea>` with its hint and error (several lines: a plan, a list of names). */
export function textarea(
  options: Labelled & {
    readonly name: string;
    readonly id: string;
    readonly value?: string;
    readonly rows?: number;
  },
): SafeHtml {
  const { id } = options;
  // The parser drops one newline right after the start tag, so the value keeps its own first line.
  return labelled(
    id,
    options,
    html`<textarea
      id="${id}"
      name="${options.name}"
      rows="${options.rows ?? 4}"
      ${controlAttributes(id, options)}
    >
${options.value ?? ''}</textarea
    >`,
  );
}

/** A labelled file input (the form must be `multipart`); `accept` lists what the browser offers to pick. */
export function fileInput(
  options: Labelled & { readonly name: string; readonly id: string; readonly accept: string },
): SafeHtml {
  const { id } = options;
  return labelled(
    id,
    options,
    html`<input
      id="${id}"
      name="${options.name}"
      type="file"
      accept="${options.accept}"
      ${controlAttributes(id, options)}
    />`,
  );
}

/** A hidden input (a token, where to go next). */
export function hidden(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}" />`;
}

/** A labelled `<select>`. */
export function select(
  options: Labelled & {
    readonly name: string;
    readonly choices: readonly { readonly value: string; readonly label: string }[];
    readonly value?: string;
    readonly id?: string;
  },
): SafeHtml {
  const id = options.id ?? `f-${options.name}`;
  return labelled(
    id,
    options,
    html`<select id="${id}" name="${options.name}" ${controlAttributes(id, options)}>
      ${options.choices.map(
        (c) =>
          html`<option value="${c.value}" ${c.value === options.value ? html` selected` : ''}>
            ${c.label}
          </option>`,
      )}
    </select>`,
  );
}

/** A submit button. */
export function submit(
  label: string,
  options: { readonly testId?: string; readonly secondary?: boolean } = {},
): SafeHtml {
  return html`<button
    type="submit"
    ${options.secondary ? html` class="secondary"` : ''}${options.testId
      ? html` data-testid="${options.testId}"`
      : ''}
  >
    ${label}
  </button>`;
}

/** The list of a form's errors above it (empty when there are none). */
export function errorSummary(ctx: PageContext, errors: FormErrors): SafeHtml | '' {
  const messages = Object.values(errors);
  if (messages.length === 0) return '';
  return html`<div class="error-summary" role="alert" data-testid="form-errors">
    <p>${ctx.tr('web.form.errors')}</p>
    <ul>
      ${messages.map((m) => html`<li>${m}</li>`)}
    </ul>
  </div>`;
}
