'use strict';
// The freshness row's load: interactions sent open loop, each at its due time whatever the answers'
// pace, over a pool of keep-alive HTTP/1.1 connections, by Node's own http module (no dependency).
// The settings come as one JSON argument: url (ingestion-service's base, ending with '/'), token,
// rate (requests per second), seconds, owners, ownerPrefix, contactPrefix, maxSockets.
// Request i goes to owner ownerPrefix-(i % owners) and contact contactPrefix-i: each to a tie of its own.
// stdout: one JSON line per request, {key, occurredAt, sentAt, answeredAt, status} (instants in
// epoch milliseconds with microseconds, the machine's clock, comparable with the JVM's Instant.now()),
// then a summary line {summary: {sent, late, sendingSeconds}}.
const http = require('http');
const { performance } = require('perf_hooks');

const settings = JSON.parse(process.argv[2]);
const total = settings.rate * settings.seconds;
const intervalMs = 1000 / settings.rate;
const agent = new http.Agent({ keepAlive: true, maxSockets: settings.maxSockets });
const base = new URL(settings.url);

function epochMs() {
  return performance.timeOrigin + performance.now();
}

const results = new Array(total);
let answered = 0;
let late = 0;
// Each interaction occurred a second before it is sent: newer than anything else its tie has.
const firstDue = epochMs() + 1000;

function send(i) {
  const owner = settings.ownerPrefix + '-' + (i % settings.owners);
  const contact = settings.contactPrefix + '-' + i;
  const occurredAt = new Date(Math.floor(firstDue + i * intervalMs - 1000)).toISOString();
  const body = JSON.stringify({ interactionId: settings.contactPrefix + '-' + i, contactId: contact, occurredAt, channel: 'EMAIL', direction: 'OUTBOUND' });
  const result = { key: owner + '/' + contact, occurredAt, sentAt: epochMs(), answeredAt: null, status: 0 };
  results[i] = result;
  const request = http.request({
    agent,
    host: base.hostname,
    port: base.port,
    method: 'POST',
    path: base.pathname + 'v1/owners/' + owner + '/interactions',
    headers: { authorization: 'Bearer ' + settings.token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  }, (response) => {
    response.resume();
    response.on('end', () => {
      result.answeredAt = epochMs();
      result.status = response.statusCode;
      finish();
    });
  });
  request.on('error', (error) => {
    result.answeredAt = epochMs();
    result.status = -1;
    result.error = String(error);
    finish();
  });
  request.end(body);
}

function finish() {
  answered++;
  if (answered === total) {
    const lines = results.map((result) => JSON.stringify(result));
    lines.push(JSON.stringify({ summary: { sent: total, late, sendingSeconds: (results[total - 1].sentAt - results[0].sentAt) / 1000 } }));
    process.stdout.write(lines.join('\n') + '\n', () => process.exit(0));
  }
}

// The sender wakes every millisecond and sends whatever has come due: a request more than 5 ms past
// its due time counts as late (the generator, not the service, fell behind).
let next = 0;
function tick() {
  const now = epochMs();
  while (next < total && firstDue + next * intervalMs <= now) {
    if (now - (firstDue + next * intervalMs) > 5) {
      late++;
    }
    send(next++);
  }
  if (next < total) {
    setTimeout(tick, 1);
  }
}
setTimeout(tick, Math.max(0, firstDue - epochMs()));
