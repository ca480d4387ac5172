// The Omnirec storefront demo: plain JavaScript against the API on the same origin.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = {
    shopper: params.get('shopper') || 'u000001',
    session: 'web-' + Math.random().toString(36).slice(2, 10),
    anonymous: params.get('anonymous') === 'true',
    channel: params.get('channel') || 'web',
    store: params.get('store') || 'store-01',
    cart: [],
    recommendationId: null,
    titles: {}
  };

  function uuid() {
    return (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2));
  }

  function inStore() {
    return state.channel === 'store' || state.channel === 'kiosk';
  }

  function status(text, error) {
    const el = $('status');
    el.textContent = text || '';
    el.className = 'status' + (error ? ' error' : '');
  }

  const api = window.OmnirecApi.call;

  function query() {
    const q = new URLSearchParams({ k: '8', channel: state.channel });
    if (inStore() || state.store) {
      q.set('storeId', state.store);
    }
    return q.toString();
  }

  async function loadRecommendations() {
    const path = state.anonymous
      ? '/v1/sessions/' + encodeURIComponent(state.session) + '/recommendations?' + query()
      : '/v1/users/' + encodeURIComponent(state.shopper) + '/recommendations?' + query();
    const answer = await api('GET', path);
    state.recommendationId = answer.recommendationId;
    $('meta').textContent = (state.anonymous ? 'Session ' + state.session : 'Shopper ' + state.shopper)
      + ' · strategy ' + answer.strategy + ' · model ' + (answer.modelVersion || 'none')
      + ' · variant ' + (answer.variant || 'none') + ' · recommendationId ' + answer.recommendationId;
    const cards = $('recommendations');
    cards.replaceChildren();
    for (const item of answer.items) {
      state.titles[item.itemId] = item.title;
      cards.appendChild(card(item));
    }
    document.body.dataset.recommendationId = answer.recommendationId;
    document.body.dataset.strategy = answer.strategy;
  }

  function button(label, onClick, secondary) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (secondary) {
      b.className = 'secondary';
    }
    b.addEventListener('click', onClick);
    return b;
  }

  function card(item) {
    const el = document.createElement('article');
    el.className = 'card';
    el.dataset.itemId = item.itemId;
    const title = document.createElement('h3');
    title.textContent = item.title || item.itemId;
    const category = document.createElement('div');
    category.className = 'category';
    category.textContent = (item.category || '') + ' · score ' + item.score.toFixed(3);
    const reason = document.createElement('div');
    reason.className = 'reason';
    reason.textContent = item.reason;
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(
      button('View', () => act('view', item.itemId).then(() => showItem(item.itemId)), true),
      button('Add to cart', () => addToCart(item.itemId)),
      button(inStore() ? 'Buy at the till' : 'Buy', () => act('purchase', item.itemId), true));
    el.append(title, category, reason, actions);
    return el;
  }

  function event(type, itemId) {
    const e = {
      eventId: uuid(),
      itemId,
      type,
      timestamp: new Date().toISOString(),
      channel: state.channel,
      recommendationId: state.recommendationId || undefined
    };
    if (state.anonymous) {
      e.sessionId = state.session;
    } else {
      e.userId = state.shopper;
    }
    if (inStore()) {
      e.storeId = state.store;
    }
    return e;
  }

  async function act(type, itemId) {
    try {
      const result = await api('POST', '/v1/events', event(type, itemId));
      const fate = result.status || (result.results && result.results[0] && result.results[0].status);
      status(type.replace(/_/g, ' ') + ' ' + (state.titles[itemId] || itemId) + ': ' + (fate || 'sent'));
      if (type === 'purchase') {
        state.cart = state.cart.filter((id) => id !== itemId);
        renderCart();
      }
      await loadRecommendations();
    } catch (e) {
      status(e.message, true);
    }
  }

  async function addToCart(itemId) {
    if (!state.cart.includes(itemId)) {
      state.cart.push(itemId);
      renderCart();
    }
    await act('add_to_cart', itemId);
  }

  async function removeFromCart(itemId) {
    state.cart = state.cart.filter((id) => id !== itemId);
    renderCart();
    await act('remove_from_cart', itemId);
  }

  function renderCart() {
    const list = $('cart');
    list.replaceChildren();
    for (const itemId of state.cart) {
      const li = document.createElement('li');
      li.dataset.itemId = itemId;
      const name = document.createElement('span');
      name.textContent = state.titles[itemId] || itemId;
      li.append(name, button('Remove', () => removeFromCart(itemId), true));
      list.appendChild(li);
    }
  }

  async function showItem(itemId) {
    const panel = $('item');
    try {
      const similar = await api('GET', '/v1/items/' + encodeURIComponent(itemId) + '/similar?k=6');
      panel.replaceChildren();
      const heading = document.createElement('p');
      heading.textContent = state.titles[itemId] || itemId;
      panel.appendChild(heading);
      for (const item of similar.items || []) {
        state.titles[item.itemId] = item.title;
        const row = document.createElement('div');
        row.className = 'similar';
        row.dataset.itemId = item.itemId;
        const relation = document.createElement('span');
        relation.className = 'relation';
        relation.textContent = (item.relation || '').replace(/_/g, ' ') + ' ';
        const text = document.createElement('span');
        text.textContent = (item.title || item.itemId) + ' — ' + item.reason;
        row.append(relation, text);
        panel.appendChild(row);
      }
    } catch (e) {
      panel.textContent = e.message;
    }
  }

  async function checkout() {
    for (const itemId of [...state.cart]) {
      await act('purchase', itemId);
    }
  }

  async function forget() {
    if (state.anonymous || !confirm('Erase shopper ' + state.shopper + ' everywhere?')) {
      return;
    }
    try {
      const erased = await api('DELETE', '/v1/users/' + encodeURIComponent(state.shopper));
      status('erased ' + state.shopper + ': ' + erased.events + ' events, ' + erased.impressions + ' answers');
      state.cart = [];
      renderCart();
      await loadRecommendations();
    } catch (e) {
      status(e.message, true);
    }
  }

  function readForm() {
    window.OmnirecApi.useToken($('token').value.trim());
    state.shopper = $('shopper').value.trim() || state.shopper;
    state.anonymous = $('anonymous').checked;
    state.channel = $('channel').value;
    state.store = $('store').value.trim();
  }

  $('shopper').value = state.shopper;
  $('anonymous').checked = state.anonymous;
  $('channel').value = state.channel;
  $('store').value = state.store;
  $('context').addEventListener('submit', (e) => {
    e.preventDefault();
    readForm();
    loadRecommendations().catch((err) => status(err.message, true));
  });
  $('checkout').addEventListener('click', checkout);
  $('forget').addEventListener('click', forget);
  loadRecommendations().catch((err) => status(err.message, true));
}());
