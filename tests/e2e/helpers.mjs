// Assertions shared by the end-to-end tests.
import assert from 'node:assert/strict';
import { matches, reference, referenceDeal } from './reference.mjs';
import { readPage } from './browser.mjs';

/** Asserts every figure and schedule cell on the page against the reference model. */
export async function assertScenario(page, input, label = JSON.stringify(input)) {
  assertValues(await readPage(page), input, label);
}

/** Asserts figures and schedule cells read by `pageValues` against the reference model. */
export function assertValues(got, input, label = JSON.stringify(input)) {
  assertExpected(got, reference(input), label);
}

/** Asserts the page's figures and cells against deal `id`'s reference
 * (with the reader's `input`): what the deal leaves out is not known. */
export async function assertDeal(page, id, input = {}, label = `${id} ${JSON.stringify(input)}`) {
  assertExpected(await readPage(page), referenceDeal(id, input), label);
}

/** Asserts values read by `pageValues` against `expected` outputs and rows. */
function assertExpected(got, expected, label) {
  for (const [id, value] of Object.entries(expected.outputs)) {
    assert.ok(id in got.outputs, `${label}: the page has no figure ${id}`);
    assert.ok(matches(got.outputs[id], value), `${label}: ${id} is ${got.outputs[id]}, expected ${value}`);
  }
  assert.equal(got.rows.length, expected.rows.length, `${label}: schedule rows`);
  expected.rows.forEach((row, i) => {
    assert.equal(got.rows[i].year, row.year, `${label}: year of row ${i}`);
    for (const [col, value] of Object.entries(row)) {
      if (col === 'year') continue;
      assert.ok(matches(got.rows[i][col], value), `${label}: ${row.year} ${col} is ${got.rows[i][col]}, expected ${value}`);
    }
  });
}

/** Asserts that nothing went to the console as an error. */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], 'console errors or uncaught exceptions');
}
