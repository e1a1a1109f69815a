// The console's page script. Plain browser JavaScript, no build step, no CDN. Every piece of text that comes from
// Clerk, the model or another person is put in the page with textContent (never innerHTML), so a user named
// `<img src=x onerror=…>` shows as text; the server's CSP forbids inline script as a second wall.

const csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
const $ = (id) => document.getElementById(id);
// refusals: the last refusal per change request, kept across re-renders (live updates redraw cards).
const state = { conversation: null, me: null, options: [], refusals: new Map() };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function api(path, options = {}) {
  const init = { method: options.method ?? 'GET', headers: { accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.headers['x-csrf-token'] = csrf;
    init.body = JSON.stringify(options.body);
  } else if (init.method !== 'GET') {
    init.headers['x-csrf-token'] = csrf;
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? data.message ?? `HTTP ${res.status}`);
  return data;
}

function notice(text) {
  $('notice').textContent = text ?? '';
}

// ---- identity -------------------------------------------------------------------------------------------------

async function loadMe() {
  const me = await api('/api/me');
  state.me = me.me;
  state.options = me.options;
  $('backend').textContent = `${me.backend} · ${me.model}`;
  $('live').hidden = !me.live;
  const select = $('who');
  select.replaceChildren();
  if (!me.me) select.append(el('option', { value: '', text: 'choose…' }));
  for (const o of me.options) {
    const option = el('option', { value: o.key, text: o.label });
    if (me.me && me.me.key === o.key) option.selected = true;
    select.append(option);
  }
}

$('who').addEventListener('change', async (e) => {
  try {
    await api('/api/me', { method: 'POST', body: { key: e.target.value } });
    await loadMe();
    await refreshInbox();
  } catch (err) {
    notice(err.message);
  }
});

// ---- tabs -----------------------------------------------------------------------------------------------------

const views = { chat: 'chat-view', inbox: 'inbox-view', audit: 'audit-view' };
function show(view) {
  for (const [name, id] of Object.entries(views)) {
    $(id).hidden = name !== view;
    $(`tab-${name}`).setAttribute('aria-selected', String(name === view));
  }
  if (view === 'inbox') refreshInbox();
  if (view === 'audit') refreshAudit();
}
$('tab-chat').addEventListener('click', () => show('chat'));
$('tab-inbox').addEventListener('click', () => show('inbox'));
$('tab-audit').addEventListener('click', () => show('audit'));

// ---- conversations --------------------------------------------------------------------------------------------

async function refreshConversations() {
  const list = await api('/api/conversations');
  const ul = $('conversations');
  ul.replaceChildren();
  for (const c of list) {
    const button = el('button', { type: 'button', class: 'conversation', text: c.title });
    if (c.waiting) button.append(el('span', { class: 'badge', text: 'waiting' }));
    if (state.conversation === c.id) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => openConversation(c.id));
    ul.append(el('li', {}, button));
  }
  return list;
}

async function newConversation() {
  const created = await api('/api/conversations', { method: 'POST', body: {} });
  await refreshConversations();
  await openConversation(created.id);
  return created;
}

$('new-conversation').addEventListener('click', () => newConversation().catch((e) => notice(e.message)));

async function openConversation(id) {
  state.conversation = id;
  const data = await api(`/api/conversations/${encodeURIComponent(id)}`);
  // Build every message first, then swap them in at once: a live update never shows a half-drawn conversation.
  const nodes = [];
  for (const m of data.messages) nodes.push(await messageNode(m));
  if (state.conversation !== id) return;
  $('messages').replaceChildren(...nodes);
  nodes.at(-1)?.scrollIntoView({ block: 'end' });
  await refreshConversations();
}

