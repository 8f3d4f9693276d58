//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations and types.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{catalogue, me, problem::Problem, teach};

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lectern API",
        version = "1",
        description = "Lectern's public REST API. Authenticate with a personal API token \
            (`Authorization: Bearer lct_…`, created on /account with the scopes it needs) or \
            from a signed-in browser session. Errors are RFC 9457 problem details; every \
            answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`."
    ),
    paths(
        catalogue::list,
        catalogue::get,
        me::get,
        me::enrollments,
        me::enroll,
        me::unenroll,
        me::record,
        teach::courses,
        teach::gradebook,
        teach::stats,
    ),
    components(schemas(Problem, me::ProgressBatch)),
    modifiers(&Bearer),
    tags(
        (name = "catalogue", description = "Published courses"),
        (name = "me", description = "The caller's account, enrollments and progress"),
        (name = "teach", description = "An instructor's courses, gradebooks and statistics"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer-token security scheme the operations refer to.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal API token (`lct_…`); its scopes are `read`, `learn`, \
                         `teach` and `admin`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
