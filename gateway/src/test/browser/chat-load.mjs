// Load command for the chat API (not part of the test suite). Against a running gateway, opens SESSIONS chat
// sessions, each with its event stream open, then sends MESSAGES messages per session from CONCURRENCY workers and
// measures (1) the time until POST .../messages answers 202 (the message is stored) and (2) the time until the
// echo of that message arrives on the session's event stream (event log append + LISTEN/NOTIFY + stream write).
// Prints throughput and latency percentiles. Bounded in count and time; loopback only.
//
//   java -jar gateway/target/frontdoor.jar \
//     --frontdoor.channels.chat.rate-limits.sessions-per-ip.requests=100000 \
//     --frontdoor.channels.chat.rate-limits.messages-per-ip.requests=10000000 \
//     --frontdoor.channels.chat.rate-limits.messages-per-session.requests=100000 \
//     --frontdoor.channels.chat.rate-limits.streams-per-ip.requests=100000 &
//   CPU_PIDS="$(pgrep -f frontdoor.jar) $(pgrep -f 'bin/postgres -D')" \
//     node gateway/src/test/browser/chat-load.mjs http://127.0.0.1:8080 200 50 32
//
// Arguments: base URL, SESSIONS (default 200), MESSAGES per session (default 50), CONCURRENCY (default 32).
// CPU_PIDS (optional, Linux): processes whose CPU time (with their children, e.g. PostgreSQL backends) is read
// from /proc before and after the message phase, to print the server's CPU cost per message.
import { readFileSync, readdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:8080', sessionsArg = '200', messagesArg = '50', concurrencyArg = '32'] = process.argv.slice(2);
const SESSIONS = Math.min(Number(sessionsArg), 2000);
const MESSAGES = Math.min(Number(messagesArg), 1000);
const CONCURRENCY = Math.min(Number(concurrencyArg), 256);
const url = new URL(base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
	console.error('chat-load only targets loopback addresses');
	process.exit(2);
}
const deadline = Date.now() + 10 * 60 * 1000;

async function openSession() {
	const response = await fetch(base + '/api/chat/sessions', {
		method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"locale":"en"}'
	});
	if (response.status !== 201) {
		throw new Error('session: HTTP ' + response.status + ' ' + await response.text());
	}
	return response.json();
}

function openStream(session, onEvent) {
	const controller = new AbortController();
	const ready = fetch(base + '/api/chat/sessions/' + session.id + '/events', {
		headers: { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream', 'Last-Event-ID': '0' },
		signal: controller.signal
	}).then(async (response) => {
		if (response.status !== 200) {
			throw new Error('stream: HTTP ' + response.status);
		}
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		(async () => {
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) {
						return;
					}
					buffer += decoder.decode(value, { stream: true });
					let index;
					while ((index = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, index);
						buffer = buffer.slice(index + 2);
						const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
						if (data) {
							onEvent(JSON.parse(data));
						}
					}
				}
			}
			catch (e) {
				// aborted at the end
			}
		})();
	});
	return { ready, close: () => controller.abort() };
}

function percentile(sorted, p) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))] : NaN;
}

const TICKS_PER_SECOND = 100;
function cpuSeconds(pids) {
	const stat = (pid) => {
		try {
			const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
			return text.slice(text.lastIndexOf(')') + 2).split(' ');
		}
		catch (e) {
			return null;
		}
	};
	const wanted = new Set(pids);
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}
		const fields = stat(entry);
		// fields[1] is the parent pid; [11], [12] user and system time; [13], [14] of waited-for children
		if (fields && (wanted.has(entry) || wanted.has(fields[1]))) {
			ticks += Number(fields[11]) + Number(fields[12]);
			if (wanted.has(entry)) {
				ticks += Number(fields[13]) + Number(fields[14]);
			}
		}
	}
	return ticks / TICKS_PER_SECOND;
}
const cpuPids = (process.env.CPU_PIDS || '').split(/\s+/).filter((p) => /^\d+$/.test(p));

const pending = new Map();
const ackLatencies = [];
const echoLatencies = [];
let failures = 0;

const sessions = [];
const streams = [];
for (let i = 0; i < SESSIONS; i++) {
	const session = await openSession();
	sessions.push(session);
	const stream = openStream(session, (event) => {
		const sentAt = pending.get(event.clientMessageId);
		if (sentAt !== undefined) {
			echoLatencies.push(performance.now() - sentAt);
			pending.delete(event.clientMessageId);
		}
	});
	streams.push(stream);
	await stream.ready;
}
console.log(`opened ${SESSIONS} sessions with open event streams`);

const jobs = [];
for (let m = 0; m < MESSAGES; m++) {
	for (const session of sessions) {
		jobs.push({ session, id: `load-${m}-${Math.random().toString(36).slice(2)}` });
	}
}
let next = 0;
const cpuBefore = cpuPids.length ? cpuSeconds(cpuPids) : 0;
const started = performance.now();
async function worker() {
	while (next < jobs.length && Date.now() < deadline) {
		const job = jobs[next++];
		const sentAt = performance.now();
		pending.set(job.id, sentAt);
		const response = await fetch(base + '/api/chat/sessions/' + job.session.id + '/messages', {
			method: 'POST',
			headers: { Authorization: 'Bearer ' + job.session.token, 'Content-Type': 'application/json' },
			body: JSON.stringify({ clientMessageId: job.id, text: 'pothole on main st near number ' + next })
		});
		await response.arrayBuffer();
		if (response.status === 202) {
			ackLatencies.push(performance.now() - sentAt);
		}
		else {
			failures++;
			pending.delete(job.id);
		}
	}
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const elapsed = (performance.now() - started) / 1000;
const cpuUsed = cpuPids.length ? cpuSeconds(cpuPids) - cpuBefore : 0;
const waitUntil = Date.now() + 10000;
while (pending.size > 0 && Date.now() < waitUntil) {
	await new Promise((resolve) => setTimeout(resolve, 50));
}
streams.forEach((s) => s.close());

ackLatencies.sort((a, b) => a - b);
echoLatencies.sort((a, b) => a - b);
const fmt = (v) => v.toFixed(1);
console.log(`messages: ${ackLatencies.length} accepted, ${failures} refused, in ${elapsed.toFixed(1)} s = ${(ackLatencies.length / elapsed).toFixed(0)} messages/s (concurrency ${CONCURRENCY})`);
console.log(`202 latency ms: p50 ${fmt(percentile(ackLatencies, 50))} p90 ${fmt(percentile(ackLatencies, 90))} p99 ${fmt(percentile(ackLatencies, 99))} max ${fmt(ackLatencies.at(-1) ?? NaN)}`);
console.log(`echo on stream ms: p50 ${fmt(percentile(echoLatencies, 50))} p90 ${fmt(percentile(echoLatencies, 90))} p99 ${fmt(percentile(echoLatencies, 99))} max ${fmt(echoLatencies.at(-1) ?? NaN)}; ${echoLatencies.length} of ${ackLatencies.length} echoes received, ${pending.size} missing`);
if (cpuPids.length) {
	console.log(`server CPU: ${cpuUsed.toFixed(2)} s for ${ackLatencies.length} messages = ${(cpuUsed * 1e6 / Math.max(1, ackLatencies.length)).toFixed(0)} µs per message (processes ${cpuPids.join(' ')} and their children)`);
}
process.exit(failures > 0 || pending.size > 0 ? 1 : 0);
