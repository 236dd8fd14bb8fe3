// Browser tests of the FrontDoor chat widget, in Debian's chromium driven by playwright-core.
// Started by the JUnit tests ChatWidgetBrowserTest (SCENARIO=widget) and ChatEndToEndBrowserTest
// (SCENARIO=end-to-end and SCENARIO=photo-and-location), which run the gateway and a small hook server
// the script calls to make the server side act (send a reply, change a request's status). Prints one "PASS: <step>" line per step
// (and "SESSION: <id>", "REQUEST: <id>" lines the JUnit tests check against the database);
// on the first failure prints "FAIL: <step>: <reason>", saves a screenshot and exits 1.
//
// Environment: BASE_URL (gateway), HOOK_URL (test hook server), CHROMIUM (browser binary),
// ARTIFACTS (directory for screenshots), PHOTO (a JPEG to upload), SCENARIO.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
	const value = process.env[name];
	if (!value) {
		console.log(`FAIL: setup: environment variable ${name} is not set`);
		process.exit(2);
	}
	return value;
};
const BASE = env('BASE_URL');
const HOOK = env('HOOK_URL');
const CHROMIUM = env('CHROMIUM');
const ARTIFACTS = env('ARTIFACTS');
const SCENARIO = env('SCENARIO');
const PHOTO = process.env.PHOTO;
const PIN = { latitude: 42.365613, longitude: -71.103774 };
// the browser position of the photo-and-location scenario (away from PIN, so reports of the widget
// scenario never look like duplicates of its reports)
const HARVARD_SQUARE = { latitude: 42.3734, longitude: -71.1189 };

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

let page;
let step = 'setup';

async function check(name, action) {
	step = name;
	await action();
	console.log(`PASS: ${name}`);
}

function assert(condition, message) {
	if (!condition) {
		throw new Error(message);
	}
}

async function hook(path) {
	const response = await fetch(HOOK + path, { method: 'POST' });
	const text = await response.text();
	assert(response.ok, `hook ${path} answered ${response.status}: ${text}`);
	return text;
}

async function sessionId() {
	const handle = await page.waitForFunction(() => {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			if (key.startsWith('frontdoor-chat:') && !key.endsWith(':locale')) {
				const value = JSON.parse(localStorage.getItem(key));
				if (value && value.id) {
					return value.id;
				}
			}
		}
		return null;
	}, null, { timeout: 15000 });
	return handle.jsonValue();
}

const cityBubble = (text) => page.locator('.fdc-city', { hasText: text });
const residentBubble = (text) => page.locator('.fdc-resident', { hasText: text });

