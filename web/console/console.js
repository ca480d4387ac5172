// The Omnirec operator console: plain JavaScript against the API on the same origin.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function status(text, error) {
    $('status').textContent = text || '';
    $('status').className = 'status' + (error ? ' error' : '');
  }

  const api = window.OmnirecApi.call;

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

  const CHANNELS = ['web', 'app', 'store', 'kiosk'];
  const COLORS = { web: '#3b5bdb', app: '#2b8a3e', store: '#e67700', kiosk: '#862e9c' };

  function chart(minutes) {
    const width = 600;
    const height = 120;
    const max = Math.max(1, ...minutes.map((m) => CHANNELS.reduce((sum, c) => sum + (m.events[c] || 0), 0)));
    const bar = width / Math.max(1, minutes.length);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    minutes.forEach((m, i) => {
      let y = height;
      for (const c of CHANNELS) {
        const h = (m.events[c] || 0) / max * (height - 10);
        if (h > 0) {
          const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
          rect.setAttribute('x', String(i * bar + 2));
          rect.setAttribute('y', String(y - h));
          rect.setAttribute('width', String(bar - 4));
          rect.setAttribute('height', String(h));
          rect.setAttribute('fill', COLORS[c]);
          svg.appendChild(rect);
          y -= h;
        }
      }
    });
    return svg;
  }

  async function loadActivity() {
    try {
      const minutes = await api('GET', '/v1/activity?minutes=15');
      const body = $('activity').querySelector('tbody');
      body.replaceChildren();
      for (const m of [...minutes].reverse()) {
        const row = document.createElement('tr');
        row.dataset.minute = m.minute;
        const total = CHANNELS.reduce((sum, c) => sum + (m.events[c] || 0), 0);
        row.append(cell(m.minute.replace('T', ' ').replace(/:00Z$|Z$/, '')),
          ...CHANNELS.map((c) => cell(String(m.events[c] || 0), 'number')), cell(String(total), 'number'));
        body.appendChild(row);
      }
      const legend = document.createElement('p');
      legend.className = 'meta';
      for (const c of CHANNELS) {
        const key = document.createElement('span');
        key.textContent = '■ ' + c + '  ';
        key.style.color = COLORS[c];
        legend.appendChild(key);
      }
      $('activity-chart').replaceChildren(chart(minutes), legend);
      document.body.dataset.eventsLastQuarterHour = String(minutes.reduce((sum, m) =>
        sum + CHANNELS.reduce((s, c) => s + (m.events[c] || 0), 0), 0));
    } catch (e) {
      status(e.message, true);
    }
  }

  async function loadImports() {
    const body = $('imports').querySelector('tbody');
    try {
      const uploads = await api('GET', '/v1/imports?limit=10');
      body.replaceChildren();
      for (const upload of uploads) {
        const row = document.createElement('tr');
        row.dataset.key = upload.key;
        row.append(cell((upload.at || '').replace('T', ' ').replace(/\.\d+Z$|Z$/, '')), cell(upload.key),
          cell(upload.kind || ''), cell(upload.status), cell(String(upload.rows), 'number'),
          cell(String(upload.imported), 'number'), cell(String(upload.rejected), 'number'),
          cell(upload.error ? upload.error + (upload.rejectionsKey ? ' (' + upload.rejectionsKey + ')' : '')
            : (upload.rejectionsKey || '')));
        body.appendChild(row);
      }
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
  $('token').addEventListener('change', () => {
    window.OmnirecApi.useToken($('token').value.trim());
    loadModels().catch((e) => status(e.message, true));
    loadActivity();
    loadImports();
    loadExperiment();
  });
  loadModels().catch((e) => status(e.message, true));
  loadActivity();
  setInterval(loadActivity, 10000);
  loadImports();
  loadExperiment();
}());
