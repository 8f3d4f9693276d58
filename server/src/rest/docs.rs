//! `/api/docs`: the API's documentation page. Swagger UI (vendored in `public/api-docs`, no
//! CDN) renders `/api/v1/openapi.json`; without JavaScript the page still says what the API is
//! and links the document and the README's guide.

use axum::response::Html;

/// The page. Static: everything it shows comes from the OpenAPI document.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lectern API documentation</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  .intro { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
  .intro h1 { font-size: 1.5rem; margin: 0.5rem 0; }
  .intro a { color: #3730a3; }
  #swagger-ui { max-width: 100vw; overflow-x: hidden; }
</style>
</head>
<body>
<header class="intro">
  <p><a href="/">← Lectern</a></p>
  <h1>Lectern API documentation</h1>
  <p>Version 1 of Lectern's REST API lives under <code>/api/v1</code>. Authenticate with a
  personal API token (<code>Authorization: Bearer lct_…</code>) created with the scopes it needs on
  <a href="/account">your account page</a>; use "Authorize" below to try calls with one.
  Errors are RFC 9457 problem details.</p>
  <p><a href="/api/v1/openapi.json">Download the OpenAPI 3.1 document (JSON)</a></p>
  <p>The interactive reference below needs JavaScript; the OpenAPI document above lists every
  operation, its parameters and its answers either way.</p>
</header>
<main id="swagger-ui" aria-label="API reference"></main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
"#;

/// `GET /api/docs`.
pub async fn page() -> Html<&'static str> {
    Html(PAGE)
}