async function widgetScenario() {
	let id;
	await check('the demo page opens the widget with a new session', async () => {
		await page.goto(BASE + '/chat-demo');
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
		id = await sessionId();
		assert(/^[0-9a-f-]{36}$/.test(id), `session id ${id}`);
		console.log(`SESSION: ${id}`);
	});

	await check('controls have accessible names and the log is a live region', async () => {
		const log = page.getByRole('log');
		assert(await log.getAttribute('aria-live') === 'polite', 'log is not aria-live=polite');
		await page.getByLabel('Your message').waitFor();
		for (const name of ['Send', 'Add a photo', 'Share my location', 'Close chat', 'Cambiar a español']) {
			assert(await page.getByRole('button', { name, exact: true }).count() === 1, `no button named "${name}"`);
		}
		assert(await page.getByRole('dialog', { name: 'Report a problem to Cambridge' }).count() === 1, 'dialog has no name');
	});

	await check('text and backgrounds meet WCAG AA contrast', async () => {
		const failures = await page.evaluate(() => {
			const rgb = (text) => (text.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
			const lum = (c) => {
				const v = c.map((x) => {
					x /= 255;
					return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
				});
				return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
			};
			const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
			const background = (node) => {
				for (let n = node; n; n = n.parentElement) {
					const bg = getComputedStyle(n).backgroundColor;
					if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) {
						return rgb(bg);
					}
				}
				return [255, 255, 255];
			};
			const out = [];
			document.querySelectorAll('.fdc-root button, .fdc-root .fdc-msg, .fdc-root .fdc-title, .fdc-root textarea').forEach((node) => {
				if (!node.offsetParent && node.tagName !== 'H2') {
					return;
				}
				const r = ratio(rgb(getComputedStyle(node).color), background(node));
				if (r < 4.5) {
					out.push(`${node.className}: ${r.toFixed(2)}`);
				}
			});
			return out;
		});
		assert(failures.length === 0, 'low contrast: ' + failures.join(', '));
	});

	await check('typing a message and pressing Enter sends it', async () => {
		await page.getByLabel('Your message').click();
		await page.keyboard.type('hello from the widget test');
		await page.keyboard.press('Enter');
		await residentBubble('hello from the widget test').locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
	});

	await check('a reply with quick replies arrives over the event stream', async () => {
		await hook('/reply?session=' + id);
		await cityBubble('What is the graffiti on?').waitFor();
		await page.getByRole('group', { name: 'Suggested answers' }).waitFor();
		assert(await page.locator('.fdc-quick-reply').count() === 2, 'expected 2 quick-reply buttons');
	});

	await check('quick replies are reachable and pressed with the keyboard', async () => {
		const labels = await page.locator('.fdc-quick-reply').allTextContents();
		assert(labels.join('|') === 'A wall|A sign', `quick replies shown: ${labels.join('|')}`);
		// the answers sit between the conversation and the input, in reading order: Shift+Tab from the
		// input walks back through them last first, one more step reaches the conversation log, and Tab
		// comes forward to the first answer again
		await page.getByLabel('Your message').focus();
		for (let i = labels.length - 1; i >= 0; i--) {
			await page.keyboard.press('Shift+Tab');
			const focused = await page.evaluate(() => document.activeElement.textContent);
			assert(focused === labels[i], `Shift+Tab ${labels.length - i} from the input focused "${focused}", expected "${labels[i]}"`);
		}
		await page.keyboard.press('Shift+Tab');
		const role = await page.evaluate(() => document.activeElement.getAttribute('role'));
		assert(role === 'log', `Shift+Tab before the first answer focused role=${role}, expected the conversation log`);
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => document.activeElement.textContent);
		assert(first === labels[0], `Tab from the log focused "${first}", expected "${labels[0]}"`);
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
		assert(outline !== 'none', 'the focused quick reply has no visible outline');
		await page.keyboard.press('Enter');
		await residentBubble(labels[0]).locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
		assert(await page.locator('.fdc-quick-reply').count() === 0, 'quick replies stay after answering');
		const active = await page.evaluate(() => document.activeElement.className);
		assert(active.includes('fdc-input'), `focus went to "${active}" instead of the input`);
	});

	await check('share my location sends the browser position as a pin', async () => {
		await page.getByRole('button', { name: 'Share my location' }).click();
		await residentBubble('Shared my location').locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
	});

	if (PHOTO) {
		await check('a photo is uploaded and shown', async () => {
			await page.locator('.fdc-file').setInputFiles(PHOTO);
			const bubble = page.locator('.fdc-resident:has(img.fdc-photo-thumb)');
			await bubble.locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
		});
	}

	await check('a status update appears live and leaves the open question and keyboard focus alone', async () => {
		await hook('/offensive?session=' + id);
		await cityBubble('Is it offensive or hateful?').waitFor();
		await page.getByRole('group', { name: 'Suggested answers' }).waitFor();
		await page.getByLabel('Your message').focus();
		await page.keyboard.press('Shift+Tab');
		assert(await page.evaluate(() => document.activeElement.textContent) === 'No', 'Shift+Tab did not reach "No"');
		await hook('/status?session=' + id);
		await page.locator('.fdc-status-update', { hasText: 'Update on request #4242' }).waitFor();
		const labels = await page.locator('.fdc-quick-reply').allTextContents();
		assert(labels.join('|') === 'Yes|No', `the status update changed the suggested answers to "${labels.join('|')}"`);
		const focused = await page.evaluate(() => document.activeElement.textContent);
		assert(focused === 'No', `the status update moved focus to "${focused}"`);
	});

	await check('answers replaced while one has focus keep the keyboard in the new answers', async () => {
		await hook('/offensive?session=' + id);
		await page.locator('.fdc-city', { hasText: 'Is it offensive or hateful?' }).nth(1).waitFor();
		const focused = await page.evaluate(() => document.activeElement.textContent);
		assert(focused === 'Yes', `focus is on "${focused}" after the answers were replaced, expected the first new one`);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.locator('.fdc-resident', { has: page.locator('.fdc-text', { hasText: /^No$/ }) })
			.locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
	});

	await check('a reply in Spanish switches the widget to Spanish', async () => {
		await hook('/reply-es?session=' + id);
		await cityBubble('¿Algo más?').waitFor();
		await page.getByRole('button', { name: 'Enviar', exact: true }).waitFor();
		assert(await page.getByLabel('Su mensaje').count() === 1, 'input label not in Spanish');
	});

	await check('the language toggle wins over the dialog language', async () => {
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
		await hook('/reply-es?session=' + id);
		await page.locator('.fdc-city', { hasText: '¿Algo más?' }).nth(1).waitFor();
		assert(await page.getByRole('button', { name: 'Send', exact: true }).count() === 1, 'the toggle was overridden');
	});

	await check('Escape closes the chat and returns focus to the launcher, Enter reopens it', async () => {
		await page.getByLabel('Your message').focus();
		await page.keyboard.press('Escape');
		await page.locator('.fdc-panel').waitFor({ state: 'hidden' });
		const expanded = await page.evaluate(() => document.activeElement.getAttribute('aria-expanded'));
		assert(expanded === 'false', 'focus is not on the launcher');
		await page.keyboard.press('Enter');
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
	});

	await check('after a reload the conversation history comes back', async () => {
		await page.reload();
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
		await cityBubble('What is the graffiti on?').waitFor();
		await residentBubble('hello from the widget test').waitFor();
		await residentBubble('A wall').waitFor();
		await page.locator('.fdc-status-update', { hasText: '#4242' }).waitFor();
		assert(await sessionId() === id, 'a new session was opened instead of the stored one');
	});

	await page.screenshot({ path: join(ARTIFACTS, 'chat-widget-desktop.png') });

	await check('at 360 px wide the chat fills the screen without horizontal scrolling', async () => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.reload();
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
		await cityBubble('What is the graffiti on?').waitFor();
		const layout = await page.evaluate(() => {
			const box = document.querySelector('.fdc-panel').getBoundingClientRect();
			const send = document.querySelector('.fdc-send').getBoundingClientRect();
			return {
				scrollWidth: document.documentElement.scrollWidth,
				left: box.left, right: box.right, top: box.top, bottom: box.bottom,
				sendRight: send.right, sendBottom: send.bottom
			};
		});
		assert(layout.scrollWidth <= 360, `page scrolls horizontally: ${layout.scrollWidth}px`);
		assert(layout.left >= 0 && layout.right <= 360, `panel spans ${layout.left}..${layout.right}`);
		assert(layout.sendRight <= 360 && layout.sendBottom <= 740, 'the send button is off screen');
		await page.screenshot({ path: join(ARTIFACTS, 'chat-widget-360.png') });
	});
}

