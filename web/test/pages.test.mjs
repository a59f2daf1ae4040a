// The pages in a real headless Chromium (Debian's, driven by playwright-core) against a running demo platform:
// each page loads, shows live data from the API, an element that must change does, scopes hold, and the labels
// switch language. Screenshots go to $SCREENSHOTS. Run by scripts/browser-test.sh, which starts the demo.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE = process.env.LIFTGUARD_URL || 'http://127.0.0.1:8080';
const CREDENTIALS = JSON.parse(readFileSync(process.env.LIFTGUARD_CREDENTIALS || 'data/demo-credentials.json', 'utf8'));
const SHOTS = process.env.SCREENSHOTS || 'target/screenshots';
const token = (role) => CREDENTIALS[role].token;
mkdirSync(SHOTS, { recursive: true });

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

async function open(path, role, lang = 'en') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((l) => localStorage.setItem('liftguard.lang', l), lang);
  await page.goto(`${BASE}${path}${role ? `#token=${token(role)}` : ''}`);
  return { page, errors, close: () => context.close() };
}

async function apiAs(role, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${token(role)}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Series data of the ECharts chart in #id, as the page drew it. */
function chartData(page, id, series = 0) {
  return page.evaluate(([i, s]) => {
    const c = echarts.getInstanceByDom(document.getElementById(i));
    return c ? c.getOption().series[s].data : null;
  }, [id, series]);
}

async function changes(page, read, seconds, what) {
  const first = await read();
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(500);
    const now = await read();
    if (now !== first) return [first, now];
  }
  assert.fail(`${what} did not change in ${seconds} s (stayed ${first})`);
}

test('sign-in refuses a bad token and sends a regulator to the city overview', async () => {
  const { page, errors, close } = await open('/pages/');
  await page.fill('#token', 'not-a-token');
  await page.click('button[type=submit]');
  await page.waitForSelector('#problem:not(:empty)');
  assert.match(await page.textContent('#problem'), /invalid|expired/i);
  await page.fill('#token', token('regulator'));
  await Promise.all([page.waitForURL('**/pages/city.html'), page.click('button[type=submit]')]);
  await page.waitForSelector('#who:not(:empty)');
  assert.match(await page.textContent('#who'), /demo-regulator-yuzhong \(regulator\)/);
  assert.deepEqual(errors, []);
  await close();
});

