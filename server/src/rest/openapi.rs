//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations and types.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    admin, catalogue, me, problem::Problem, teach, teach_bank, teach_courses, teach_curriculum,
    teach_lessons,
};

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
        teach_courses::create,
        teach_courses::get,
        teach_courses::update,
        teach_courses::publish,
        teach_courses::unpublish,
        teach_curriculum::add_section,
        teach_curriculum::rename_section,
        teach_curriculum::delete_section,
        teach_curriculum::add_lesson,
        teach_curriculum::delete_lesson,
        teach_curriculum::reorder,
        teach_lessons::get,
        teach_lessons::update,
        teach_bank::import,
        teach_bank::export,
        admin::users,
        admin::set_role,
    ),
    components(schemas(Problem, me::ProgressBatch)),
    modifiers(&Bearer, &ProblemJson),
    tags(
        (name = "catalogue", description = "Published courses"),
        (name = "me", description = "The caller's account, enrollments and progress"),
        (name = "teach", description = "An instructor's courses, curricula, question banks, \
            gradebooks and statistics"),
        (name = "admin", description = "Users and roles"),
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

/// Says that every error answer (4xx, 5xx) is `application/problem+json`, as [`Problem`]
/// sends it, rather than the `application/json` the annotations imply.
struct ProblemJson;

impl Modify for ProblemJson {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                for (status, response) in operation.responses.responses.iter_mut() {
                    let utoipa::openapi::RefOr::T(response) = response else {
                        continue;
                    };
                    if !status.starts_with('4') && !status.starts_with('5') {
                        continue;
                    }
                    if let Some(content) = response.content.shift_remove("application/json") {
                        response
                            .content
                            .insert("application/problem+json".to_owned(), content);
                    }
                }
            }
        }
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
