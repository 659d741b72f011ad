/**
 * HTML built by tagged templates that escape by default: in html`<td>${name}</td>` every
 * interpolated value is escaped, unless it is markup that `html` or `raw` built already. A name,
 * note or message from a configuration cannot become markup because someone forgot to escape it.
 */

/** Escapes text for HTML content and attribute values (& < > " '). */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markup that goes into a page as it is. Only `html` and `raw` make one. */
export class Html {
  // Private, so the type is nominal: no string or look-alike object passes for Html.
  private constructor(private readonly markup: string) {}

  /** Markup taken as it is, unescaped: only for text this code wrote, never for input. */
  static raw(markup: string): Html {
    return new Html(markup);
  }

  toString(): string {
    return this.markup;
  }
}

/** What a template may interpolate: text (escaped), a number, markup, or a list of them (concatenated). */
export type HtmlValue = string | number | Html | readonly (string | number | Html)[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0]!;
  values.forEach((value, k) => {
    markup += valueMarkup(value) + strings[k + 1]!;
  });
  return Html.raw(markup);
}

export const raw = Html.raw;

/** Markup parts one per line. */
export function lines(parts: readonly Html[]): Html {
  return Html.raw(parts.join('\n'));
}

function valueMarkup(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (typeof value === 'string') return esc(value);
  if (typeof value === 'number') return String(value);
  return value.map(valueMarkup).join('');
}
