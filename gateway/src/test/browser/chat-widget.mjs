// Browser tests of the FrontDoor chat widget, in Debian's chromium driven by playwright-core.
// Started by the JUnit tests ChatWidgetBrowserTest (SCENARIO=widget) and ChatEndToEndBrowserTest
// (SCENARIO=end-to-end), which run the gateway and a small hook server the script calls to make the
// server side act (send a reply, change a request's status). Prints one "PASS: <step>" line per step;
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
		await page.getByLabel('Your message').focus();
		await page.keyboard.press('Shift+Tab');
		let focused = await page.evaluate(() => document.activeElement.textContent);
		assert(focused === 'A sign', `Shift+Tab from the input focused "${focused}"`);
		await page.keyboard.press('Shift+Tab');
		focused = await page.evaluate(() => document.activeElement.textContent);
		assert(focused === 'A wall', `second Shift+Tab focused "${focused}"`);
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
		assert(outline !== 'none', 'the focused quick reply has no visible outline');
		await page.keyboard.press('Enter');
		await residentBubble('A wall').locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
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

	await check('a status update appears live', async () => {
		await hook('/status?session=' + id);
		await page.locator('.fdc-status-update', { hasText: 'Update on request #4242' }).waitFor();
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

async function endToEndScenario() {
	let id;
	let requestId;
	await check('the demo page opens the widget', async () => {
		await page.goto(BASE + '/chat-demo');
		await page.locator('.fdc-panel').waitFor({ state: 'visible' });
		id = await sessionId();
	});
	await check('the resident reports graffiti in their own words', async () => {
		await page.getByLabel('Your message').click();
		await page.keyboard.type('graffiti on the wall at the corner of mass ave and prospect st');
		await page.keyboard.press('Enter');
		await residentBubble('graffiti on the wall').locator('.fdc-delivery', { hasText: 'Sent' }).waitFor();
	});
	await check('FrontDoor asks the attribute question with quick-reply buttons', async () => {
		await page.locator('.fdc-quick-reply').first().waitFor({ timeout: 60000 });
	});
	await check('the resident answers with a quick-reply button', async () => {
		await page.locator('.fdc-quick-reply').first().click();
	});
	await check('the confirmation shows the sandbox request id', async () => {
		requestId = (await hook('/await-request?session=' + id)).trim();
		assert(requestId.length > 0, 'no service request id');
		await page.locator('.fdc-city', { hasText: requestId }).first().waitFor({ timeout: 60000 });
	});
	await page.screenshot({ path: join(ARTIFACTS, 'chat-end-to-end-confirmation.png') });
	await check('a sandbox status change appears as a live update', async () => {
		await hook('/close-request?id=' + encodeURIComponent(requestId));
		await page.locator('.fdc-status-update', { hasText: requestId }).waitFor({ timeout: 120000 });
	});
	await page.screenshot({ path: join(ARTIFACTS, 'chat-end-to-end.png') });
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
		geolocation: PIN,
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
