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
  },
): SafeHtml {
  return html`<form
    method="post"
    action="${options.action}"
    ${options.className ? html` class="${options.className}"` : ''}${options.testId
      ? html` data-testid="${options.testId}"`
      : ''}
  >
    ${csrfField(ctx)} ${options.body}
  </form>`;
}

/** A labelled input with its hint and error. */
export function field(options: {
  readonly name: string;
  readonly label: string;
  /** The element's ID (default `f-<name>`); pages with several forms that share a field name give their own. */
  readonly id?: string;
  readonly type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search';
  readonly value?: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly error?: string;
  readonly autocomplete?: string;
}): SafeHtml {
  const id = options.id ?? `f-${options.name}`;
  const type = options.type ?? 'text';
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field${options.error ? ' has-error' : ''}">
    <label for="${id}">${options.label}</label>
    ${options.hint ? html`<small id="${id}-hint" class="hint">${options.hint}</small>` : ''}
    ${options.error ? html`<small id="${id}-error" class="error">${options.error}</small>` : ''}
    <input
      id="${id}"
      name="${options.name}"
      type="${type}"
      value="${options.value ?? ''}"
      ${options.required ? html` required` : ''}${options.autocomplete
        ? html` autocomplete="${options.autocomplete}"`
        : ''}${described ? html` aria-describedby="${described}"` : ''}${options.error
        ? html` aria-invalid="true"`
        : ''}
    />
  </div>`;
}

/** A hidden input (a token, where to go next). */
export function hidden(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}" />`;
}

/** A labelled `<select>`. */
export function select(options: {
  readonly name: string;
  readonly label: string;
  /** The element's ID (default `f-<name>`), as for {@link field}. */
  readonly id?: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly value?: string;
  readonly error?: string;
}): SafeHtml {
  const id = options.id ?? `f-${options.name}`;
  return html`<div class="field${options.error ? ' has-error' : ''}">
    <label for="${id}">${options.label}</label>
    ${options.error ? html`<small id="${id}-error" class="error">${options.error}</small>` : ''}
    <select
      id="${id}"
      name="${options.name}"
      ${options.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}
    >
      ${options.choices.map(
        (c) =>
          html`<option value="${c.value}" ${c.value === options.value ? html` selected` : ''}>
            ${c.label}
          </option>`,
      )}
    </select>
  </div>`;
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
