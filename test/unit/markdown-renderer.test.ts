import { describe, expect, it } from 'vitest';
import { MarkedRenderer } from '../../shared/adapters/markdown/marked-renderer';

/**
 * The content renderer under attack (issue 12, "sanitiser attacks"; OWASP's XSS filter evasion cheat
 * sheet): whatever a post's Markdown holds, the HTML has no script, no event handler, no style and no
 * `javascript:`, `data:` or `vbscript:` URL. The output is read back with a small HTML tokenizer, so
 * the checks look at real tags and attributes, not at escaped text that merely mentions them.
 */

interface Tag {
  readonly name: string;
  readonly attributes: readonly { name: string; value: string }[];
}

/** Decodes the character references a browser would, in an attribute value. */
const decode = (value: string): string =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The start tags of an HTML fragment with their attributes, as an HTML tokenizer reads them (comments and end tags skipped). */
const tagsOf = (html: string): Tag[] => {
  const tags: Tag[] = [];
  const tag = /<([a-zA-Z][^\s/>]*)([^>]*)>/g;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const attributes: { name: string; value: string }[] = [];
    const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (let a = attribute.exec(match[2]!); a !== null; a = attribute.exec(match[2]!)) {
      attributes.push({ name: a[1]!.toLowerCase(), value: decode(a[2] ?? a[3] ?? a[4] ?? '') });
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
};

const ALLOWED_TAGS = new Set([
  'p',
  'a',
  'img',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'del',
]);
const ALLOWED_TAGS_WITH_TABLES = new Set([...ALLOWED_TAGS, 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background']);

/** Every promise of the port, checked on real tags: no script, no handler, no style, no dangerous URL. */
const expectSafe = (html: string): Tag[] => {
  expect(html.toLowerCase()).not.toContain('<script');
  const tags = tagsOf(html);
  for (const tag of tags) {
    expect(ALLOWED_TAGS_WITH_TABLES.has(tag.name), `unexpected <${tag.name}> in ${html}`).toBe(true);
    for (const attribute of tag.attributes) {
      expect(attribute.name.startsWith('on'), `event handler ${attribute.name} in ${html}`).toBe(false);
      expect(attribute.name, html).not.toBe('style');
      if (URL_ATTRIBUTES.has(attribute.name)) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: a browser skips them in a scheme
        const url = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        expect(url, html).not.toMatch(/^(javascript|data|vbscript):/);
        expect(url.startsWith('http:') || url.startsWith('https:') || url.startsWith('mailto:') || !/^[^/?#]*:/.test(url), html).toBe(true);
      }
    }
    if (tag.name === 'a') expect(tag.attributes).toContainEqual({ name: 'rel', value: 'noopener noreferrer nofollow' });
  }
  return tags;
};

const renderer = new MarkedRenderer();

describe('Adapter: MarkedRenderer', () => {
  it('renders ordinary Markdown: headings, emphasis, lists, code, tables, safe links with rel', () => {
    // Prepare
    const markdown = [
      '# Sleep',
      '',
      'Most adults need **7–9 hours**; see [the NHS page](https://www.nhs.uk/live-well/sleep/ "NHS") or [our guide](/content/posts/sleep-basics).',
      '',
      '- keep a routine',
      '- no screens at night',
      '',
      '```',
      'if (tired) sleep();',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'Write to [us](mailto:care@carebow.example).',
    ].join('\n');

    // Act
    const html = renderer.render(markdown);

    // Assess
    const tags = expectSafe(html);
    expect(html).toContain('<h1>Sleep</h1>');
    expect(html).toContain('<strong>7–9 hours</strong>');
    expect(html).toContain('<a href="https://www.nhs.uk/live-well/sleep/" title="NHS" rel="noopener noreferrer nofollow">the NHS page</a>');
    expect(html).toContain('<a href="/content/posts/sleep-basics" rel="noopener noreferrer nofollow">our guide</a>');
    expect(html).toContain('<a href="mailto:care@carebow.example" rel="noopener noreferrer nofollow">us</a>');
    expect(html).toContain('<li>keep a routine</li>');
    expect(html).toContain('<code>if (tired) sleep();\n</code>');
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(['table', 'th', 'td', 'ul', 'pre']));
  });

  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a script element inside a paragraph', 'Hello <script>alert(document.cookie)</script> world'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['an image with onerror, no quotes, slash separators', '<img/src="x"/onerror=alert(1)>'],
    ['svg with onload', '<svg onload=alert(1)>'],
    ['svg with onload inside text', 'text <svg/onload=alert(1)> more'],
    ['body with onload', '<body onload=alert(1)>'],
    ['an iframe with a javascript src', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a raw anchor with a javascript href', '<a href="javascript:alert(1)">click</a>'],
    ['a raw anchor with an entity-encoded javascript href', '<a href="&#106;avascript:alert(1)">click</a>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['a style element', '<style>body{background:url("javascript:alert(1)")}</style>'],
    ['a div block with a handler', '<div onmouseover="alert(1)">\n\nhover\n\n</div>'],
    ['an HTML comment hiding a script', '<!-- --><script>alert(1)</script><!-- -->'],
    ['a malformed tag', '<<script>alert(1);//<</script>'],
    ['an object with a data URL', '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'],
    ['a form with a javascript action', '<form action="javascript:alert(1)"><button>go</button></form>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['a javascript link', '[x](javascript:alert(1))'],
    ['a mixed-case javascript link', '[x](JaVaScRiPt:alert(1))'],
    ['a hex-entity javascript link', '[x](jav&#x61;script:alert(1))'],
    ['a decimal-entity javascript link', '[x](&#106;avascript:alert(1))'],
    ['an entity without semicolons', '[x](&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1))'],
    ['a named-entity colon', '[x](javascript&colon;alert(1))'],
    ['a double-encoded entity', '[x](&amp;#106;avascript:alert(1))'],
    ['a tab inside the scheme', '[x](<java\tscript:alert(1)>)'],
    ['an encoded tab inside the scheme', '[x](jav&#x09;ascript:alert(1))'],
    ['an encoded newline inside the scheme', '[x](jav&#x0A;ascript:alert(1))'],
    ['a leading control character', '[x](&#x01;javascript:alert(1))'],
    ['leading spaces in angle brackets', '[x](<  javascript:alert(1)>)'],
    ['a percent-encoded scheme', '[x](javascript%3Aalert(1))'],
    ['a percent-encoded newline inside the scheme', '[x](java%0ascript:alert(1))'],
    ['a data URL link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['a base64 data URL link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript link', '[x](vbscript:msgbox(1))'],
    ['a javascript image', '![x](javascript:alert(1))'],
    ['a data URL image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['an image whose alt text tries to close the attribute', '![x" onerror="alert(1)](https://example.org/a.png)'],
    ['a link whose title tries to close the attribute', '[x](https://example.org "t\\" onclick=\\"alert(1)")'],
    ['a javascript autolink', '<javascript:alert(1)>'],
    ['a data autolink', '<data:text/html,alert(1)>'],
    ['a javascript reference link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['an entity-encoded reference link', '[x][evil]\n\n[evil]: &#106;avascript:alert(1) "t"'],
    ['a collapsed reference image', '![evil][]\n\n[evil]: javascript:alert(1)'],
    ['nested HTML in a code span', '`<img src=x onerror=alert(1)>` and `<script>alert(1)</script>`'],
    ['HTML in a fenced code block', '```html\n<script>alert(1)</script>\n```'],
    ['a code fence language that tries to break out', '```"><script>alert(1)</script>\nx\n```'],
    ['a link text that is a link to javascript', '[[y](javascript:alert(1))](https://example.org)'],
    ['an inline tag split over lines', '<a\nhref="javascript:alert(1)"\n>x</a>'],
    ['an unclosed tag at the end', 'hi <img src=x onerror=alert(1)'],
  ])('neutralises %s', (_, markdown) => {
    // Act
    const html = renderer.render(markdown);

    // Assess
    expectSafe(html);
  });

  it('shows raw HTML as text instead of passing it through', () => {
    // Act
    const html = renderer.render('Hello <b onclick="x()">bold</b> and <svg onload=alert(1)>.');

    // Assess
    expect(html).toBe('<p>Hello &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt; and &lt;svg onload=alert(1)&gt;.</p>\n');
  });

  it('keeps a refused link’s text and a refused image’s alt text, without the URL', () => {
    // Act
    const link = renderer.render('See [this](JaVaScRiPt:alert(1)) now');
    const image = renderer.render('![a chart](data:image/png;base64,AAAA)');

    // Assess
    expect(link).toBe('<p>See this now</p>\n');
    expect(image).toBe('<p>a chart</p>\n');
  });

  it('writes the URL it judged: entities decoded, then escaped for the attribute', () => {
    // Act
    const html = renderer.render('[q](https://example.org/?a=1&amp;b=2) [r](https://example.org/a b)');

    // Assess
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(tagsOf(html)[1]!.attributes[0]).toEqual({ name: 'href', value: 'https://example.org/?a=1&b=2' });
  });

  it('links www. and e-mail autolinks with rel', () => {
    // Act
    const html = renderer.render('Visit www.example.org or write to help@example.org.');

    // Assess
    expectSafe(html);
    expect(html).toContain('<a href="http://www.example.org" rel="noopener noreferrer nofollow">www.example.org</a>');
    expect(html).toContain('<a href="mailto:help@example.org" rel="noopener noreferrer nofollow">help@example.org</a>');
  });
});
