// Renders Lectern's OpenAPI document with Swagger UI (both served by Lectern, no CDN).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // A token typed into "Authorize" lives only in this tab.
    persistAuthorization: false,
  });
});