// The graffiti service of the embedded sandbox asks "What is the graffiti on?" with these choices
// (gateway/src/main/resources/sandbox/service-definitions.json, attribute "surface").
const GRAFFITI_SURFACES = ['Public property (sign, bridge, street furniture)', 'A private building or fence',
	'A utility box or pole'];

async function openDemo() {
	await page.goto(BASE + '/chat-demo');
	await page.locator('.fdc-panel').waitFor({ state: 'visible' });
	const id = await sessionId();
	console.log(`SESSION: ${id}`);
	return id;
}

async function sendTyped(text) {
	await page.getByLabel('Your message').click();
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
	await residentBubble(text).locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
}

// the confirmation FrontDoor sends once the sandbox gave the report a number
async function confirmation(id, nth) {
	const requestId = (await hook(`/await-request?session=${id}&nth=${nth}`)).trim();
	assert(/^\d+$/.test(requestId), `sandbox request id "${requestId}"`);
	await cityBubble(`Its number is #${requestId}`).waitFor({ timeout: 60000 });
	console.log(`REQUEST: ${requestId}`);
	return requestId;
}

// A screenshot of the whole conversation: the panel is grown to fit the log (through the CSSOM, which
// the demo page's Content-Security-Policy allows, unlike an injected style sheet).
async function transcript(name) {
	const height = await page.evaluate(() => {
		const panel = document.querySelector('.fdc-panel');
		const log = document.querySelector('.fdc-log');
		panel.style.setProperty('height', 'auto', 'important');
		log.style.setProperty('flex', 'none', 'important');
		log.style.setProperty('overflow', 'visible', 'important');
		return panel.getBoundingClientRect().height;
	});
	await page.setViewportSize({ width: 1024, height: Math.ceil(height) + 40 });
	await page.screenshot({ path: join(ARTIFACTS, name) });
}

