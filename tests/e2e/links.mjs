// The links of issue #19's regression table, and what a page shows for one:
// every figure's value, A's while comparing, the address the page settles
// on and its notices. `scripts/record-links.mjs` wrote `links.json` with the
// page of 3 Dec 2026 (before deals other than Anthropic–AWS existed);
// `links.test.mjs` holds every later page to it.

/** Links made by the page before the `deal` key, with one of every kind. */
export const LINKS = [
  '',
  '?v=1&c=150',
  '?v=1&c=250&t=7&m=20&sp=front',
  '?v=1&p=confirmed',
  '?v=1&p=slow-build',
  '?v=1&p=fast-growth&c=120',
  '?v=1&p=thin-margin',
  '?v=1&y0=2030&t=20&gf=12&ay=19',
  '?v=1&sp=capacity&gw=8&g1=2&gf=4',
  '?v=1&sp=back&a0=0&a1=10&am=40&ap=50',
  '?v=1&r=45&rg=80&rt=10',
  '?v=1&cap=50&life=8&e=100&u=75&pue=1.3&kw=1.4&pf=5',
  '?v=1&m=0',
  '?v=1&c=150&a=announced,m:20,sp:front',
  '?v=1&p=thin-margin&a=confirmed',
  '?v=1&a=slow-build,c:80&p=fast-growth',
  '?v=1&c=5000',
  '?v=1&c=abc&t=7',
  '?c=150',
  '?v=1&c=150&zz=1',
  '?v=1&sp=sideways',
  '?v=1&a=garbage',
  '?v=1&c=150&embed=1&view=cash&controls=c,m',
  '?v=1&embed=1&view=summary&theme=dark&p=fast-growth',
  '?v=1&embed=1&view=tornado&m=25',
  '?v=1&embed=1&view=compare&a=announced,c:150',
  '?v=1&embed=1',
];

/** What the page shows for its link, read in the page (any driver can send it). */
export function shown() {
  const values = (selector, prefix = '') => Object.fromEntries(
    [...document.querySelectorAll(selector)]
      .map((el) => [el.dataset.testid.slice(prefix.length), el.getAttribute('data-value')]),
  );
  return {
    search: location.search,
    // The loop's amounts (`flow-*`, session 15) repeat these figures and
    // are held to them by flow.test.mjs; they are left out here, so the
    // table recorded before them still holds.
    figures: values('dd[data-testid]:not([data-testid^="flow-"])'),
    a: values('[data-testid^="ab-a-"][data-value]', 'ab-a-'),
    notices: [...document.querySelectorAll('[data-testid="notice"] li')].map((li) => li.textContent.trim()),
  };
}
