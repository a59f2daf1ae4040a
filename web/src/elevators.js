// The page of those who run elevators rather than oversee them: a using unit (its elevators, their state, its
// policies and claims) and a maintenance company (its elevators and the maintenance work due: visits overdue or due
// within a week, open faults, inspections overdue). Everything comes from the API within the viewer's scope: the
// fleet search, the work orders under the company's contracts, the policies the viewer holds.
import { ApiError, api, el, money, page, percent, showError, t, time } from './common.js';

const REFRESH_MS = 10_000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

function scopeText(p) {
  const s = p.scope || {};
  return s.usingUnit || s.maintainer || '';
}

/** Every elevator the viewer may see, riskiest first (a page of up to 1,000; the first page only past that). */
async function elevators() {
  return (await api('/api/v1/fleet?sort=-faultRisk&limit=1000')).items;
}

function link(id) {
  const a = el('a', id);
  a.href = `/pages/twin.html?id=${encodeURIComponent(id)}`;
  return a;
}

function table(head, rows) {
  const tableEl = el('table');
  const tr = el('tr');
  for (const h of head) tr.append(el('th', t(h)));
  tableEl.append(tr);
  for (const cells of rows) {
    const row = el('tr');
    for (const c of cells) {
      const td = el('td');
      if (c instanceof Node) td.append(c); else td.textContent = c == null ? '–' : String(c);
      row.append(td);
    }
    tableEl.append(row);
  }
  return tableEl;
}

function drawFigures(rows) {
  const box = document.getElementById('figures');
  box.innerHTML = '';
  const figures = [
    ['elevators', rows.length], ['online', rows.filter((r) => r.online).length],
    ['openFaults', rows.filter((r) => r.openFaults > 0).length],
    ['openEntrapments', rows.filter((r) => r.openEntrapments > 0).length],
    ['maintenanceOverdue', rows.filter((r) => r.maintenanceOverdue).length],
    ['inspectionOverdue', rows.filter((r) => r.inspectionOverdue).length],
  ];
  for (const [key, value] of figures) {
    const card = el('div', null, `card ${key !== 'elevators' && key !== 'online' && value > 0 ? 'missed' : ''}`);
    card.dataset.figure = key;
    card.append(el('div', t(key), 'name'), el('div', String(value), 'value'));
    box.append(card);
  }
}

function drawElevators(rows) {
  const box = document.getElementById('elevators');
  if (!rows.length) {
    box.replaceChildren(el('p', t('none'), 'muted'));
    return;
  }
  box.replaceChildren(table(['elevator', 'address', 'runningMode', 'online', 'openFaults', 'maintenanceDue',
    'nextInspection', 'band', 'fault30d'], rows.map((r) => [link(r.elevatorId), r.address, r.runningMode,
    r.online ? t('yes') : t('no'), r.openFaults + r.openEntrapments, r.maintenanceDue, r.nextInspectionDue,
    r.risk ? r.risk.band : null, r.risk ? percent(r.risk.faultProbability30d, 2) : null])));
}

/** A maintenance company's work: visits overdue or due within a week, open faults, inspections due. */
function drawWork(rows) {
  const box = document.getElementById('work');
  const soon = Date.now() + WEEK_MS;
  const work = [];
  for (const r of rows) {
    if (r.maintenanceOverdue) work.push([r, t('maintenanceOverdue'), r.maintenanceDue]);
    else if (r.maintenanceDue && Date.parse(r.maintenanceDue) <= soon) work.push([r, t('maintenanceDueSoon'), r.maintenanceDue]);
    if (r.openFaults + r.openEntrapments > 0) work.push([r, t('openFaults'), null]);
    if (r.inspectionOverdue) work.push([r, t('inspectionOverdue'), r.nextInspectionDue]);
  }
  work.sort((a, b) => String(a[2] || '').localeCompare(String(b[2] || '')));
  box.replaceChildren(work.length
    ? table(['elevator', 'address', 'work', 'due'], work.map(([r, what, due]) => [link(r.elevatorId), r.address, what, due]))
    : el('p', t('noWork'), 'muted'));
}

/**
 * A maintenance company's work orders under its contracts: what is due, overdue or on site now, most urgent first,
 * each with why (the contract's cycle, or the on-demand rules: risk band, drift warning, faults since the last visit).
 */
async function drawOrders() {
  const box = document.getElementById('orders');
  try {
    const list = (await api('/api/v1/maintenance/work-orders?status=all')).items
      .filter((o) => o.status !== 'SCHEDULED' || o.onSite);
    box.replaceChildren(list.length
      ? table(['elevator', 'contract', 'status', 'due', 'why', 'onSite'], list.map((o) => [link(o.elevatorId),
        `${o.contractId} (${o.mode})`, o.status, o.dueBy, o.reasons.join('; '), o.onSite]))
      : el('p', t('noWorkOrders'), 'muted'));
  } catch (error) {
    showError(box, error);
  }
}

/** A using unit's policies and their claims. */
async function drawCover() {
  const box = document.getElementById('cover');
  try {
    const policies = (await api('/api/v1/policies?limit=100')).items;
    if (!policies.length) {
      box.replaceChildren(el('p', t('noCover'), 'muted'));
      return;
    }
    const rows = [];
    for (const p of policies) {
      const claims = (await api(`/api/v1/policies/${encodeURIComponent(p.policyId)}/claims`)).claims;
      rows.push([p.policyId, p.insurer, p.product, p.status, money(p.annualPremium), claims.length,
        claims.filter((c) => c.status === 'OPENED' || c.status === 'ASSESSED').length]);
    }
    box.replaceChildren(table(['policy', 'insurer', 'product', 'status', 'premium', 'claims', 'openClaims'], rows));
  } catch (error) {
    showError(box, error);
  }
}

async function draw(p) {
  document.getElementById('scope').textContent = scopeText(p);
  const box = document.getElementById('elevators');
  try {
    const rows = await elevators();
    drawFigures(rows);
    drawElevators(rows);
    if (p.role === 'maintainer') drawWork(rows);
    if (p.role === 'maintainer') await drawOrders();
  } catch (error) {
    showError(box, error instanceof ApiError ? error : new Error(String(error)));
  }
  if (p.role === 'using-unit') await drawCover();
}

let timer = null;
page(async (p) => {
  document.getElementById('work-section').hidden = p.role !== 'maintainer';
  document.getElementById('orders-section').hidden = p.role !== 'maintainer';
  document.getElementById('cover-section').hidden = p.role !== 'using-unit';
  clearInterval(timer);
  await draw(p);
  timer = setInterval(() => draw(p), REFRESH_MS);
});
