//! Reusable UI pieces shared by pages.

mod auth;
mod autosave;
mod back_link;
mod buy;
mod confirm_dialog;
mod course_card;
mod curriculum;
mod enroll;
mod error_view;
mod layout;
mod markdown_preview;
mod pagination;
pub mod progress;
mod skeleton;
mod table_scroll;
mod upload;

pub use auth::{
    field_errors, next_from_query, on_auth_change, on_auth_change_to, session_epoch, AccountPage,
    Field, FormError, SessionEpoch, SubmitButton,
};
pub use autosave::{clear_local, use_autosave, Autosave, SaveIndicator, SaveStatus};
pub use back_link::BackLink;
pub use buy::{BuyButton, CouponState};
pub use confirm_dialog::{Confirm, ConfirmDialog, ConfirmRequest};
pub use course_card::{CourseCard, CourseGrid};
pub use curriculum::Curriculum;
pub use enroll::{EnrollPanel, ProgressBar};
pub use error_view::{set_http_status, ErrorView, NotFound};
pub use layout::{Footer, Header};
pub use markdown_preview::{use_markdown_preview, MarkdownPreview};
pub use pagination::Pagination;
pub use skeleton::CardGridSkeleton;
pub use table_scroll::{CardTable, TableScroll};
pub use upload::{format_bytes, FileUpload};
