import type { Request, Response } from 'express';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1d2733;background:#f7f8fa}
h1{font-size:1.5rem;color:#0b3a63}code{background:#e8edf3;padding:.1rem .3rem;border-radius:3px}
.card{background:#fff;border:1px solid #d5dde6;border-radius:6px;padding:1rem 1.25rem;margin:1rem 0}
</style></head><body>${body}</body></html>`;

/**
 * The front page: what this is and how to get in, and nothing about the meetings it holds. Anyone
 * can load `/`; a meeting's title, size and state are for its participants (`GET /api/meetings/:id`).
 */
export const homePage = (_req: Request, res: Response) => {
  res.type('html').send(
    layout(
      'IRM Room',
      `<h1>IRM Room</h1>
<p>A realtime meeting room for ITU Inter-Regional Meetings: the chair runs the agenda and the list of speakers; delegates and RTO spokespersons request the floor.</p>
<p>Each participant joins with a personal link of the form <code>/join#token=…</code>, sent by the secretariat; the administrator creates meetings and participants with <code>POST /api/meetings</code> and <code>POST /api/meetings/:id/participants</code> (see docs/protocol.md).</p>`,
    ),
  );
};

/** The join page reads the token from the fragment and shows who it signs in; the full room UI
 * replaces this page with the client app (issue 3). */
export const joinPage = (_req: Request, res: Response) => {
  res.type('html').send(
    layout(
      'Join — IRM Room',
      `<h1>Join the meeting</h1><div class="card" id="who" role="status" aria-live="polite">Checking your link…</div>
<script type="module">
const who = document.getElementById('who');
const token = new URLSearchParams(location.hash.slice(1)).get('token') || sessionStorage.getItem('irm.token');
if (token) { sessionStorage.setItem('irm.token', token); history.replaceState(null, '', location.pathname); }
try {
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const res = await fetch('/api/meetings/' + encodeURIComponent(claims.mid), { headers: { authorization: 'Bearer ' + token } });
  if (!res.ok) throw new Error((await res.json()).error.message);
  const { meeting } = await res.json();
  const me = meeting.participants.find((p) => p.id === claims.sub);
  who.textContent = 'You are signed in to ' + meeting.title + ' as ' + me.name + ' (' + me.delegation + ', ' + me.role + '). The meeting is ' + meeting.status + '.';
} catch (e) {
  who.textContent = 'This link is not valid or has expired: ' + (e.message || e) + '. Ask the secretariat for a new one.';
}
</script>`,
    ),
  );
};
