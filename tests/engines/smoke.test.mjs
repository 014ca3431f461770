// The calculator in Safari's engine (WebKitGTK) and in Firefox, driven over
// classic WebDriver: load, figures, a typed change, share and compare links,
// an embed, a finger's tap on a chart, each wasm fetched once (the page's
// lower half as the reader scrolls to it), and no error.
// `ENGINES=webkit,firefox` (the default) picks the engines; WebKit needs a
// display (`xvfb-run`, as `make test-engines` runs it).
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../e2e/server.mjs';
import { pageValues } from '../e2e/browser.mjs';
import { assertValues } from '../e2e/helpers.mjs';
import { matches, reference, referenceDeal, solveRef } from '../e2e/reference.mjs';
import { ENGINES, start } from './webdriver.mjs';

/** Records what an engine reports as an error, before the page's own scripts
 * run: window `error` events, unhandled rejections and console errors. */
const PROBE = `window.__errors = [];
addEventListener('error', (e) => __errors.push('window error: ' + e.message));
addEventListener('unhandledrejection', (e) => __errors.push('unhandled rejection: ' + e.reason));
const consoleError = console.error;
console.error = (...args) => { __errors.push('console: ' + args.join(' ')); consoleError.apply(console, args); };
`;

const engines = (process.env.ENGINES ?? 'webkit,firefox').split(',').filter(Boolean);

/** The page's figures, once the calculator has built its every part (the
 * lower half is watched from then on). */
const figuresBuilt = () => document.querySelectorAll('dd[data-testid]').length > 20
  && document.querySelector('#more') && document.documentElement.dataset.page === 'full';
/** The full page's lower half (its own wasm, `web::bridge`) is built. */
const lowerBuilt = () => document.querySelectorAll('[data-testid="schedule"] tbody tr').length > 0
  && document.querySelector('[data-testid="compare"]');

/** Each engine's How sure? numbers for one link, to hold them equal. */
const studies = {};

