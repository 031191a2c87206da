/**
 * The classic script the browser shell injects before the app bundle. It defines
 * `window.api` with the same `{ invoke, on }` shape as the Electron preload, over
 * `fetch` (invoke) and Server-Sent Events (events), plus `uploadFile` (imports stream to the
 * shell; the app uses its open dialog instead). The session cookie authenticates.
 */
export const BRIDGE_SCRIPT = `(() => {
  'use strict';
  const listeners = new Map();
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/__shell/events');
    source.onmessage = (message) => {
      let data;
      try { data = JSON.parse(message.data); } catch { return; }
      const set = listeners.get(data.channel);
      if (set) for (const fn of Array.from(set)) { try { fn(data.payload); } catch (e) { console.error(e); } }
    };
  }
  const api = {
    async invoke(channel, input) {
      try {
        const res = await fetch('/__shell/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ channel, input: input === undefined ? {} : input }),
        });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', reason: 'app.noBridge' } };
      }
    },
    async uploadFile(file, purpose) {
      try {
        const res = await fetch('/__shell/upload?purpose=' + encodeURIComponent(purpose) + '&name=' + encodeURIComponent(file.name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
        });
        if (!res.ok) return { ok: false, error: { code: 'FORBIDDEN', message: 'The upload was refused.' } };
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: 'The browser shell cannot be reached.' } };
      }
    },
    on(channel, listener) {
      ensureEvents();
      let set = listeners.get(channel);
      if (!set) { set = new Set(); listeners.set(channel, set); }
      set.add(listener);
      return () => { set.delete(listener); };
    },
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();
`
