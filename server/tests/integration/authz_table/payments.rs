//! Rows for payments: buying, the checkout pages, purchases and receipts (signed in), coupon
//! prices (anyone), coupons (instructors) and refunds (admins).

use app::api::payments;
use leptos::server_fn::ServerFn;

use super::{Access, Args};

/// Payments.
pub fn payments() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (
            payments::StartCheckout::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
        (
            payments::ConfirmCheckout::PATH,
            (SignedIn, form(&[("session_id", "cs_no_such_session")])),
        ),
        (
            payments::GetDemoCheckout::PATH,
            (SignedIn, form(&[("session_id", "cs_no_such_session")])),
        ),
        (
            payments::PayDemoCheckout::PATH,
            (SignedIn, form(&[("session_id", "cs_no_such_session")])),
        ),
        (payments::ListPurchases::PATH, (SignedIn, form(&[]))),
        (
            payments::GetReceipt::PATH,
            (SignedIn, form(&[("id", "999999")])),
        ),
        (
            payments::RefundPurchase::PATH,
            (Admin, form(&[("id", "999999"), ("reason", "A test")])),
        ),
        (payments::ListAllPurchases::PATH, (Admin, form(&[]))),
        (
            payments::PreviewCoupon::PATH,
            (
                Public,
                form(&[("slug", "no-such-course"), ("code", "NOPE")]),
            ),
        ),
        (
            payments::ListCoupons::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            payments::CreateCoupon::PATH,
            (
                Instructor,
                form(&[
                    ("course_id", "999999"),
                    ("code", "SPRING"),
                    ("kind", "percent"),
                    ("amount", "20"),
                    ("last_day", ""),
                    ("max_redemptions", ""),
                ]),
            ),
        ),
        (
            payments::EndCoupon::PATH,
            (Instructor, form(&[("coupon_id", "999999")])),
        ),
    ]
}
