//! Giving instructors their stable, unique profile slug.

use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    SqlErr,
};

use crate::error::AppError;
use crate::models::instructor::MAX_PROFILE_SLUG_CHARS;
use crate::server::entities::user;

/// Whether `slug` could be a profile slug: lowercase ASCII letters, digits and single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_PROFILE_SLUG_CHARS
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug `name` suggests: transliterated, lowercase words joined by `-`, short enough for a
/// `-NN` suffix; `instructor` when nothing is left.
pub fn base_slug(name: &str) -> String {
    let slug = slug::slugify(name);
    let cut: String = slug.chars().take(MAX_PROFILE_SLUG_CHARS - 4).collect();
    let cut = cut.trim_end_matches('-');
    if cut.is_empty() {
        "instructor".to_owned()
    } else {
        cut.to_owned()
    }
}

fn is_unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The profile slug of `user_id`, giving one from the display name when they have none yet.
/// Once given, a slug never changes. `NotFound` for unknown users.
pub async fn assign_slug(db: &impl ConnectionTrait, user_id: i64) -> Result<String, AppError> {
    for _ in 0..3 {
        let person = user::Entity::find_by_id(user_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(slug) = person.slug {
            return Ok(slug);
        }
        let base = base_slug(&person.display_name);
        let mut chosen = None;
        for n in 1..=99 {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let taken = user::Entity::find()
                .filter(user::Column::Slug.eq(candidate.as_str()))
                .count(db)
                .await?
                > 0;
            if !taken {
                chosen = Some(candidate);
                break;
            }
        }
        let candidate = chosen.unwrap_or_else(|| format!("{base}-{user_id}"));
        // Only fills an empty slug: a concurrent call that won keeps its slug.
        let result = user::Entity::update_many()
            .col_expr(user::Column::Slug, Expr::value(candidate.clone()))
            .filter(user::Column::Id.eq(user_id))
            .filter(user::Column::Slug.is_null())
            .exec(db)
            .await;
        match result {
            Ok(_) => continue,
            // Someone else took this slug between our check and the update: try again.
            Err(error) if is_unique_violation(&error) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .and_then(|u| u.slug)
        .ok_or(AppError::Internal)
}
