// The plain-JavaScript floor for input latency: every slider recomputes the
// reference model and writes every figure and schedule cell that changed.
import { DEFAULTS, LIMITS, reference } from '../../tests/e2e/reference.mjs';

const scenario = { ...DEFAULTS };
const inputs = document.getElementById('inputs');
const figures = document.getElementById('figures');
const schedule = document.getElementById('schedule');
const text = (v) => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v));

for (const [key, [min, max, whole]] of Object.entries(LIMITS)) {
  const label = document.createElement('label');
  label.textContent = key;
  const slider = Object.assign(document.createElement('input'), { type: 'range', min, max, step: whole ? 1 : (max - min) / 100, value: DEFAULTS[key] });
  slider.addEventListener('input', () => {
    scenario[key] = Number(slider.value);
    render();
  });
  label.append(slider);
  inputs.append(label);
}

const cells = new Map();
function render() {
  const { outputs, rows } = reference(scenario);
  for (const [id, value] of Object.entries(outputs)) {
    let dd = cells.get(id);
    if (!dd) {
      const dt = Object.assign(document.createElement('dt'), { textContent: id });
      dd = document.createElement('dd');
      dd.dataset.testid = id;
      figures.append(dt, dd);
      cells.set(id, dd);
    }
    const t = text(value);
    if (dd.textContent !== t) dd.textContent = t;
  }
  while (schedule.rows.length > rows.length) schedule.deleteRow(-1);
  rows.forEach((row, i) => {
    const tr = schedule.rows[i] ?? schedule.insertRow();
    Object.values(row).forEach((v, j) => {
      const td = tr.cells[j] ?? tr.insertCell();
      const t = text(v);
      if (td.textContent !== t) td.textContent = t;
    });
  });
}
render();
