import * as Y from 'yjs';

/** A named snapshot of a proposal's text, kept by the server. */
export interface Version {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: number;
}

/** The versions HTTP API (docs/collab.md), with the participant's bearer token. */
export interface VersionsApi {
  list(): Promise<Version[]>;
  save(name: string): Promise<Version>;
  /** The text as it was at that version, in a fresh Y.Doc. */
  load(versionId: string): Promise<Y.Doc>;
}

/** Turns base64 (the wire form of `Y.encodeStateAsUpdate`) into bytes, in the browser or Node. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Versions of one proposal, over `fetch` at `baseUrl` (same origin by default). */
export function versionsApi(proposalId: string, token: string, baseUrl = ''): VersionsApi {
  const root = `${baseUrl}/api/proposals/${encodeURIComponent(proposalId)}/versions`;
  const call = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      throw new Error(body?.error?.code ?? `http_${res.status}`);
    }
    return (await res.json()) as T;
  };
  return {
    list: async () => (await call<{ versions: Version[] }>(root)).versions,
    save: async (name) =>
      (await call<{ version: Version }>(root, { method: 'POST', body: JSON.stringify({ name }) })).version,
    load: async (versionId) => {
      const { state } = await call<{ state: string }>(`${root}/${encodeURIComponent(versionId)}`);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, fromBase64(state));
      return doc;
    },
  };
}
