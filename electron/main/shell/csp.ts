/**
 * The Content-Security-Policy of the renderer, sent as a header by the app:// protocol
 * and mirrored by the meta tag in renderer/index.html.
 *
 * `style-src 'unsafe-inline'` is needed by Mantine, which writes CSS variables in
 * `<style>` tags and style attributes; scripts stay `'self'` only (no eval, no inline).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
