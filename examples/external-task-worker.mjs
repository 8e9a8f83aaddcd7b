// An external task worker in plain Node.js (≥ 18, no dependencies): long-polls "sendInvoice" tasks and completes them.
const API = process.env.SERVICEFLOW_API ?? 'http://localhost:3000/api';
const headers = { 'content-type': 'application/json', 'x-api-key': process.env.SERVICEFLOW_KEY };
const workerId = `invoice-worker-${process.pid}`;
const post = (path, body) => fetch(`${API}/external-tasks${path}`, { method: 'POST', headers, body: JSON.stringify({ workerId, ...body }) });

async function sendInvoice(variables) { // your code: return typed variables, or throw to report a failure
  if (!(variables.amount?.value > 0)) throw new Error('no amount to invoice');
  return { invoiceNo: { value: `F-${variables.amount.value}`, type: 'String' } };
}

for (;;) {
  const res = await post('/fetch-and-lock', { maxTasks: 10, asyncResponseTimeout: 30000, topics: [{ topicName: 'sendInvoice', lockDuration: 60000 }] }).catch(() => null);
  if (!res?.ok) { await new Promise((r) => setTimeout(r, 5000)); continue; } // server away: try again later
  for (const task of await res.json()) {
    try {
      await post(`/${task.id}/complete`, { variables: await sendInvoice(task.variables) });
    } catch (err) {
      const retries = task.retries === null ? 3 : task.retries - 1; // at 0 the server opens an incident
      await post(`/${task.id}/failure`, { errorMessage: err.message, errorDetails: err.stack, retries, retryTimeout: 10000 });
    }
  }
}
