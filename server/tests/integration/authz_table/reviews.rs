//! Rows for reviews: reading (anyone), writing one's own, helpful marks and reports (signed in),
//! replies (instructors) and moderation (admins).

use app::api::reviews;
use leptos::server_fn::ServerFn;

use super::{Access, Args};

/// Reviews.
pub fn reviews() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (
            reviews::GetReviews::PATH,
            (Public, form(&[("slug", "no-such-course")])),
        ),
        (
            reviews::SubmitReview::PATH,
            (
                SignedIn,
                form(&[("slug", "no-such-course"), ("rating", "5"), ("text", "")]),
            ),
        ),
        (
            reviews::EditReview::PATH,
            (
                SignedIn,
                form(&[("slug", "no-such-course"), ("rating", "5"), ("text", "")]),
            ),
        ),
        (
            reviews::DeleteReview::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
        (
            reviews::ReplyToReview::PATH,
            (
                Instructor,
                form(&[("review_id", "999999"), ("text", "Thanks")]),
            ),
        ),
        (reviews::ListReportedReviews::PATH, (Admin, form(&[]))),
        (reviews::ListNewReviews::PATH, (Instructor, form(&[]))),
        (
            reviews::HideReview::PATH,
            (Admin, form(&[("review_id", "999999"), ("reason", "Spam")])),
        ),
        (
            reviews::DismissReports::PATH,
            (Admin, form(&[("review_id", "999999")])),
        ),
        (
            reviews::MarkHelpful::PATH,
            (SignedIn, form(&[("review_id", "999999")])),
        ),
        (
            reviews::ReportReview::PATH,
            (
                SignedIn,
                form(&[("review_id", "999999"), ("reason", "Spam")]),
            ),
        ),
    ]
}
