//! The public course page.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseDetail;

/// A published course with its curriculum outline; `NotFound` for unknown slugs and drafts.
#[server]
pub async fn get_course(slug: String) -> Result<CourseDetail, AppError> {
    use crate::server::{
        context::{app_state, current_user},
        services::courses,
    };
    let state = app_state()?;
    let viewer = current_user().await?;
    courses::course_detail(&state.db, viewer.as_ref(), &slug).await
}
