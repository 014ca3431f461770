// Runs iframely's gateway (npm `iframely`, its core as a library) on each
// address given and writes what it reads, as JSON, to the file given:
//   node iframely-run.mjs OUT.json URL...
// Run it with the working folder holding iframely's `config.js` (iframely
// reads its settings from there): `cards.test.mjs` writes one that trusts
// publishers' oEmbed players, as a self-hosted gateway's operator may.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('../../node_modules/iframely/lib/', import.meta.url));
const core = await import(`${here}core.js`);
const whitelist = await import(`${here}whitelist.js`);
const [out, ...urls] = process.argv.slice(2);
const read = {};
for (const url of urls) {
  read[url] = await new Promise((done) => core.run(url, {
    refresh: true,
    getWhitelistRecord: whitelist.findWhitelistRecordFor,
  }, (error, data) => done(error ? { error: String(error) } : data)));
}
await writeFile(out, JSON.stringify(read));
// iframely keeps timers and watchers alive.
process.exit(0);
