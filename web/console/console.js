// The Omnirec operator console: plain JavaScript against the API on the same origin.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function status(text, error) {
    $('status').textContent = text || '';
    $('status').className = 'status' + (error ? ' error' : '');
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = new Error(json.message || json.error || ('HTTP ' + response.status));
      error.code = json.error;
      throw error;
    }
    return json;
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function metric(version, name) {
    const value = version.metrics && version.metrics[name];
    return typeof value === 'number' ? value.toFixed(4) : '';
  }

  async function loadModels() {
    const listing = await api('GET', '/v1/models?limit=20');
    const body = $('models').querySelector('tbody');
    body.replaceChildren();
    for (const version of listing.versions) {
      const row = document.createElement('tr');
      row.dataset.version = version.version;
      if (version.champion) {
        row.className = 'champion';
      }
      row.append(cell(version.version + (version.champion ? ' (champion)' : '')),
        cell(version.createdAt ? version.createdAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''),
        cell(version.algorithm || ''),
        cell(metric(version, 'ndcg@10'), 'number'),
        cell(metric(version, 'popular_ndcg@10'), 'number'),
        cell(metric(version, 'best_baseline_ndcg@10'), 'number'),
        cell(version.counts && version.counts.events !== undefined ? String(version.counts.events) : '', 'number'));
      const action = document.createElement('td');
      if (!version.champion) {
        const promote = document.createElement('button');
        promote.type = 'button';
        promote.textContent = 'Promote';
        promote.addEventListener('click', () => promoteVersion(version.version));
        action.appendChild(promote);
      }
      row.appendChild(action);
      body.appendChild(row);
    }
    document.body.dataset.champion = listing.champion || '';
  }

  async function promoteVersion(version) {
    if (!confirm('Make ' + version + ' the champion for every shopper?')) {
      return;
    }
    try {
      const answer = await api('PUT', '/v1/models/champion', { version });
      status('champion is now ' + answer.champion);
      await loadModels();
    } catch (e) {
      status(e.message, true);
    }
  }

  async function rollback() {
    if (!confirm('Move the champion back to the version it replaced?')) {
      return;
    }
    try {
      const answer = await api('POST', '/v1/experiments/current/rollback');
      status('rolled back: champion is now ' + answer.champion);
      await loadModels();
    } catch (e) {
      status(e.message, true);
    }
  }

  async function loadExperiment() {
    const panel = $('experiment');
    try {
      const report = await api('GET', '/v1/experiments/current');
      const table = document.createElement('table');
      table.innerHTML = '<thead><tr><th>variant</th><th>model</th><th>answers</th><th>CTR</th>'
        + '<th>add-to-cart</th><th>conversion</th></tr></thead>';
      const body = document.createElement('tbody');
      for (const v of report.variants) {
        const row = document.createElement('tr');
        const rate = (name) => (typeof v[name] === 'number' ? (100 * v[name]).toFixed(2) + '%' : '');
        row.append(cell(v.variant), cell(v.modelVersion || ''), cell(String(v.impressions), 'number'),
          cell(rate('ctr'), 'number'), cell(rate('addToCartRate'), 'number'), cell(rate('conversion'), 'number'));
        body.appendChild(row);
      }
      table.appendChild(body);
      const tests = document.createElement('p');
      tests.className = 'meta';
      tests.textContent = (report.comparisons || []).map((c) => c.metric + ': p = '
        + (typeof c.pValue === 'number' ? c.pValue.toFixed(3) : 'n/a')).join(' · ');
      panel.replaceChildren(table, tests);
    } catch (e) {
      panel.textContent = e.code === 'no_experiment' ? 'No experiment is running.' : e.message;
    }
  }

  $('rollback').addEventListener('click', rollback);
  loadModels().catch((e) => status(e.message, true));
  loadExperiment();
}());