for (const engine of engines) {
  describe(`in ${ENGINES[engine]?.name ?? engine}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await serve({
        root: 'dist',
        prefix: '/tools/deal/',
        files: { '__probe.js': PROBE, '__blank.html': '<!doctype html><title>blank</title>' },
        inject: '<script src="/tools/deal/__probe.js"></script>',
      });
      browser = await start(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    // Every test starts from a blank page at phone width, with no stored data
    // and nothing requested yet.
    beforeEach(async () => {
      await browser.goto('about:blank');
      await browser.size(390, 844);
      server.requests.length = 0;
    });
    // Whatever the test did, the engine reported no error.
    afterEach(async () => {
      const errors = await browser.run(() => window.__errors ?? []).catch(() => []);
      assert.deepEqual(errors, [], 'window errors, unhandled rejections or console errors');
    });

    /** Loads `query` on a fresh page (its storage cleared) and waits until
     * `built` is true in it (by default, the full page's figures); then, on
     * the full page, scrolls to its lower half, as a reader does, which
     * fetches it, and waits until it is built. */
    async function load(query = '', built = figuresBuilt) {
      // A blank page of the same origin, so no earlier load is still fetching.
      await browser.goto(`${server.url}__blank.html`);
      await browser.run(() => { localStorage.clear(); sessionStorage.clear(); });
      server.requests.length = 0;
      await browser.goto(`${server.url}${query}`);
      await browser.until(built, `the page at ?${query} to be built`);
      if (built === figuresBuilt) {
        await browser.run(() => document.getElementById('more').scrollIntoView());
        await browser.until(lowerBuilt, `the lower half at ?${query} to be built`);
        await browser.run(() => window.scrollTo(0, 0));
      }
    }

    /** The apps whose wasm was fetched, in order, by name. */
    const wasmFetches = () => server.requests.filter((p) => p.endsWith('.wasm')).map((p) => p.split('/').pop().split('-')[0]);

    test('the page loads with the reference figures, fetching its two wasm apps once each as the reader scrolls', async () => {
      await load();
      assertValues(await browser.run(pageValues), {}, 'defaults');
      assert.deepEqual(wasmFetches(), ['circular', 'more'], `wasm requests: ${server.requests.join(' ')}`);
    });

    test('a value typed into a box recomputes every figure and the address', async () => {
      await load();
      await browser.type('[data-testid="input-c"]', '150\uE007');
      await browser.until(() => location.search.includes('c=150'), 'the address to say c=150');
      assertValues(await browser.run(pageValues), { c: 150 }, 'c typed as 150');
    });

    test('the loop of money labels the figures it names, and its embed too', async () => {
      await load('?v=1&c=150&m=20');
      const flows = () => Object.fromEntries(
        [...document.querySelectorAll('dd[data-testid]')].map((el) => [el.dataset.testid, el.getAttribute('data-value')]),
      );
      const got = await browser.run(flows);
      const expected = reference({ c: 150, m: 20 }).outputs;
      const names = { investment: 'new-money', own: 'net-new-money', profit: 'investor-profit', net: 'investor-net-cash' };
      for (const [flow, figure] of Object.entries(names)) {
        assert.ok(matches(got[`flow-${flow}`], expected[figure]), `flow-${flow} is ${got[`flow-${flow}`]}, expected ${expected[figure]}`);
      }
      assert.ok(matches(got['flow-spend'], 150), `flow-spend is ${got['flow-spend']}`);
      await load('?v=1&m=20&embed=1&view=flow', () => document.querySelector('[data-testid="flow-net"][data-value]'));
      const embed = await browser.run(flows);
      assert.ok(matches(embed['flow-net'], reference({ m: 20 }).outputs['investor-net-cash']), `embed flow-net ${embed['flow-net']}`);
    });

    test('a share link and a compare link reproduce their figures', async () => {
      await load('?v=1&c=250&t=7&m=20&sp=front');
      assertValues(await browser.run(pageValues), { c: 250, t: 7, m: 20, sp: 'front' }, 'share link');
      await load('?v=1&c=150&a=announced,m:20,sp:front');
      assertValues(await browser.run(pageValues), { c: 150 }, 'compare link, B');
      const a = await browser.run(() => Object.fromEntries(
        [...document.querySelectorAll('[data-testid^="ab-a-"][data-value]')].map((el) => [el.dataset.testid.slice(5), el.getAttribute('data-value')]),
      ));
      const expected = reference({ m: 20, sp: 'front' }).outputs;
      for (const [id, value] of Object.entries(expected)) {
        assert.ok(matches(a[id], value), `compare link, A ${id} is ${a[id]}, expected ${value}`);
      }
    });

    test('another deal shows its figures, says what its sources leave out, and names its parties', async () => {
      await load('?v=1&deal=nvidia-openai&a=announced');
      const got = await browser.run(pageValues);
      const expected = referenceDeal('nvidia-openai');
      for (const [id, value] of Object.entries(expected.outputs)) {
        assert.ok(matches(got.outputs[id], value), `nvidia-openai ${id} is ${got.outputs[id]}, expected ${value}`);
      }
      const seen = await browser.run(() => ({
        title: document.querySelector('#masthead h1')?.textContent,
        shown: getComputedStyle(document.querySelector('#masthead h1')).visibility,
        net: document.querySelector('[data-testid="investor-net-cash"]')?.textContent,
        a: document.querySelector('[data-testid="ab-a-spend-per-year"]')?.getAttribute('data-value'),
      }));
      assert.deepEqual(seen, {
        title: 'Nvidia–OpenAI (September 2025 letter of intent), taken apart',
        shown: 'visible',
        net: 'not known',
        a: '10',
      });
    });

    test('break-even marks and a goal seek from the link agree with the reference solved on its own', async () => {
      await load('?v=1&c=150&seek=c,investor-net-cash,5');
      await browser.until(() => document.querySelector('[data-testid="breakeven-m"]')?.getAttribute('data-value')
        && document.querySelector('[data-testid="seek-answer"]')?.getAttribute('data-value'), 'the break-evens and the answer');
      const got = await browser.run(() => ['breakeven-m', 'breakeven-c', 'seek-answer']
        .map((id) => document.querySelector(`[data-testid="${id}"]`).getAttribute('data-value')));
      const near = (value, want, step, label) => {
        const values = value.split(' ').map(Number);
        assert.equal(values.length, want.length, `${label}: ${value} against ${want}`);
        values.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= step / 1000 + 1e-9, `${label}: ${v} against ${want[i]}`));
      };
      near(got[0], solveRef('anthropic-aws', { c: 150 }, 'm', 'investor-net-cash', 0), 0.5, 'breakeven-m');
      near(got[1], solveRef('anthropic-aws', { c: 150 }, 'c', 'investor-net-cash', 0), 1, 'breakeven-c');
      near(got[2], solveRef('anthropic-aws', { c: 150 }, 'c', 'investor-net-cash', 5), 1, 'seek-answer');
    });

    test('How sure? gives the same numbers as every other engine, to the last digit', async () => {
      await load('?v=1&c=120&sp=front');
      await browser.run(() => document.getElementById('how-sure').scrollIntoView());
      await browser.until(() => document.querySelector('[data-testid="how-sure"]')?.getAttribute('aria-busy') === 'false'
        && document.querySelector('[data-testid="p-positive"]')?.getAttribute('data-value'), 'the study to answer');
      const got = await browser.run(() => [...document.querySelectorAll('[data-testid="p-positive"], [data-testid="p-payback"], [data-testid^="dist-"]')]
        .map((el) => `${el.dataset.testid} ${Object.entries(el.dataset).filter(([k]) => k !== 'testid').map(([k, v]) => `${k}=${v}`).join(' ')}`));
      assert.ok(got.length >= 6, `the panel's numbers: ${got.join('; ')}`);
      assert.ok(wasmFetches().includes('study'), `the worker's wasm: ${server.requests.join(' ')}`);
      for (const [other, theirs] of Object.entries(studies)) assert.deepEqual(got, theirs, `${engine} against ${other}`);
      studies[engine] = got;
    });

    test('an embed loads its figures, fetching the wasm once', async () => {
      await load('?embed=1&view=cash&controls=m&m=20', () => document.querySelector('[data-testid="chart-cash"] path'));
      const net = await browser.run(() => document.querySelector('[data-testid="investor-net-cash"]')?.getAttribute('data-value'));
      assert.ok(matches(net, reference({ m: 20 }).outputs['investor-net-cash']), `net cash ${net}`);
      assert.deepEqual(wasmFetches(), ['embed'], `wasm requests: ${server.requests.join(' ')}`);
    });

    test('a finger’s tap on a chart shows its nearest year, and on a tornado its row', async () => {
      await load();
      for (const id of ['spend', 'capacity', 'cash']) {
        // Scroll the plot into view, then tap near its right end: the last year.
        const box = await browser.run((chart) => {
          const plot = document.querySelector(`[data-testid="chart-${chart}"] .plot`);
          plot.scrollIntoView({ block: 'center' });
          const r = plot.getBoundingClientRect();
          return { x: r.left + r.width * 0.97, y: r.top + r.height / 2 };
        }, id);
        await browser.tap(box.x, box.y);
        const year = await browser.until(
          (chart) => document.querySelector(`#tip-${chart} .tip strong`)?.textContent,
          `${id}: a tooltip after the tap`, 5000, id,
        );
        assert.equal(year, '2035', `${id}: the last year`);
      }
      // On a tornado, the row under the finger: its input's name.
      const bar = await browser.run(() => {
        const g = document.querySelectorAll('[data-testid="tornado-net-cash"] g.bar')[1];
        g.scrollIntoView({ block: 'center' });
        const r = g.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, key: g.dataset.key };
      });
      await browser.tap(bar.x, bar.y);
      const name = await browser.until(
        () => document.querySelector('#tip-tornado-net-cash .tip strong')?.textContent,
        'the tornado\'s tooltip after the tap', 5000,
      );
      const label = await browser.run((key) => document.querySelector(`[data-testid="input-${key}"]`)?.closest('[data-key]')?.querySelector('label')?.textContent, bar.key);
      assert.ok(label?.includes(name), `tornado: tapped ${bar.key}, the tooltip names ${name}, its box is labelled ${label}`);
    });
  });
}