test('city overview: KPIs, districts by risk, a live rescue clock that runs, a warning from the stream', async () => {
  const elevator = (await apiAs('admin', '/api/v1/elevators?limit=1')).items[0];
  // A gateway reports its car moving with the doors open: a warning the regulators' feed must show.
  const unit = CREDENTIALS.gateway.scope.usingUnit;
  const moving = (await apiAs('admin', `/api/v1/fleet?usingUnit=${encodeURIComponent(unit)}&limit=1`)).items[0].elevatorId;
  await apiAs('gateway', '/api/v1/telemetry', { elevatorId: moving, timestamp: new Date().toISOString(), floor: 3,
    direction: 'UP', speedMps: 1.0, doorState: 'OPEN', loadKg: 300, runningMode: 'NORMAL', safetyCircuitClosed: true,
    doorLockCircuitClosed: false, alarmButtonPressed: false, passengerPresent: true });
  const rescue = await apiAs('rescue-centre', '/api/v1/rescues', {
    elevatorId: elevator, callId: `browser-test-${Date.now()}`, alarmAt: new Date().toISOString(),
    detail: 'called in by the browser test' });
  const { page, errors, close } = await open('/pages/city.html', 'admin');
  await page.waitForFunction(() => document.querySelectorAll('#kpis .card').length >= 5);
  const kpis = await apiAs('admin', '/api/v1/kpis?scope=city');
  assert.equal(await page.locator('#kpis .card').count(), kpis.kpis.length);
  const districts = (await apiAs('admin', '/api/v1/fleet/aggregates?groupBy=district')).groups.map((g) => g.key).sort();
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById('district-map')));
  const drawn = (await chartData(page, 'district-map')).map((d) => d.name).sort();
  assert.deepEqual(drawn, districts);
  const row = page.locator(`#rescues tr[data-case="${rescue.caseId}"] td.clock`);
  await row.waitFor();
  const [before, after] = await changes(page, () => row.textContent(), 5, 'the rescue clock');
  assert.match(before, /^\d+:\d\d:\d\d$/);
  assert.match(after, /^\d+:\d\d:\d\d$/);
  await page.waitForSelector('#warning-status.on');
  await page.locator('#warnings li', { hasText: moving }).filter({ hasText: 'INTEGRITY' }).first()
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/city-overview.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a district regulator sees its own district only, and the labels switch to Chinese', async () => {
  const { page, errors, close } = await open('/pages/city.html', 'regulator');
  await page.waitForFunction(() => document.querySelectorAll('#kpis .card').length >= 5);
  assert.match(await page.textContent('#kpi-scope'), /district Yuzhong/);
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById('district-map')));
  assert.deepEqual((await chartData(page, 'district-map')).map((d) => d.name), ['Yuzhong']);
  assert.equal(await page.textContent('header nav a[href$="city.html"]'), 'City overview');
  await page.click('#lang');
  assert.equal(await page.textContent('header nav a[href$="city.html"]'), '城市总览');
  await page.waitForFunction(() => document.querySelector('#kpis .card .name').textContent === '应急响应率');
  await page.screenshot({ path: `${SHOTS}/city-overview-zh.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('twin page: live state that updates, risk and factors, trends, timeline, premium history', async () => {
  const book = await apiAs('admin', '/api/v1/insurers/PICC%20Chongqing/portfolio');
  const elevator = book.riskiestElevators[0].elevatorId;
  const { page, errors, close } = await open(`/pages/twin.html?id=${elevator}`, 'admin');
  await page.waitForSelector('#live dd');
  const live = page.locator('#live-updated');
  await changes(page, () => live.getAttribute('data-at'), 20, 'the live reading');
  const twin = await apiAs('admin', `/api/v1/elevators/${elevator}`);
  assert.equal(await page.textContent('#risk-band .band'), twin.risk.band);
  assert.equal((await chartData(page, 'factors')).length, twin.risk.topFactors.length);
  await page.waitForFunction(() => document.querySelectorAll('#timeline li').length > 0);
  assert.match(await page.textContent('#timeline'), /ElevatorRegistered/);
  await page.waitForSelector('#premium-changes tr td');
  assert.match(await page.textContent('#premium-changes'), /QUOTE/);
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById('trends'))
    .getOption().series.some((s) => s.data.length > 0));
  await page.screenshot({ path: `${SHOTS}/twin.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('insurer portfolio: its own book with figures, rate changes, riskiest elevators, the Lorenz curves', async () => {
  const { page, errors, close } = await open('/pages/portfolio.html', 'insurer');
  await page.waitForSelector('[data-figure=elevatorsCovered] .value');
  const book = await apiAs('insurer', '/api/v1/insurers/PICC%20Chongqing/portfolio');
  assert.equal(await page.inputValue('#insurer'), 'PICC Chongqing');
  assert.ok(await page.locator('#insurer').isDisabled());
  assert.equal(await page.textContent('[data-figure=elevatorsCovered] .value'), String(book.elevatorsCovered));
  assert.equal(await page.locator('#riskiest tr').count(), book.riskiestElevators.length + 1);
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById('lorenz')));
  assert.equal((await chartData(page, 'rate-changes')).length, Object.keys(book.rateChanges).length);
  // The pricing report's curves, one simulated city at a time, as the API serves them.
  const report = await apiAs('insurer', '/api/v1/pricing-report');
  const served = (city, pricing) => report.cities.find((c) => c.city === city)
    .curves.find((c) => c.pricing === pricing);
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById('pricing-lorenz')));
  assert.equal(await page.locator('#pricing-city option').count(), report.cities.length);
  assert.deepEqual(await chartData(page, 'pricing-lorenz', 2), served(report.cities[0].city, 'liftguard').points);
  const last = report.cities.at(-1).city;
  await page.selectOption('#pricing-city', last);
  assert.deepEqual(await chartData(page, 'pricing-lorenz', 1), served(last, 'ageBand').points);
  assert.match(await page.textContent('#pricing-note'), /validate-pricing\.sh/);
  await page.selectOption('#pricing-city', report.cities[0].city);
  await page.screenshot({ path: `${SHOTS}/portfolio.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('an insurer cannot open a twin outside its book, nor the city KPIs', async () => {
  const others = (await apiAs('admin', '/api/v1/fleet?insurer=CPIC%20Chongqing&limit=1')).items;
  const elevator = others[0].elevatorId;
  const { page, close } = await open(`/pages/twin.html?id=${elevator}`, 'insurer');
  await page.waitForSelector('#problem:not(:empty)');
  assert.match(await page.textContent('#problem'), /Not in your scope/);
  assert.equal(await page.locator('#live dd').count(), 0);
  await page.goto(`${BASE}/pages/city.html`);
  await page.waitForSelector('#kpis .scope');
  await close();
});

test('every role lands on a page that fits it, with nothing out of its scope on it', async () => {
  const homes = { admin: 'city', regulator: 'city', 'rescue-centre': 'city', insurer: 'portfolio',
    'using-unit': 'elevators', maintainer: 'elevators' };
  for (const [role, home] of Object.entries(homes)) {
    const { page, errors, close } = await open('/pages/');
    await page.fill('#token', token(role));
    await Promise.all([page.waitForURL(`**/pages/${home}.html`), page.click('button[type=submit]')]);
    await page.waitForSelector('#who:not(:empty)');
    await page.waitForFunction(() => !document.querySelector('[data-i18n=loading]')
      || document.querySelectorAll('.card').length > 0, null, { timeout: 20_000 });
    await page.waitForTimeout(1500); // every panel asked the API
    assert.equal(await page.locator('.scope').count(), 0, `${role}: a "not in your scope" panel on its own page`);
    assert.deepEqual(errors, [], role);
    await close();
  }
});

test('the token of a gateway opens no page: a gateway reports over the API and may read nothing', async () => {
  const { page, errors, close } = await open('/pages/');
  await page.fill('#token', token('gateway'));
  await page.click('button[type=submit]');
  await page.waitForSelector('#problem:not(:empty)');
  assert.match(await page.textContent('#problem'), /gateway/);
  assert.match(page.url(), /\/pages\/$/);
  assert.deepEqual(errors, []);
  await close();
});

test('a maintenance company sees its elevators and the maintenance work due', async () => {
  const { page, errors, close } = await open('/pages/elevators.html', 'maintainer');
  await page.waitForSelector('[data-figure=elevators] .value');
  const mine = (await apiAs('maintainer', '/api/v1/fleet?sort=-faultRisk&limit=1000')).items;
  assert.ok(mine.length > 0);
  assert.ok(mine.every((r) => r.maintenanceCompany === CREDENTIALS.maintainer.scope.maintainer));
  assert.equal(await page.textContent('[data-figure=elevators] .value'), String(mine.length));
  assert.equal(await page.locator('#elevators tr').count(), mine.length + 1);
  assert.ok(await page.locator('#work-section').isVisible());
  assert.ok(await page.locator('#cover-section').isHidden());
  const due = mine.filter((r) => r.maintenanceOverdue || r.openFaults + r.openEntrapments > 0 || r.inspectionOverdue);
  if (due.length) {
    await page.waitForSelector('#work tr td');
    for (const r of due.slice(0, 5)) assert.match(await page.textContent('#work'), new RegExp(r.elevatorId));
  }
  // The work orders under the company's contracts (the demo signs them at start): the page shows those due,
  // overdue or on site, each with why; with none, it says so.
  assert.ok(await page.locator('#orders-section').isVisible());
  let all = [];
  for (let i = 0; i < 60 && !all.length; i++) {
    all = (await apiAs('maintainer', '/api/v1/maintenance/work-orders?status=all')).items;
    if (!all.length) await page.waitForTimeout(1000);
  }
  assert.ok(all.length > 0, 'no elevator under the demo contracts');
  const orders = all.filter((o) => o.status !== 'SCHEDULED' || o.onSite);
  const expected = orders.length ? orders[0].elevatorId : 'No work order due';
  let shown = '';
  for (let i = 0; i < 30 && !shown.includes(expected); i++) { // the page redraws every 10 s
    await page.waitForTimeout(1000);
    shown = await page.textContent('#orders');
  }
  if (orders.length) {
    assert.match(shown, new RegExp(orders[0].elevatorId));
    assert.ok(shown.includes(orders[0].reasons[0]), `${orders[0].reasons[0]} not shown`);
  } else {
    assert.match(shown, /No work order due/);
  }
  await page.screenshot({ path: `${SHOTS}/maintainer.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a using unit sees its elevators, their state, its policies and their claims', async () => {
  const { page, errors, close } = await open('/pages/elevators.html', 'using-unit');
  await page.waitForSelector('[data-figure=elevators] .value');
  const mine = (await apiAs('using-unit', '/api/v1/fleet?sort=-faultRisk&limit=1000')).items;
  assert.ok(mine.length > 0);
  assert.ok(mine.every((r) => r.usingUnit === CREDENTIALS['using-unit'].scope.usingUnit));
  assert.equal(await page.locator('#elevators tr').count(), mine.length + 1);
  assert.ok(await page.locator('#work-section').isHidden());
  const policies = (await apiAs('using-unit', '/api/v1/policies?limit=100')).items;
  if (policies.length) {
    await page.waitForSelector('#cover tr td');
    assert.equal(await page.locator('#cover tr').count(), policies.length + 1);
    assert.match(await page.textContent('#cover'), new RegExp(policies[0].policyId));
  } else {
    await page.waitForSelector('#cover p');
  }
  await page.screenshot({ path: `${SHOTS}/using-unit.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('the API reference at /api/docs renders the served contract, its operations and their schemas', async () => {
  const { page, errors, close } = await open('/api/docs');
  await page.waitForSelector('.swagger-ui .info .title', { timeout: 20000 });
  assert.match(await page.textContent('.swagger-ui .info .title'), /LiftGuard/);
  const contract = await (await fetch(`${BASE}/api/v1/openapi.json`)).json();
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  const operations = Object.values(contract.paths).flatMap((p) => Object.keys(p).filter((m) => methods.includes(m))).length;
  await page.waitForSelector('.opblock', { timeout: 20000 });
  const shown = await page.locator('.opblock').count();
  assert.equal(shown, operations, 'every operation of the contract is listed');
  const telemetry = page.locator('.opblock-summary-path[data-path="/api/v1/telemetry"]');
  assert.ok(await telemetry.first().isVisible(), 'the telemetry operation is listed');
  await page.screenshot({ path: `${SHOTS}/api-docs.png` });
  assert.deepEqual(errors, []);
  await close();
});
