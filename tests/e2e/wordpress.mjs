// WordPress, as far as its embeds go, written from its documented behaviour
// and its source (wp-includes/class-wp-oembed.php, embed.php, wp-embed.js):
// how it discovers an oEmbed document from a pasted address, how it
// filters the document's HTML for a provider it does not trust, and the
// host side of its embed protocol.

/** The host side of WordPress's embed protocol (wp-embed.js): it sends each
 * embed {message: "ready", secret} on load; on any message carrying an
 * embed's secret it hides that embed's blockquote and shows its iframe; it
 * sets the iframe's height from {message: "height", value, secret},
 * clamped to 200–1000 px, and follows {message: "link", value, secret} to
 * the same host when the iframe has focus. */
export const WP_HOST = `
(function () {
  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!data || !(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    var quotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
    for (var q = 0; q < quotes.length; q++) quotes[q].style.display = 'none';
    var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    for (var i = 0; i < frames.length; i++) {
      var source = frames[i];
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      if (data.message === 'height') {
        var height = parseInt(data.value, 10);
        if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
        source.height = height;
      }
      if (data.message === 'link') {
        var from = new URL(source.getAttribute('src')), to = new URL(data.value);
        if (to.host === from.host && document.activeElement === source) window.top.location.href = data.value;
      }
    }
  });
  function ready() {
    var frames = document.querySelectorAll('iframe.wp-embedded-content');
    for (var i = 0; i < frames.length; i++) {
      frames[i].contentWindow.postMessage({ message: 'ready', secret: frames[i].getAttribute('data-secret') }, '*');
    }
  }
  window.addEventListener('load', ready);
})();
`;

/** Text of an HTML attribute with the entities WordPress decodes in a
 * discovered href (and our pages write) read back. */
export const decode = (text) => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'");

/** The address of the iframe in an oEmbed document's `html`, as a browser
 * reads the attribute. */
export const iframeSrc = (html) => decode(/<iframe src="([^"]+)"/.exec(html)?.[1] ?? '');

/** The content of a page's `<meta property|name="key">`, as written (an
 * entity stays an entity), or undefined. */
export const metaContent = (html, key) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

/** WP_oEmbed::discover: the first <link type="application/json+oembed">
 * in the page's <head> (WordPress reads no further), its href as written. */
export async function discover(url) {
  const html = await (await fetch(url)).text();
  const head = html.slice(0, html.toLowerCase().indexOf('</head>'));
  for (const [, attrs] of head.matchAll(/<link([^<>]+)\/?>/gi)) {
    const type = /\stype=(["']?)([^"'\s>]+)\1/i.exec(attrs)?.[2];
    const href = /\shref=(["'])(.*?)\1/i.exec(attrs)?.[2];
    if (type === 'application/json+oembed' && href) return decode(href);
  }
  return null;
}

/** The attributes wp_kses keeps for an untrusted provider's embed. */
const ALLOWED = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title', 'class'],
};

/** wp_kses with ALLOWED: other elements go (their text stays), and so do
 * other attributes. */
function kses(html, extra = []) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<(\/?)([a-z]+)([^>]*)>/gi, (tag, close, name, attrs) => {
      const allowed = ALLOWED[name.toLowerCase()];
      if (!allowed) return '';
      if (close) return `</${name}>`;
      const kept = [...attrs.matchAll(/\s([a-z-]+)="([^"]*)"/gi)]
        .filter(([, key]) => allowed.includes(key.toLowerCase()) || extra.includes(key.toLowerCase()))
        .map(([, key, value]) => ` ${key}="${value}"`);
      return `<${name}${kept.join('')}>`;
    });
}

/** wp_filter_oembed_result for a provider WordPress does not trust: kses,
 * only the blockquote and the iframe, the secret in the iframe's address
 * and on both, the iframe hidden until it speaks, and the sandbox. */
export function filterResult(html, secret) {
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kses(html));
  if (!content) return '';
  let out = (content[1] ?? '') + content[2];
  out = out.replace(/ src="(.*?)"/, (_, src) => ` src="${src}#?secret=${secret}" data-secret="${secret}"`);
  out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  out = kses(out, ['data-secret']);
  if (content[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; visibility: hidden;"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** What a WordPress post shows for an address pasted on a line of its
 * own: the filtered HTML of the document its page names, or the address
 * as a plain link when the page names none. */
export async function paste(url, secret) {
  const found = await discover(url);
  if (!found) return { html: `<p><a href="${url}">${url}</a></p>`, document: null };
  const document = await (await fetch(found)).json();
  return { html: `<figure class="wp-block-embed">${filterResult(document.html, secret)}</figure>`, document };
}
