//! The footer's information pages.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::InfoPage;

/// Information page `name` (`help`, `terms`, `privacy` or `contact`). Public by design;
/// any other name (checked before anything is read) is `NotFound`.
#[server]
pub async fn get_info_page(name: String) -> Result<InfoPage, AppError> {
    use crate::server::services::info_pages;
    if name.len() > 16 {
        return Err(AppError::NotFound);
    }
    info_pages::page(info_pages::pages_dir().as_deref(), &name).await
}