// A fixed-width table as the offline model prints it: a header, a line of dashes, rows.
function parseTable(lines, at) {
  const sep = lines[at + 1];
  if (!sep || !/^-+( +-+)+$/.test(sep)) return null;
  const spans = [];
  for (const m of sep.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const cut = (line) => spans.map(([s], i) => line.slice(s, i + 1 < spans.length ? spans[i + 1][0] : undefined).trim());
  const rows = [];
  let i = at + 2;
  while (i < lines.length && lines[i].trim() !== '' && lines[i].length >= spans[0][1] - 1) rows.push(cut(lines[i++]));
  return { header: cut(lines[at]), rows, end: i };
}

function renderText(text) {
  const box = el('div', { class: 'text' });
  const lines = text.split('\n');
  let para = [];
  const flush = () => {
    if (para.length) box.append(el('p', { text: para.join('\n') }));
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const table = parseTable(lines, i);
    if (table) {
      flush();
      const t = el('table', { class: 'result' });
      t.append(el('thead', {}, el('tr', {}, ...table.header.map((h) => el('th', { scope: 'col', text: h })))));
      const body = el('tbody');
      for (const r of table.rows) body.append(el('tr', {}, ...r.map((c) => el('td', { text: c }))));
      t.append(body);
      box.append(el('div', { class: 'table-wrap' }, t));
      i = table.end - 1;
    } else para.push(lines[i]);
  }
  flush();
  return box;
}

async function appendMessage(m) {
  const li = await messageNode(m);
  $('messages').append(li);
  li.scrollIntoView({ block: 'end' });
}

async function messageNode(m) {
  let body;
  if (m.role === 'card' && m.requestId) {
    body = el('div', { class: 'card-slot', 'data-request': m.requestId });
    try {
      body.append(renderCard(await api(`/api/approvals/${encodeURIComponent(m.requestId)}`)));
    } catch {
      body.append(el('p', { text: m.text }));
    }
  } else if (m.role === 'agent' || m.role === 'summary') {
    body = renderText(m.text);
  } else {
    body = el('p', { text: m.text });
  }
  const li = el('li', { class: `message msg-${m.role}` });
  if (m.by && m.role === 'user') li.append(el('span', { class: 'by', text: m.by }));
  li.append(body);
  return li;
}

// ---- sending (streamed) ---------------------------------------------------------------------------------------

async function send(text) {
  if (!state.conversation) await newConversation();
  $('send').disabled = true;
  notice('Working…');
  try {
    const res = await fetch(`/api/conversations/${encodeURIComponent(state.conversation)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'text/event-stream' },
      body: JSON.stringify({ text }),
    });
    if (!res.ok) {
      const data = await res.json().catch(() => ({}));
      throw new Error(data.error ?? `HTTP ${res.status}`);
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut !== -1) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(chunk)?.[1];
        const data = /^data: (.*)$/m.exec(chunk)?.[1];
        if (event === 'message' && data) await appendMessage(JSON.parse(data));
        if (event === 'failure' && data) notice(JSON.parse(data).error);
        cut = buffer.indexOf('\n\n');
      }
    }
    if ($('notice').textContent === 'Working…') notice('');
  } catch (err) {
    notice(err.message);
  } finally {
    $('send').disabled = false;
    refreshConversations();
    refreshInbox();
  }
}

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('input').value.trim();
  if (!text) return;
  $('input').value = '';
  send(text);
});
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});

// ---- approval cards -------------------------------------------------------------------------------------------

function renderCard(card) {
  const article = el('article', {
    class: `card ${card.risk}`,
    tabindex: '0',
    'data-request': card.id,
    'aria-label': `${card.risk} change: ${card.text}`,
  });
  const tier = card.risk === 'destructive' ? 'DESTRUCTIVE' : 'WRITE';
  article.append(el('h3', {}, el('span', { class: `tier ${card.risk}`, text: tier }), ` ${card.text}`));
  if (card.live) article.append(el('p', { class: 'live', text: 'LIVE instance: this changes real users.' }));
  const requests = el('ul', { class: 'requests', 'aria-label': 'Requests that will be sent' });
  for (const r of card.requests) requests.append(el('li', {}, el('code', { text: `${r.method} ${r.path}` })));
  article.append(requests);
  if (card.diff.length) {
    const t = el('table', { class: 'diff' });
    t.append(
      el('thead', {}, el('tr', {}, ...['Field', 'Before', 'After'].map((h) => el('th', { scope: 'col', text: h })))),
    );
    const body = el('tbody');
    for (const d of card.diff)
      body.append(el('tr', {}, el('td', { text: d.field }), el('td', { text: d.before }), el('td', { text: d.after })));
    t.append(body);
    article.append(t);
  }
  if (card.consequences.length) {
    const ul = el('ul', { class: 'consequences' });
    for (const c of card.consequences) ul.append(el('li', { text: c }));
    article.append(ul);
  }
  article.append(
    el('p', {
      class: 'meta',
      text: `Requested by ${card.requester} · expires ${card.expiresAt.slice(0, 16).replace('T', ' ')} UTC`,
    }),
  );
  const status = el('p', { class: 'status', role: 'status', text: card.statusText });
  article.append(status);
  const refusal = el('p', { class: 'refusal', role: 'alert', text: state.refusals.get(card.id) ?? '' });
  article.append(refusal);
  if (card.status === 'pending') {
    const reason = el('input', {
      type: 'text',
      class: 'reason',
      placeholder: 'reason (optional)',
      'aria-label': 'Reason for denying',
    });
    reason.hidden = true;
    const decide = async (approve) => {
      if (approve && card.risk === 'destructive' && !window.confirm(`Approve this destructive change?\n\n${card.text}`))
        return;
      for (const b of buttons.querySelectorAll('button')) b.disabled = true;
      try {
        const body = { approve, argsDigest: card.argsDigest };
        if (!approve && reason.value.trim()) body.reason = reason.value.trim();
        const result = await api(`/api/approvals/${encodeURIComponent(card.id)}/decide`, { method: 'POST', body });
        for (const p of shownParts(card.id, '.status', status)) p.textContent = result.message;
      } catch (err) {
        state.refusals.set(card.id, err.message);
        // A live update may have redrawn this card while the request was in flight: write to whatever copy of
        // the card is on screen now, not only to the one that was clicked.
        for (const p of shownParts(card.id, '.refusal', refusal)) p.textContent = err.message;
        for (const b of shownParts(card.id, '.buttons button', ...buttons.querySelectorAll('button')))
          b.disabled = false;
        return;
      }
      await refreshCard(card.id);
      if (state.conversation) await openConversation(state.conversation);
      refreshInbox();
    };
    const buttons = el(
      'div',
      { class: 'buttons' },
      el('button', { type: 'button', class: 'approve', text: 'Approve', onclick: () => decide(true) }),
      el('button', { type: 'button', class: 'deny', text: 'Deny', onclick: () => decide(false) }),
      el('button', {
        type: 'button',
        class: 'deny-reason',
        text: 'Deny with reason',
        onclick: () => {
          if (reason.hidden) {
            reason.hidden = false;
            reason.focus();
          } else decide(false);
        },
      }),
      reason,
    );
    article.append(buttons);
    article.addEventListener('keydown', (e) => {
      if (e.target !== article) return;
      if (e.key === 'y') decide(true);
      if (e.key === 'n') decide(false);
    });
  }
  return article;
}

// The elements matching `selector` in every copy of card `id` on screen now, plus `own` (the clicked copy's).
function shownParts(id, selector, ...own) {
  const live = document.querySelectorAll(`article.card[data-request="${CSS.escape(id)}"] ${selector}`);
  return new Set([...own, ...live]);
}

async function refreshCard(id) {
  const shown = [...document.querySelectorAll(`article.card[data-request="${CSS.escape(id)}"]`)];
  if (shown.length === 0) return;
  const card = await api(`/api/approvals/${encodeURIComponent(id)}`).catch(() => null);
  if (!card) return;
  for (const slot of shown) slot.replaceWith(renderCard(card));
}

async function refreshInbox() {
  const cards = await api('/api/approvals').catch(() => []);
  $('inbox-count').textContent = String(cards.length);
  const ul = $('inbox');
  ul.replaceChildren();
  if (cards.length === 0) ul.append(el('li', { class: 'muted', text: 'Nothing is waiting for a decision.' }));
  for (const card of cards) {
    const age = Math.max(0, Math.round((Date.now() - Date.parse(card.createdAt)) / 60000));
    ul.append(el('li', {}, el('p', { class: 'meta', text: `${card.id} · ${age} min ago` }), renderCard(card)));
  }
}

// ---- audit ----------------------------------------------------------------------------------------------------

async function refreshAudit() {
  const form = new FormData($('audit-filter'));
  const query = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v) query.set(k, String(v));
  const rows = await api(`/api/audit?${query}`).catch((e) => {
    notice(e.message);
    return [];
  });
  const body = $('audit').querySelector('tbody');
  body.replaceChildren();
  for (const r of rows) {
    const tr = el(
      'tr',
      { tabindex: '0', class: `outcome-${r.outcome}` },
      el('td', { text: r.time.slice(0, 19).replace('T', ' ') }),
      el('td', { text: r.requester }),
      el('td', { text: r.approver }),
      el('td', { text: r.action }),
      el('td', { text: r.target }),
      el('td', { text: r.outcome }),
    );
    const detail = () => {
      const box = $('audit-detail');
      box.replaceChildren(
        el('h3', { text: `${r.action}: ${r.outcome}` }),
        el('p', { text: r.target }),
        el('p', { text: r.reason ? `Reason: ${r.reason}` : r.error ? `Error: ${r.error}` : '' }),
        el('h4', { text: 'Before' }),
        el('pre', { text: JSON.stringify(r.before ?? null, null, 2) }),
        el('h4', { text: 'After' }),
        el('pre', { text: JSON.stringify(r.after ?? null, null, 2) }),
      );
    };
    tr.addEventListener('click', detail);
    tr.addEventListener('keydown', (e) => e.key === 'Enter' && detail());
    body.append(tr);
  }
  if (rows.length === 0)
    body.append(el('tr', {}, el('td', { colspan: '6', class: 'muted', text: 'No audit records match.' })));
}

$('audit-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  refreshAudit();
});

// ---- live updates ---------------------------------------------------------------------------------------------

function listen() {
  const events = new EventSource('/api/events');
  // One change request changed: redraw that card only (each redraw rebuilds the card on the server); the inbox
  // list is refreshed once per burst of changes.
  let inboxTimer;
  events.addEventListener('requests', (e) => {
    const { requestId } = JSON.parse(e.data);
    if (requestId) refreshCard(requestId);
    clearTimeout(inboxTimer);
    inboxTimer = setTimeout(refreshInbox, 150);
  });
  events.addEventListener('message', (e) => {
    const event = JSON.parse(e.data);
    if (event.conversationId === state.conversation && !$('send').disabled) openConversation(state.conversation);
  });
  events.addEventListener('conversation', () => refreshConversations());
}

(async function start() {
  try {
    await loadMe();
    const list = await refreshConversations();
    if (list.length > 0) await openConversation(list[0].id);
    await refreshInbox();
    listen();
    document.body.dataset.ready = 'true';
  } catch (err) {
    notice(err.message);
  }
})();
