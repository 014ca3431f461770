// A small W3C WebDriver (classic) client for the engines Playwright cannot
// drive here: WebKitGTK (Safari's engine) through Debian's WebKitWebDriver,
// and Firefox through geckodriver where a real touch is needed. It speaks
// HTTP to the driver with `fetch`; nothing is downloaded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';

/** How each engine's driver is started and what it is asked for. */
export const ENGINES = {
  webkit: {
    name: 'WebKitGTK',
    driver: process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: { 'webkitgtk:browserOptions': { args: ['--automation'] } },
  },
  firefox: {
    name: 'Firefox',
    driver: process.env.GECKODRIVER ?? `${homedir()}/.cargo/bin/geckodriver`,
    args: (port) => ['--port', String(port)],
    capabilities: {
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        // A page test turns touch on: headless Firefox has no touch screen.
        prefs: { 'dom.w3c_touch_events.enabled': 1 },
      },
    },
  },
};

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A WebDriver error with the driver's own words: the driver answered. */
class DriverError extends Error {}

/** The driver did not answer at all (not listening yet, or gone). */
class NoAnswer extends Error {}

/**
 * Starts `engine`'s driver and a browser session; resolves to a `Session`.
 * Fails with a clear message when the driver is not installed or never
 * answers.
 */
export async function start(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}: expected one of ${Object.keys(ENGINES).join(', ')}`);
  const port = await freePort();
  const child = spawn(spec.driver, spec.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const spawned = new Promise((_, fail) => child.once('error', (e) => fail(new Error(`${spec.driver}: ${e.message} (is ${spec.name}'s driver installed? make test-engines installs it)`))));
  const base = `http://127.0.0.1:${port}`;
  // Every command answers within a minute, or the test fails saying which.
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    }).catch((e) => {
      throw new NoAnswer(`${spec.name} ${method} ${path}: no answer (${e.message})${
        engine === 'webkit' && !process.env.DISPLAY ? '; WebKitGTK needs a display: run it under xvfb-run' : ''}${
        stderr ? `; the driver said: ${stderr.trim().slice(-500)}` : ''}`);
    });
    const json = await res.json().catch(() => ({ value: { error: 'unreadable answer', message: `HTTP ${res.status}` } }));
    if (json.value?.error) throw new DriverError(`${spec.name} ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  // The driver takes a moment to listen: any answer to /status, even an
  // error of its own, means it does; no answer means not yet.
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      try {
        await call('GET', '/status');
        return;
      } catch (e) {
        if (e instanceof DriverError) return;
        if (!(e instanceof NoAnswer)) throw e;
      }
      await sleep(100);
    }
    throw new Error(`${spec.name}'s driver did not answer on port ${port}: ${stderr}`);
  })();
  try {
    await Promise.race([ready, spawned]);
    const session = await call('POST', '/session', { capabilities: { alwaysMatch: spec.capabilities } });
    return new Session(spec.name, call, `/session/${session.sessionId}`, child);
  } catch (e) {
    // No driver is left running when the session could not start.
    child.kill();
    throw e;
  }
}

/** One browser session: a window the test drives. */
export class Session {
  constructor(name, call, path, child) {
    this.name = name;
    this.call = call;
    this.path = path;
    this.child = child;
  }

  /** Sets the window's size in CSS pixels. */
  size(width, height) {
    return this.call('POST', `${this.path}/window/rect`, { width, height });
  }

  /** Loads `url` and waits for the document. */
  goto(url) {
    return this.call('POST', `${this.path}/url`, { url });
  }

  /** Runs `fn` (a function or its source) in the page with `args`; its value. */
  run(fn, ...args) {
    return this.call('POST', `${this.path}/execute/sync`, { script: `return (${fn})(...arguments)`, args });
  }

  /** Waits until `fn` returns something truthy in the page; that value. */
  async until(fn, what, timeout = 20000, ...args) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.run(fn, ...args);
      if (v) return v;
      if (Date.now() > end) throw new Error(`${this.name}: timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  /** The element matching `css` (a WebDriver reference). */
  async find(css) {
    return this.call('POST', `${this.path}/element`, { using: 'css selector', value: css });
  }

  /** Selects what the box matching `css` holds, then types `text` over it
   * as keys, as a reader does (WebDriver's own `clear` commits an empty box
   * first). */
  async type(css, text) {
    const el = Object.values(await this.find(css))[0];
    await this.run((selector) => {
      const box = document.querySelector(selector);
      box.focus();
      box.select();
    }, css);
    await this.call('POST', `${this.path}/element/${el}/value`, { text });
  }

  /** A finger's tap at (x, y) in the viewport's CSS pixels. */
  async tap(x, y) {
    await this.call('POST', `${this.path}/actions`, {
      actions: [{
        type: 'pointer',
        id: 'finger',
        parameters: { pointerType: 'touch' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pause', duration: 50 },
          { type: 'pointerUp', button: 0 },
        ],
      }],
    });
    await this.call('DELETE', `${this.path}/actions`);
  }

  /** Ends the session and stops the driver. */
  async close() {
    try {
      await this.call('DELETE', this.path);
    } finally {
      this.child.kill();
    }
  }
}
