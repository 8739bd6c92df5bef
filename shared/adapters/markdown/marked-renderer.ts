import { Marked, type RendererObject, type Tokens } from 'marked';
import type { MarkdownRenderer } from '../../content/rendering';

/** Escapes text for an element's content or a quoted attribute value. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

/** The named character references that matter for a URL's scheme; browsers accept more, unknown ones stay as they are. */
const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  period: '.',
  lpar: '(',
  rpar: ')',
  nbsp: '\u00a0',
};

/** One pass of HTML character-reference decoding, numeric (with or without `;`, as browsers accept) and the names above. */
const decodeOnce = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });

/** Decoded until stable (a double-encoded `&amp;#106;` too), at most a few passes. */
const decodeEntities = (text: string): string => {
  let current = text;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = decodeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
};

/** Control characters, whitespace (Unicode too) and invisible format characters: browsers skip some of them inside a scheme. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it strips
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+/g;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether a URL, as a browser would read it, is http(s), mailto or relative. */
const isAllowedUrl = (decoded: string): boolean => {
  let percentDecoded = decoded;
  try {
    percentDecoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape: judged as it stands.
  }
  // Judged twice, as written and percent-decoded: a scheme that hides behind either is refused.
  return [decoded, percentDecoded].every((candidate) => {
    const scheme = /^([^/?#]*?):/.exec(candidate.replace(INVISIBLE, ''))?.[1];
    return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
  });
};

/**
 * The URL to write into an attribute, or `undefined` when it is refused. What is written is exactly what was judged:
 * entities decoded, then control characters and spaces percent-encoded, then escaped for the attribute.
 */
export const safeUrl = (href: string): string | undefined => {
  const decoded = decodeEntities(href.trim());
  if (!isAllowedUrl(decoded)) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it percent-encodes
  return escapeHtml(decoded.replace(/[\u0000-\u0020\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`));
};

const titleAttribute = (title: string | null | undefined): string => (title ? ` title="${escapeHtml(decodeEntities(title))}"` : '');

/** Only what Markdown itself can express; everything from outside it is text. */
const renderer: RendererObject<string, string> = {
  html({ text, block }: Tokens.HTML | Tokens.Tag): string {
    // Raw HTML is never passed through: it is shown as the text it is.
    return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
  },
  link({ href, title, tokens }: Tokens.Link): string {
    const inner = this.parser.parseInline(tokens);
    const url = safeUrl(href);
    return url === undefined ? inner : `<a href="${url}"${titleAttribute(title)} rel="noopener noreferrer nofollow">${inner}</a>`;
  },
  image({ href, title, text }: Tokens.Image): string {
    const url = safeUrl(href);
    const alt = escapeHtml(decodeEntities(text));
    return url === undefined ? alt : `<img src="${url}" alt="${alt}"${titleAttribute(title)}>`;
  },
};

/**
 * The `MarkdownRenderer` on `marked` (CommonMark + GitHub tables, strikethrough and autolinks): its
 * HTML and URL handling replaced so that the contract of the port holds whatever the Markdown holds.
 */
export class MarkedRenderer implements MarkdownRenderer {
  private readonly marked = new Marked<string, string>({ async: false, gfm: true, breaks: false, renderer });

  public render(markdown: string): string {
    return this.marked.parse(markdown, { async: false });
  }
}
