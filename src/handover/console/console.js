// Agent console. Everything a customer wrote is put into the page with textContent, never as HTML,
// so a customer's "<script>" is shown, not run. No framework and no external resources.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { agent: '', open: '', openState: '', stream: null };

async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body || {});
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && path !== '/agent/api/signin') showSignIn();
  if (!res.ok) throw new Error((data.error && data.error.message) || res.statusText);
  return data;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showSignIn() {
  if (state.stream) state.stream.close();
  state.stream = null;
  $('desk').hidden = true;
  $('signin').hidden = false;
}

async function showDesk(agent) {
  state.agent = agent;
  $('me').textContent = agent;
  $('signin').hidden = true;
  $('desk').hidden = false;
  connectStream();
  await Promise.all([loadQueue(), loadTickets(), loadRatings()]);
}

function describe(c) {
  const waited = Math.max(0, Math.round((Date.now() - c.enqueuedAt) / 1000));
  const who = c.customerName || 'Customer';
  return `${c.position ? '#' + c.position + ' ' : ''}${who} · ${c.channel} · ${c.script} · ${c.reason}${c.lastIntent ? ' (' + c.lastIntent + ')' : ''} · ${waited}s`;
}

function fillList(list, items, onPick) {
  list.replaceChildren(
    ...items.map((c) => {
      const li = el('li', describe(c), c.urgent ? 'urgent' : '');
      li.dataset.handle = c.handle;
      if (c.handle === state.open) li.classList.add('selected');
      li.addEventListener('click', () => onPick(c.handle));
      return li;
    }),
  );
}

async function loadQueue() {
  const { waiting, mine } = await api('GET', '/agent/api/queue');
  $('waiting-count').textContent = `(${waiting.length})`;
  fillList($('waiting'), waiting, openConversation);
  fillList($('mine'), mine, openConversation);
}

async function loadTickets() {
  const { tickets } = await api('GET', '/agent/api/tickets');
  $('tickets').replaceChildren(
    ...tickets.map((t) => {
      const li = el('li', `${t.id} · ${t.status} · ${t.channel} · ${t.contact || '—'}: ${t.message}`);
      li.dataset.ticket = t.id;
      if (t.status === 'open') {
        const done = el('button', '完成 Done');
        done.type = 'button';
        done.addEventListener('click', () => api('POST', `/agent/api/tickets/${t.id}/done`).then(loadTickets, showError));
        li.append(' ', done);
      }
      return li;
    }),
  );
}

async function loadRatings() {
  const { ratings } = await api('GET', '/agent/api/ratings');
  $('ratings').tBodies[0].replaceChildren(
    ...ratings.map((r) => {
      const tr = document.createElement('tr');
      tr.append(el('td', r.agent), el('td', String(r.count)), el('td', String(r.average)));
      return tr;
    }),
  );
}

function addEntry(entry) {
  const label = entry.from === 'agent' ? entry.agent || 'agent' : entry.from;
  const li = el('li', '', entry.from);
  li.append(el('span', `${label}: `, 'meta'), el('span', entry.text, 'text'));
  $('transcript').append(li);
  li.scrollIntoView({ block: 'nearest' });
}

function showActions(conversationState, owner) {
  const mine = conversationState === 'assigned' && owner === state.agent;
  $('take').hidden = conversationState !== 'queued';
  $('close').hidden = !mine;
  $('release').hidden = !mine;
  $('reply-form').hidden = !mine;
}

async function openConversation(handle) {
  showError('');
  const { conversation, transcript } = await api('GET', `/agent/api/conversations/${handle}`).catch((err) => {
    showError(err);
    return {};
  });
  if (!conversation) return;
  state.open = handle;
  state.openState = conversation.state;
  $('placeholder').hidden = true;
  $('conversation-body').hidden = false;
  $('conversation-title').textContent = describe(conversation);
  $('conversation-meta').textContent = `${conversation.state}${conversation.agent ? ' · ' + conversation.agent : ''}`;
  $('transcript').replaceChildren();
  transcript.forEach(addEntry);
  showActions(conversation.state, conversation.agent);
  document.querySelectorAll('.list li').forEach((li) => li.classList.toggle('selected', li.dataset.handle === handle));
}

function showError(err) {
  $('action-error').textContent = err ? String(err.message || err) : '';
}

async function act(action) {
  showError('');
  const handle = state.open;
  try {
    await api('POST', `/agent/api/conversations/${handle}/${action}`);
  } catch (err) {
    showError(err);
  }
  await loadQueue();
  if (action === 'take') await openConversation(handle);
  else closeView();
}

function closeView() {
  state.open = '';
  $('conversation-body').hidden = true;
  $('placeholder').hidden = false;
}

function connectStream() {
  if (state.stream) state.stream.close();
  const stream = new EventSource('/agent/api/events');
  state.stream = stream;
  stream.onopen = () => $('live').classList.add('on');
  stream.onerror = () => $('live').classList.remove('on');
  const reload = () => loadQueue().catch(() => undefined);
  ['queue', 'assigned', 'closed'].forEach((type) => stream.addEventListener(type, reload));
  stream.addEventListener('tickets', () => loadTickets().catch(() => undefined));
  stream.addEventListener('ratings', () => loadRatings().catch(() => undefined));
  stream.addEventListener('message', (event) => {
    const data = JSON.parse(event.data);
    if (data.handle === state.open) addEntry(data.entry);
  });
}

function wire() {
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('signin-error').textContent = '';
    try {
      const { agent } = await api('POST', '/agent/api/signin', { name: $('signin-name').value, password: $('signin-password').value });
      $('signin-password').value = '';
      await showDesk(agent);
    } catch (err) {
      $('signin-error').textContent = String(err.message || err);
    }
  });
  $('signout').addEventListener('click', () => api('POST', '/agent/api/signout').finally(showSignIn));
  $('take').addEventListener('click', () => act('take'));
  $('close').addEventListener('click', () => act('close'));
  $('release').addEventListener('click', () => act('release'));
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('reply').value.trim();
    if (!text) return;
    try {
      await api('POST', `/agent/api/conversations/${state.open}/messages`, { text });
      $('reply').value = '';
    } catch (err) {
      showError(err);
    }
  });
  api('GET', '/agent/api/me').then(({ agent }) => showDesk(agent), showSignIn);
}

wire();
