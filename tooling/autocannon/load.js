'use strict';
// One load of the performance table, driven by autocannon: the settings come as one JSON argument,
// one JSON line of figures goes to stdout. Closed loop: each connection sends its next request once
// the previous one is answered, so the rate is what the server sustains at that concurrency.
//
// Settings: url (the service's base, ending with '/'), kind ('get' | 'pages' | 'interaction' | 'batch'),
// path ('get' only), pathsFile ('pages' only: a file of paths, one a line, each connection requesting
// them in order and starting again from the first), connections, durationSeconds and warmUpSeconds, or
// amount and warmUpAmount (requests over all connections: a load of so many requests rather than so
// long), token, ownerPrefix, owners, contacts, idPrefix, linesPerBatch.
// An answer counts as correct when it is 200 ('get'), 200 with at least one item ('pages'), 202
// ('interaction'), or 200 with every line of the batch accepted ('batch'); the caller asserts that
// every answer was correct.
const fs = require('fs');
const autocannon = require('autocannon');

const settings = JSON.parse(process.argv[2]);
let sequence = 0;

function pick(count) {
  return Math.floor(Math.random() * count);
}

function interaction(id) {
  return {
    interactionId: id,
    contactId: 'contact-' + pick(settings.contacts),
    // Within the last year, so that every interaction is folded the same way whatever its order.
    occurredAt: new Date(Date.now() - 60000 - pick(365 * 24 * 3600) * 1000).toISOString(),
    channel: 'EMAIL',
    direction: 'OUTBOUND',
  };
}

function requests() {
  const headers = { authorization: 'Bearer ' + settings.token };
  if (settings.kind === 'get') {
    return [{ method: 'GET', path: settings.path, headers }];
  }
  if (settings.kind === 'pages') {
    return fs.readFileSync(settings.pathsFile, 'utf8').split('\n').filter((path) => path.length > 0)
      .map((path) => ({ method: 'GET', path, headers }));
  }
  return [request(headers)];
}

function request(headers) {
  if (settings.kind === 'interaction') {
    return {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        path: '/v1/owners/' + settings.ownerPrefix + '-' + pick(settings.owners) + '/interactions',
        body: JSON.stringify(interaction(settings.idPrefix + '-' + process.pid + '-' + sequence++)),
      }),
    };
  }
  return {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
    setupRequest: (req) => {
      const ownerId = settings.ownerPrefix + '-' + pick(settings.owners);
      const lines = [];
      for (let i = 0; i < settings.linesPerBatch; i++) {
        lines.push(JSON.stringify({ kind: 'interaction', ...interaction(settings.idPrefix + '-' + process.pid + '-' + sequence++) }));
      }
      return { ...req, path: '/v1/owners/' + ownerId + '/batch', body: lines.join('\n') + '\n' };
    },
  };
}

function run(load) {
  let correct = 0;
  let wrong = null;
  const expected = settings.kind === 'interaction' ? 202 : 200;
  const onResponse = (status, body) => {
    let ok = status === expected;
    if (ok && settings.kind === 'batch') {
      const answer = JSON.parse(body);
      ok = answer.accepted === settings.linesPerBatch && answer.rejectedCount === 0;
    } else if (ok && settings.kind === 'pages') {
      ok = String(body).includes('"items":[{');
    }
    if (ok) {
      correct++;
    } else if (wrong === null) {
      wrong = status + ' ' + String(body).slice(0, 300);
    }
  };
  return new Promise((resolve, reject) => {
    autocannon({
      url: settings.url,
      connections: settings.connections,
      ...load,
      timeout: 60,
      requests: requests().map((request) => ({ ...request, onResponse })),
    }, (error, result) => (error ? reject(error) : resolve({ result, correct, wrong })));
  });
}

(async () => {
  if (settings.warmUpAmount > 0) {
    await run({ amount: settings.warmUpAmount });
  } else if (settings.warmUpSeconds > 0) {
    await run({ duration: settings.warmUpSeconds });
  }
  const { result, correct, wrong } = await run(settings.amount > 0 ? { amount: settings.amount } : { duration: settings.durationSeconds });
  process.stdout.write(JSON.stringify({
    requests: result.requests.total,
    correct,
    firstWrong: wrong,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  }) + '\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
