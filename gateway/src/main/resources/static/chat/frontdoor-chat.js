/*
 * FrontDoor web chat widget. Plain JavaScript, no dependencies. Embed with one tag:
 *
 *   <script src="https://frontdoor.example.gov/chat/frontdoor-chat.js" data-city="Cambridge"
 *           data-color="#a31f34" defer></script>
 *
 * Attributes (all optional): data-city (the city's name), data-color (brand colour, #rgb or
 * #rrggbb; text on it is black or white, whichever contrasts more), data-api (the gateway's
 * base URL; default: where this script came from), data-locale (en|es: force a language),
 * data-position (right|left), data-open (true: open at load), data-title (panel heading).
 *
 * Talks to the FrontDoor chat API: POST /api/chat/sessions, POST /api/chat/sessions/{id}/messages,
 * GET /api/chat/sessions/{id}/events (server-sent events, read with fetch so the token travels in
 * the Authorization header, never in a URL). Licensed Apache-2.0 with FrontDoor.
 */
(function () {
	'use strict';

	var script = document.currentScript;
	if (!script || window.FrontDoorChat) {
		return;
	}

	var STRINGS = {
		en: {
			launcher: 'Report a problem',
			title: 'Report a problem to {city}',
			titleNoCity: 'Report a problem',
			intro: 'Hi! Tell us what the problem is and where it is, in your own words. You can add a photo or share your location.',
			inputLabel: 'Your message',
			placeholder: 'Type your message…',
			send: 'Send',
			photo: 'Photo',
			photoLabel: 'Add a photo',
			location: 'Location',
			locationLabel: 'Share my location',
			close: 'Close chat',
			switchTo: 'Español',
			switchLabel: 'Cambiar a español',
			conversation: 'Conversation',
			suggestions: 'Suggested answers',
			you: 'You',
			cityName: '{city}',
			sending: 'Sending…',
			sent: 'Sent',
			notSent: 'Not sent: {reason}',
			retry: 'Retry',
			locating: 'Getting your location…',
			locationShared: 'Shared my location',
			locationUnavailable: 'Your location is not available ({reason}). You can type the address instead.',
			photoSent: 'Photo',
			yourPhoto: 'Your photo',
			statusUpdate: 'Update on request #{id}',
			statusUpdateNoId: 'Status update',
			copyLink: 'Copy conversation link',
			linkCopied: 'Link copied. Anyone with this link can read this conversation: keep it private.',
			linkShow: 'Your conversation link (keep it private):',
			newConversation: 'New conversation',
			expired: 'This conversation has expired. A new one has started.',
			reconnecting: 'Connection lost. Reconnecting…',
			connected: 'Connected',
			offline: 'The chat is not reachable right now. Retrying…',
			failed: 'something went wrong',
			unread: 'new messages'
		},
		es: {
			launcher: 'Reportar un problema',
			title: 'Reportar un problema a {city}',
			titleNoCity: 'Reportar un problema',
			intro: '¡Hola! Díganos cuál es el problema y dónde está, con sus propias palabras. Puede añadir una foto o compartir su ubicación.',
			inputLabel: 'Su mensaje',
			placeholder: 'Escriba su mensaje…',
			send: 'Enviar',
			photo: 'Foto',
			photoLabel: 'Añadir una foto',
			location: 'Ubicación',
			locationLabel: 'Compartir mi ubicación',
			close: 'Cerrar el chat',
			switchTo: 'English',
			switchLabel: 'Switch to English',
			conversation: 'Conversación',
			suggestions: 'Respuestas sugeridas',
			you: 'Usted',
			cityName: '{city}',
			sending: 'Enviando…',
			sent: 'Enviado',
			notSent: 'No enviado: {reason}',
			retry: 'Reintentar',
			locating: 'Obteniendo su ubicación…',
			locationShared: 'Compartí mi ubicación',
			locationUnavailable: 'Su ubicación no está disponible ({reason}). Puede escribir la dirección.',
			photoSent: 'Foto',
			yourPhoto: 'Su foto',
			statusUpdate: 'Novedad sobre la solicitud #{id}',
			statusUpdateNoId: 'Actualización de estado',
			copyLink: 'Copiar enlace de la conversación',
			linkCopied: 'Enlace copiado. Cualquier persona con este enlace puede leer esta conversación: no lo comparta.',
			linkShow: 'El enlace de su conversación (no lo comparta):',
			newConversation: 'Nueva conversación',
			expired: 'Esta conversación ha caducado. Se ha iniciado una nueva.',
			reconnecting: 'Se perdió la conexión. Reconectando…',
			connected: 'Conectado',
			offline: 'El chat no está disponible en este momento. Reintentando…',
			failed: 'algo salió mal',
			unread: 'mensajes nuevos'
		}
	};

	function attr(name) {
		var value = script.getAttribute(name);
		return value == null || value.trim() === '' ? null : value.trim();
	}

	var scriptUrl = new URL(script.src, document.baseURI);
	var api = (attr('data-api') || scriptUrl.origin).replace(/\/+$/, '');
	var city = attr('data-city') || '';
	var storageKey = 'frontdoor-chat:' + api;
	var linkPrefix = '#frontdoor-chat=';

	// ---- colours: WCAG 2 relative luminance and contrast ----
	function parseColor(text) {
		var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text || '');
		if (!m) {
			return null;
		}
		var hex = m[1].length === 3 ? m[1].replace(/(.)/g, '$1$1') : m[1];
		return [0, 2, 4].map(function (i) { return parseInt(hex.substr(i, 2), 16); });
	}
	function luminance(rgb) {
		var c = rgb.map(function (v) {
			v /= 255;
			return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	}
	function contrast(a, b) {
		var la = luminance(a), lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}
	function hex(rgb) {
		return '#' + rgb.map(function (v) { return ('0' + Math.round(v).toString(16)).slice(-2); }).join('');
	}
	var WHITE = [255, 255, 255], BLACK = [0, 0, 0];
	var accent = parseColor(attr('data-color')) || parseColor('#1f5f8b');
	// text on the brand colour: black or white, whichever contrasts more (always >= 4.58:1)
	var onAccent = contrast(accent, WHITE) >= contrast(accent, BLACK) ? WHITE : BLACK;
	// the brand colour as text or border on white: darkened until it reaches 4.5:1
	var ink = accent.slice();
	for (var step = 0; step < 20 && contrast(ink, WHITE) < 4.5; step++) {
		ink = ink.map(function (v) { return v * 0.85; });
	}

	// ---- state ----
	var loadedAt = Date.now();
	var state = {
		session: null, // {id, token}
		locale: null,
		localeSource: null,
		lastEventId: null,
		seen: {},
		pending: {},
		stream: null,
		retryDelay: 3000,
		failures: 0,
		open: false,
		unread: 0,
		starting: null
	};

	function store(key, value) {
		try {
			if (value == null) {
				window.localStorage.removeItem(key);
			}
			else {
				window.localStorage.setItem(key, JSON.stringify(value));
			}
		}
		catch (e) { /* storage blocked: the conversation lasts as long as the page */ }
	}
	function load(key) {
		try {
			var text = window.localStorage.getItem(key);
			return text ? JSON.parse(text) : null;
		}
		catch (e) {
			return null;
		}
	}

	function pickLocale() {
		var forced = attr('data-locale');
		if (forced && STRINGS[forced]) {
			return { locale: forced, source: 'user' };
		}
		var saved = load(storageKey + ':locale');
		if (saved && STRINGS[saved]) {
			return { locale: saved, source: 'user' };
		}
		var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
		for (var i = 0; i < langs.length; i++) {
			var lang = String(langs[i]).toLowerCase().split('-')[0];
			if (STRINGS[lang]) {
				return { locale: lang, source: 'browser' };
			}
		}
		return { locale: 'en', source: 'browser' };
	}
	var picked = pickLocale();
	state.locale = picked.locale;
	state.localeSource = picked.source;

	function t(key, values) {
		var text = (STRINGS[state.locale] || STRINGS.en)[key] || STRINGS.en[key] || key;
		values = values || {};
		values.city = values.city || city;
		return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] != null ? values[name] : ''; });
	}

	// ---- DOM ----
	function el(tag, attrs, children) {
		var node = document.createElement(tag);
		Object.keys(attrs || {}).forEach(function (key) {
			if (key === 'text') {
				node.textContent = attrs[key];
			}
			else if (key === 'hidden') {
				node.hidden = !!attrs[key];
			}
			else {
				node.setAttribute(key, attrs[key]);
			}
		});
		(children || []).forEach(function (child) { node.appendChild(child); });
		return node;
	}

	var SVG_NS = 'http://www.w3.org/2000/svg';
	var ICONS = {
		chat: 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
		camera: 'M9 4 7.5 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.5L15 4H9zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
		pin: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 4.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z'
	};
	// decorative icons drawn as inline SVG (no icon font, no emoji font needed)
	function icon(name) {
		var svg = document.createElementNS(SVG_NS, 'svg');
		svg.setAttribute('viewBox', '0 0 24 24');
		svg.setAttribute('aria-hidden', 'true');
		svg.setAttribute('focusable', 'false');
		svg.setAttribute('class', 'fdc-icon');
		var path = document.createElementNS(SVG_NS, 'path');
		path.setAttribute('d', ICONS[name]);
		path.setAttribute('fill', 'currentColor');
		path.setAttribute('fill-rule', 'evenodd');
		svg.appendChild(path);
		return svg;
	}

	var css = el('link', { rel: 'stylesheet', href: new URL('frontdoor-chat.css', scriptUrl).href });
	document.head.appendChild(css);

	var uid = 'fdc-' + Math.random().toString(36).slice(2, 8);
	var root = el('div', { 'class': 'fdc-root fdc-' + (attr('data-position') === 'left' ? 'left' : 'right') });
	root.style.setProperty('--fdc-accent', hex(accent));
	root.style.setProperty('--fdc-on-accent', hex(onAccent));
	root.style.setProperty('--fdc-ink', hex(ink));

	var launcherText = el('span', { 'class': 'fdc-launcher-text' });
	var badge = el('span', { 'class': 'fdc-badge', hidden: true });
	var launcher = el('button', { type: 'button', 'class': 'fdc-launcher', 'aria-expanded': 'false', 'aria-controls': uid + '-panel' },
		[icon('chat'), launcherText, badge]);

	var title = el('h2', { 'class': 'fdc-title', id: uid + '-title' });
	var langButton = el('button', { type: 'button', 'class': 'fdc-lang' });
	var closeButton = el('button', { type: 'button', 'class': 'fdc-close' }, [el('span', { 'aria-hidden': 'true', text: '\u00D7' })]);
	var header = el('div', { 'class': 'fdc-header' }, [title, langButton, closeButton]);

	var log = el('div', { 'class': 'fdc-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', id: uid + '-log' });
	var intro = el('p', { 'class': 'fdc-msg fdc-city fdc-intro' });
	log.appendChild(intro);
	var quick = el('div', { 'class': 'fdc-quick', role: 'group', hidden: true });
	var notice = el('p', { 'class': 'fdc-notice', role: 'status', 'aria-live': 'polite' });

	var inputLabel = el('label', { 'for': uid + '-input', 'class': 'fdc-sr' });
	var input = el('textarea', { id: uid + '-input', 'class': 'fdc-input', rows: '2', maxlength: '2000', autocomplete: 'off' });
	var fileInput = el('input', { type: 'file', accept: 'image/*', 'class': 'fdc-file', tabindex: '-1', 'aria-hidden': 'true' });
	var photoButton = el('button', { type: 'button', 'class': 'fdc-tool fdc-photo' });
	var locationButton = el('button', { type: 'button', 'class': 'fdc-tool fdc-location' });
	var sendButton = el('button', { type: 'submit', 'class': 'fdc-send' });
	var form = el('form', { 'class': 'fdc-form', novalidate: 'novalidate' }, [inputLabel, input,
		el('div', { 'class': 'fdc-actions' }, [photoButton, locationButton, fileInput, sendButton])]);

	var linkButton = el('button', { type: 'button', 'class': 'fdc-link' });
	var newButton = el('button', { type: 'button', 'class': 'fdc-link' });
	var linkOutput = el('input', { type: 'text', readonly: 'readonly', 'class': 'fdc-link-output', hidden: true });
	var footer = el('div', { 'class': 'fdc-footer' }, [linkButton, newButton, linkOutput]);

	var panel = el('section', { 'class': 'fdc-panel', id: uid + '-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': uid + '-title', hidden: true },
		[header, log, quick, notice, form, footer]);
	root.appendChild(panel);
	root.appendChild(launcher);

	function renderStrings() {
		root.setAttribute('lang', state.locale);
		launcherText.textContent = t('launcher');
		title.textContent = city ? t('title') : t('titleNoCity');
		langButton.textContent = t('switchTo');
		langButton.setAttribute('aria-label', t('switchLabel'));
		langButton.setAttribute('lang', state.locale === 'es' ? 'en' : 'es');
		closeButton.setAttribute('aria-label', t('close'));
		closeButton.setAttribute('title', t('close'));
		log.setAttribute('aria-label', t('conversation'));
		quick.setAttribute('aria-label', t('suggestions'));
		inputLabel.textContent = t('inputLabel');
		input.setAttribute('placeholder', t('placeholder'));
		photoButton.textContent = '';
		photoButton.appendChild(icon('camera'));
		photoButton.appendChild(document.createTextNode(t('photo')));
		photoButton.setAttribute('aria-label', t('photoLabel'));
		locationButton.textContent = '';
		locationButton.appendChild(icon('pin'));
		locationButton.appendChild(document.createTextNode(t('location')));
		locationButton.setAttribute('aria-label', t('locationLabel'));
		sendButton.textContent = t('send');
		linkButton.textContent = t('copyLink');
		newButton.textContent = t('newConversation');
		intro.textContent = t('intro');
		updateBadge();
	}

	function updateBadge() {
		badge.hidden = state.unread === 0;
		badge.textContent = state.unread > 0 ? String(state.unread) : '';
		launcher.setAttribute('aria-label', t('launcher') + (state.unread > 0 ? ' (' + state.unread + ' ' + t('unread') + ')' : ''));
	}

	function setLocale(locale, source) {
		if (!STRINGS[locale] || (locale === state.locale && source !== 'user')) {
			return;
		}
		state.locale = locale;
		if (source === 'user') {
			state.localeSource = 'user';
			store(storageKey + ':locale', locale);
		}
		renderStrings();
	}

	function say(text) {
		notice.textContent = text || '';
	}

	function scrollDown() {
		log.scrollTop = log.scrollHeight;
	}

	// ---- open / close ----
	function openPanel(focusInput) {
		state.open = true;
		panel.hidden = false;
		root.classList.add('fdc-is-open');
		launcher.setAttribute('aria-expanded', 'true');
		state.unread = 0;
		updateBadge();
		scrollDown();
		ensureSession();
		if (focusInput !== false) {
			input.focus();
		}
	}
	function closePanel() {
		state.open = false;
		panel.hidden = true;
		root.classList.remove('fdc-is-open');
		launcher.setAttribute('aria-expanded', 'false');
		launcher.focus();
	}

	// ---- HTTP ----
	function problemText(response) {
		return response.text().then(function (body) {
			try {
				var problem = JSON.parse(body);
				return problem.detail || problem.title || ('HTTP ' + response.status);
			}
			catch (e) {
				return 'HTTP ' + response.status;
			}
		});
	}

	function createSession() {
		return fetch(api + '/api/chat/sessions', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ locale: state.locale }),
			cache: 'no-store'
		}).then(function (response) {
			if (response.status !== 201) {
				return problemText(response).then(function (text) { throw new Error(text); });
			}
			return response.json();
		}).then(function (body) {
			state.session = { id: body.id, token: body.token };
			state.lastEventId = null;
			state.seen = {};
			store(storageKey, state.session);
			connect();
			return state.session;
		});
	}

	function ensureSession() {
		if (state.session) {
			return Promise.resolve(state.session);
		}
		if (!state.starting) {
			state.starting = createSession().then(function (session) {
				state.starting = null;
				return session;
			}, function (error) {
				state.starting = null;
				say(t('notSent', { reason: error.message || t('failed') }));
				throw error;
			});
		}
		return state.starting;
	}

	function resetConversation(message) {
		if (state.stream) {
			state.stream.abort();
			state.stream = null;
		}
		state.session = null;
		state.lastEventId = null;
		state.seen = {};
		store(storageKey, null);
		Array.prototype.slice.call(log.querySelectorAll('.fdc-msg:not(.fdc-intro)')).forEach(function (node) { node.remove(); });
		showQuickReplies([]);
		say(message || '');
	}

	// ---- the event stream (fetch + text/event-stream parsing) ----
	function connect() {
		if (!state.session) {
			return;
		}
		if (state.stream) {
			state.stream.abort();
		}
		var session = state.session;
		var controller = new AbortController();
		state.stream = controller;
		var headers = { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' };
		if (state.lastEventId != null) {
			headers['Last-Event-ID'] = String(state.lastEventId);
		}
		fetch(api + '/api/chat/sessions/' + encodeURIComponent(session.id) + '/events', {
			headers: headers,
			signal: controller.signal,
			cache: 'no-store'
		}).then(function (response) {
			if (response.status === 404 || response.status === 410 || response.status === 401 || response.status === 403) {
				var expired = response.status === 410;
				resetConversation(expired ? t('expired') : '');
				if (expired || state.open) {
					ensureSession();
				}
				return null;
			}
			if (!response.ok || !response.body) {
				throw new Error('HTTP ' + response.status);
			}
			state.failures = 0;
			say('');
			return readStream(response.body.getReader(), controller);
		}).then(function () {
			if (state.stream === controller && !controller.signal.aborted) {
				reconnectLater(false);
			}
		}, function () {
			if (state.stream === controller && !controller.signal.aborted) {
				reconnectLater(true);
			}
		});
	}

	function reconnectLater(failed) {
		if (failed) {
			state.failures++;
			say(state.failures > 2 ? t('offline') : t('reconnecting'));
		}
		var delay = failed ? Math.min(30000, state.retryDelay * Math.pow(2, Math.min(state.failures - 1, 4))) : state.retryDelay;
		window.setTimeout(function () {
			if (state.session) {
				connect();
			}
		}, delay);
	}

	function readStream(reader, controller) {
		var decoder = new TextDecoder();
		var buffer = '';
		var event = { id: null, type: 'message', data: [] };
		function dispatch() {
			if (event.data.length) {
				if (event.id != null && /^\d+$/.test(event.id)) {
					state.lastEventId = parseInt(event.id, 10);
				}
				try {
					handleEvent(event.type, JSON.parse(event.data.join('\n')));
				}
				catch (e) { /* a malformed event is skipped, the stream goes on */ }
			}
			event = { id: null, type: 'message', data: [] };
		}
		function line(text) {
			if (text === '') {
				dispatch();
				return;
			}
			if (text.charAt(0) === ':') {
				return;
			}
			var colon = text.indexOf(':');
			var field = colon < 0 ? text : text.slice(0, colon);
			var value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
			if (field === 'data') {
				event.data.push(value);
			}
			else if (field === 'event') {
				event.type = value;
			}
			else if (field === 'id') {
				event.id = value;
			}
			else if (field === 'retry' && /^\d+$/.test(value)) {
				state.retryDelay = parseInt(value, 10);
			}
		}
		function pump() {
			return reader.read().then(function (chunk) {
				if (chunk.done || controller.signal.aborted) {
					return;
				}
				buffer += decoder.decode(chunk.value, { stream: true });
				var lines = buffer.split(/\r\n|\r|\n/);
				buffer = lines.pop();
				lines.forEach(line);
				return pump();
			});
		}
		return pump();
	}

	// ---- rendering events ----
	function handleEvent(type, data) {
		if (data.id != null) {
			if (state.seen[data.id]) {
				return;
			}
			state.seen[data.id] = true;
		}
		if (type === 'resident') {
			showResident(data);
			return;
		}
		if (data.locale && state.localeSource !== 'user') {
			setLocale(String(data.locale).toLowerCase().split('-')[0], 'dialog');
		}
		var bubble = el('div', { 'class': 'fdc-msg fdc-city' + (type === 'status' ? ' fdc-status-update' : ''), 'data-event-id': String(data.id) });
		if (data.locale) {
			bubble.setAttribute('lang', data.locale);
		}
		bubble.appendChild(el('span', { 'class': 'fdc-sr', text: (city || t('titleNoCity')) + ': ' }));
		if (type === 'status') {
			var req = data.request || {};
			bubble.appendChild(el('strong', { 'class': 'fdc-status-title', text: req.id ? t('statusUpdate', { id: req.id }) : t('statusUpdateNoId') }));
			if (req.status) {
				bubble.appendChild(el('span', { 'class': 'fdc-status-pill fdc-status-' + String(req.status).replace(/[^a-z_-]/gi, ''), text: req.statusDetail || req.status }));
			}
		}
		bubble.appendChild(el('p', { 'class': 'fdc-text', text: data.text || '' }));
		log.appendChild(bubble);
		if (type !== 'status') {
			// a status update is news about a filed request, not a turn of the dialog: the
			// answers offered for the question still open stay where they are
			showQuickReplies(data.quickReplies || []);
		}
		if (!state.open && Date.parse(data.at || '') > loadedAt - 5000) {
			state.unread++;
			updateBadge();
		}
		scrollDown();
	}

	function showResident(data) {
		var pending = data.clientMessageId && state.pending[data.clientMessageId];
		if (pending) {
			pending.bubble.setAttribute('data-event-id', String(data.id));
			setDelivery(pending.bubble, t('sent'), false);
			delete state.pending[data.clientMessageId];
			return;
		}
		if (data.clientMessageId && log.querySelector('[data-client-id="' + cssEscape(data.clientMessageId) + '"]')) {
			return;
		}
		var bubble = residentBubble(data.quickReplyLabel || data.text, data.photo ? api + data.photo.url : null, !!data.location);
		bubble.setAttribute('data-event-id', String(data.id));
		if (data.clientMessageId) {
			bubble.setAttribute('data-client-id', data.clientMessageId);
		}
		log.appendChild(bubble);
		showQuickReplies([]);
		scrollDown();
	}

	function cssEscape(value) {
		return String(value).replace(/["\\]/g, '\\$&');
	}

	function residentBubble(text, photoUrl, sharedLocation) {
		var bubble = el('div', { 'class': 'fdc-msg fdc-resident' });
		bubble.appendChild(el('span', { 'class': 'fdc-sr', text: t('you') + ': ' }));
		if (photoUrl) {
			var img = el('img', { 'class': 'fdc-photo-thumb', src: photoUrl, alt: t('yourPhoto') });
			img.addEventListener('load', scrollDown);
			bubble.appendChild(img);
		}
		if (sharedLocation) {
			var shared = el('p', { 'class': 'fdc-text' });
			shared.appendChild(icon('pin'));
			shared.appendChild(document.createTextNode(' ' + t('locationShared')));
			bubble.appendChild(shared);
		}
		if (text) {
			bubble.appendChild(el('p', { 'class': 'fdc-text', text: text }));
		}
		return bubble;
	}

	function setDelivery(bubble, text, failed, retry) {
		var status = bubble.querySelector('.fdc-delivery');
		if (!status) {
			status = el('span', { 'class': 'fdc-delivery' });
			bubble.appendChild(status);
		}
		status.textContent = text;
		status.classList.toggle('fdc-failed', !!failed);
		var old = bubble.querySelector('.fdc-retry');
		if (old) {
			old.remove();
		}
		if (retry) {
			var button = el('button', { type: 'button', 'class': 'fdc-retry', text: t('retry') });
			button.addEventListener('click', function () {
				button.remove();
				retry();
			});
			bubble.appendChild(button);
		}
	}

	function showQuickReplies(options) {
		var hadFocus = quick.contains(document.activeElement);
		quick.textContent = '';
		options.forEach(function (option) {
			var button = el('button', { type: 'button', 'class': 'fdc-quick-reply', text: option.label || option.value });
			button.addEventListener('click', function () {
				send({ text: option.value, quickReplyLabel: option.label || option.value });
			});
			quick.appendChild(button);
		});
		quick.hidden = options.length === 0;
		if (hadFocus) {
			// the focused answer is gone: keep the keyboard user's place in the new answers,
			// or return to the input (focus never falls back to the page)
			(quick.firstChild || input).focus();
		}
	}

	// ---- sending ----
	function newClientId() {
		var bytes = new Uint8Array(12);
		(window.crypto || window.msCrypto).getRandomValues(bytes);
		return 'w-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
	}

	function send(message) {
		var clientMessageId = newClientId();
		var bubble = residentBubble(message.quickReplyLabel || message.text,
			message.photo ? safeObjectUrl(message.photo) : null, !!message.location);
		bubble.setAttribute('data-client-id', clientMessageId);
		log.appendChild(bubble);
		showQuickReplies([]);
		scrollDown();
		state.pending[clientMessageId] = { bubble: bubble };
		deliver(clientMessageId, message, bubble);
	}

	function safeObjectUrl(file) {
		try {
			return URL.createObjectURL(file);
		}
		catch (e) {
			return null;
		}
	}

	function deliver(clientMessageId, message, bubble) {
		setDelivery(bubble, t('sending'), false);
		ensureSession().then(function (session) {
			var request = { method: 'POST', headers: { Authorization: 'Bearer ' + session.token }, cache: 'no-store' };
			if (message.photo) {
				var form = new FormData();
				form.append('clientMessageId', clientMessageId);
				form.append('text', message.text || '');
				form.append('locale', state.locale);
				form.append('localeSource', state.localeSource);
				form.append('photo', message.photo, message.photo.name || 'photo');
				request.body = form;
			}
			else {
				request.headers['Content-Type'] = 'application/json';
				request.body = JSON.stringify({
					clientMessageId: clientMessageId,
					text: message.text || '',
					location: message.location || undefined,
					locale: state.locale,
					localeSource: state.localeSource,
					quickReplyLabel: message.quickReplyLabel || undefined
				});
			}
			return fetch(api + '/api/chat/sessions/' + encodeURIComponent(session.id) + '/messages', request);
		}).then(function (response) {
			if (response.status === 202) {
				if (state.pending[clientMessageId]) {
					setDelivery(bubble, t('sent'), false);
				}
				return;
			}
			return problemText(response).then(function (reason) {
				if (response.status === 410 || response.status === 404 || response.status === 401) {
					// the stored session is gone: the retry goes to a new one
					resetConversation(t('expired'));
				}
				setDelivery(bubble, t('notSent', { reason: reason }), true, function () {
					if (!log.contains(bubble)) {
						log.appendChild(bubble);
					}
					deliver(clientMessageId, message, bubble);
				});
			});
		}).catch(function (error) {
			setDelivery(bubble, t('notSent', { reason: (error && error.message) || t('failed') }), true, function () {
				deliver(clientMessageId, message, bubble);
			});
		});
	}

	function shareLocation() {
		if (!navigator.geolocation) {
			say(t('locationUnavailable', { reason: 'geolocation' }));
			return;
		}
		say(t('locating'));
		navigator.geolocation.getCurrentPosition(function (position) {
			say('');
			send({
				text: input.value.trim(),
				location: {
					lat: Math.round(position.coords.latitude * 1e6) / 1e6,
					lon: Math.round(position.coords.longitude * 1e6) / 1e6,
					accuracy: position.coords.accuracy
				}
			});
			input.value = '';
		}, function (error) {
			say(t('locationUnavailable', { reason: error && error.message ? error.message : t('failed') }));
		}, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
	}

	function copyLink() {
		ensureSession().then(function (session) {
			var link = location.href.split('#')[0] + linkPrefix + encodeURIComponent(session.id) + '.' + encodeURIComponent(session.token);
			var shown = function () {
				linkOutput.hidden = false;
				linkOutput.value = link;
				linkOutput.setAttribute('aria-label', t('linkShow'));
				linkOutput.focus();
				linkOutput.select();
				say(t('linkShow'));
			};
			if (navigator.clipboard && navigator.clipboard.writeText) {
				navigator.clipboard.writeText(link).then(function () { say(t('linkCopied')); }, shown);
			}
			else {
				shown();
			}
		});
	}

	// ---- wiring ----
	launcher.addEventListener('click', function () {
		if (state.open) {
			closePanel();
		}
		else {
			openPanel();
		}
	});
	closeButton.addEventListener('click', closePanel);
	langButton.addEventListener('click', function () {
		setLocale(state.locale === 'es' ? 'en' : 'es', 'user');
	});
	panel.addEventListener('keydown', function (e) {
		if (e.key === 'Escape') {
			e.preventDefault();
			closePanel();
		}
	});
	form.addEventListener('submit', function (e) {
		e.preventDefault();
		var text = input.value.trim();
		if (!text) {
			input.focus();
			return;
		}
		input.value = '';
		send({ text: text });
		input.focus();
	});
	input.addEventListener('keydown', function (e) {
		if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
			e.preventDefault();
			form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
		}
	});
	photoButton.addEventListener('click', function () { fileInput.click(); });
	fileInput.addEventListener('change', function () {
		var file = fileInput.files && fileInput.files[0];
		if (file) {
			send({ text: input.value.trim(), photo: file });
			input.value = '';
		}
		fileInput.value = '';
		photoButton.focus();
	});
	locationButton.addEventListener('click', shareLocation);
	linkButton.addEventListener('click', copyLink);
	newButton.addEventListener('click', function () {
		resetConversation('');
		ensureSession();
		input.focus();
	});

	// a conversation link (#frontdoor-chat=<id>.<token>) restores a session on this device
	var fromLink = false;
	if (location.hash.indexOf(linkPrefix) === 0) {
		var parts = decodeURIComponent(location.hash.slice(linkPrefix.length)).split('.');
		if (parts.length === 2 && /^[0-9a-f-]{36}$/i.test(parts[0]) && /^[A-Za-z0-9_-]{20,}$/.test(parts[1])) {
			store(storageKey, { id: parts[0], token: parts[1] });
			fromLink = true;
		}
		if (history.replaceState) {
			history.replaceState(null, '', location.href.split('#')[0]);
		}
	}

	function start() {
		document.body.appendChild(root);
		renderStrings();
		var saved = load(storageKey);
		if (saved && saved.id && saved.token) {
			state.session = saved;
			connect();
		}
		if (fromLink || attr('data-open') === 'true') {
			openPanel(false);
		}
	}

	window.FrontDoorChat = {
		open: function () { openPanel(); },
		close: closePanel,
		setLocale: function (locale) { setLocale(locale, 'user'); }
	};

	if (document.body) {
		start();
	}
	else {
		document.addEventListener('DOMContentLoaded', start);
	}
}());