async function endToEndScenario() {
	let id;
	let requestId;
	await check('the demo page opens the widget', async () => {
		id = await openDemo();
	});
	await check('the resident reports graffiti in their own words', async () => {
		await sendTyped('graffiti on the wall at the corner of mass ave and prospect st');
	});
	await check('FrontDoor asks the attribute question with quick-reply buttons', async () => {
		await cityBubble('What is the graffiti on?').waitFor({ timeout: 60000 });
		await page.getByRole('group', { name: 'Suggested answers' }).waitFor();
		const labels = await page.locator('.fdc-quick-reply').allTextContents();
		assert(labels.join('|') === GRAFFITI_SURFACES.join('|'), `quick replies: ${labels.join('|')}`);
	});
	await check('the resident answers with a quick-reply button', async () => {
		await page.getByRole('button', { name: GRAFFITI_SURFACES[1], exact: true }).click();
		await residentBubble(GRAFFITI_SURFACES[1]).locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
		assert(await page.locator('.fdc-quick-reply').count() === 0, 'the answers stay after answering');
	});
	await check('the confirmation shows the sandbox request id', async () => {
		requestId = await confirmation(id, 1);
		assert(await cityBubble(`#${requestId}`).first().textContent().then((t) => t.includes('(Graffiti)')),
			'the confirmation does not name the service');
	});
	await page.screenshot({ path: join(ARTIFACTS, 'chat-end-to-end-confirmation.png') });
	await check('a sandbox status change appears as a live update', async () => {
		await hook('/close-request?id=' + encodeURIComponent(requestId));
		const update = page.locator('.fdc-status-update', { hasText: `Update on request #${requestId}` });
		await update.waitFor({ timeout: 120000 });
		assert(await update.locator('.fdc-status-pill').textContent() === 'closed', 'the update has no "closed" pill');
		assert((await update.textContent()).includes('Graffiti removed by the crew'), 'the staff note is missing');
	});
	await page.screenshot({ path: join(ARTIFACTS, 'chat-end-to-end.png') });
	await transcript('chat-end-to-end-transcript.png');
}

async function photoAndLocationScenario() {
	let id;
	await check('the demo page opens the widget', async () => {
		id = await openDemo();
	});
	await check('a photo taken in Cambridge is the location of the report', async () => {
		assert(PHOTO, 'PHOTO is not set');
		await page.getByLabel('Your message').fill('huge pothole');
		// the Photo button opens the file chooser; the typed text goes with the photo
		const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
			page.getByRole('button', { name: 'Add a photo', exact: true }).click()]);
		await chooser.setFiles(PHOTO);
		const bubble = page.locator('.fdc-resident:has(img.fdc-photo-thumb)', { hasText: 'huge pothole' });
		await bubble.locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
		await confirmation(id, 1);
		// the thumbnail the stream sends back is the server's copy (metadata stripped)
		await page.reload();
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
		const src = await page.locator('.fdc-resident img.fdc-photo-thumb').first().getAttribute('src');
		assert(src && src.startsWith(BASE + '/media/'), `thumbnail src ${src}`);
		assert(await page.locator('.fdc-resident img.fdc-photo-thumb').first()
			.evaluate((img) => img.complete && img.naturalWidth > 0), 'the server copy of the photo does not load');
	});
	await check('"Share my location" answers "where is it?" with the browser position', async () => {
		await sendTyped('the streetlight is out');
		await cityBubble('Where is it?').waitFor({ timeout: 60000 });
		await page.getByRole('button', { name: 'Share my location', exact: true }).click();
		await residentBubble('Shared my location').locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
		await confirmation(id, 2);
	});
	await page.screenshot({ path: join(ARTIFACTS, 'chat-photo-and-location.png') });
	await transcript('chat-photo-and-location-transcript.png');
}

const userDataDir = mkdtempSync(join(tmpdir(), 'frontdoor-chromium-'));
let context;
let code = 0;
try {
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1024, height: 800 },
		locale: 'en-US',
		geolocation: SCENARIO === 'photo-and-location' ? HARVARD_SQUARE : PIN,
		permissions: ['geolocation'],
		timeout: 60000
	});
	context.setDefaultTimeout(20000);
	page = context.pages()[0] || await context.newPage();
	page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
	if (SCENARIO === 'widget') {
		await widgetScenario();
	}
	else if (SCENARIO === 'end-to-end') {
		await endToEndScenario();
	}
	else if (SCENARIO === 'photo-and-location') {
		await photoAndLocationScenario();
	}
	else {
		throw new Error(`unknown SCENARIO ${SCENARIO}`);
	}
	console.log(`DONE: ${SCENARIO}`);
}
catch (error) {
	code = 1;
	console.log(`FAIL: ${step}: ${(error && error.message ? error.message : String(error)).split('\n')[0]}`);
	if (page) {
		await page.screenshot({ path: join(ARTIFACTS, `chat-${SCENARIO}-failure.png`) }).catch(() => {});
	}
}
finally {
	if (context) {
		await context.close().catch(() => {});
	}
	rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(code);
