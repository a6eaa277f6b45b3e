// Talking to the rasd API: JSON in and out, the CSRF token on every change.

let csrf = null;

export function setCsrf(token) { csrf = token; }

export class ApiError extends Error {
  constructor(status, detail) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.status = status;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

async function handle(res) {
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) throw new ApiError(res.status, body && body.detail ? body.detail : res.statusText);
  return body;
}

export async function get(path, params) {
  const res = await fetch(path + query(params), { credentials: "same-origin" });
  return handle(res);
}

export async function post(path, data) {
  const headers = { "Content-Type": "application/json" };
  if (csrf) headers["X-CSRF-Token"] = csrf;
  const res = await fetch(path, {
    method: "POST", credentials: "same-origin", headers, body: JSON.stringify(data ?? {}),
  });
  return handle(res);
}
