//! Coupons: instructors create them with field-checked forms, learners see the discounted
//! price before paying and are charged it, limits hold when many learners pay at once, and a
//! redemption counts only once the purchase is made.

use app::api::learning::GetCourseStats;
use app::api::payments::{CreateCoupon, EndCoupon, ListCoupons, PreviewCoupon, StartCheckout};
use app::error::AppError;
use app::models::{CheckoutStart, CouponList, CouponPreview, CouponRow, CourseStats, Role};
use app::server::entities::{checkout, coupon, coupon_redemption, purchase};
use app::server::payments::{signature, Payments};
use app::server::services::payments::{checkout as start, coupons, demo};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::common::courses::course;
use crate::common::fake_stripe::{FakeStripe, SECRET_KEY, WEBHOOK_SECRET};
use crate::common::{err, form, ok, person, user_with_role, Backend, Sessions, TestApp};

const PRICE: i64 = 4_900;

/// A coupon of course `course_id` put straight into the database.
async fn coupon(app: &TestApp, course_id: i64, code: &str, percent: i64, max: Option<i64>) {
    let now = Utc::now();
    coupon::ActiveModel {
        course_id: Set(course_id),
        code: Set(code.to_owned()),
        kind: Set(coupon::KIND_PERCENT.to_owned()),
        amount: Set(percent),
        expires_at: Set(None),
        max_redemptions: Set(max),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("coupon");
}

async fn redeemed(app: &TestApp) -> u64 {
    coupon_redemption::Entity::find()
        .filter(coupon_redemption::Column::RedeemedAt.is_not_null())
        .count(&app.db)
        .await
        .expect("count")
}

fn used_up() -> Result<app::server::payments::CreatedSession, AppError> {
    Err(AppError::field(coupons::FIELD, coupons::USED_UP))
}

async fn the_last_redemption_goes_to_one_learner(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let payments = Payments::demo("whsec_coupons".into());
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let c = course(&app, ada.id, "paid", true, PRICE, 2, &[0]).await;
    coupon(&app, c.id, "LAST1", 20, Some(1)).await;
    let mut learners = Vec::new();
    for i in 0..10 {
        let email = format!("l{i}@example.org");
        learners.push(user_with_role(&app, "Learner", &email, Role::Learner).await);
    }
    let now = Utc::now();
    let attempts = learners.iter().map(|user| {
        let (db, payments) = (app.db.clone(), payments.clone());
        let user = user.clone();
        tokio::spawn(async move {
            start::start(
                &db,
                &payments,
                "http://x",
                &user,
                "paid",
                Some("last1"),
                now,
            )
            .await
        })
    });
    let mut results = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        results.push(attempt.await.expect("task"));
    }
    let won: Vec<usize> = (0..results.len()).filter(|i| results[*i].is_ok()).collect();
    assert_eq!(
        won.len(),
        1,
        "one learner claims the last place: {results:?}"
    );
    assert!(
        results
            .iter()
            .filter(|r| r.is_err())
            .all(|r| *r == used_up()),
        "the others are told it is used up: {results:?}"
    );
    let made = checkout::Entity::find()
        .all(&app.db)
        .await
        .expect("checkouts");
    assert_eq!(made.len(), 1);
    assert_eq!(
        (made[0].amount_cents, made[0].coupon_code.as_deref()),
        (PRICE - PRICE / 5, Some("LAST1"))
    );
    assert_eq!(redeemed(&app).await, 0, "nothing is counted before payment");

    let winner = &learners[won[0]];
    let session = results[won[0]].clone().expect("won").id;
    demo::pay(&app.db, &payments, winner, &session, now)
        .await
        .expect("pay");
    demo::pay(&app.db, &payments, winner, &session, now)
        .await
        .expect("pay again");
    assert_eq!(redeemed(&app).await, 1, "counted once on fulfilment");
    let paid = purchase::Entity::find()
        .all(&app.db)
        .await
        .expect("purchases");
    assert_eq!(
        (
            paid.len(),
            paid[0].amount_cents,
            paid[0].coupon_code.as_deref()
        ),
        (1, PRICE - PRICE / 5, Some("LAST1"))
    );
    // Long after, the redeemed place is still taken.
    let later = now + Duration::hours(2);
    assert_eq!(
        start::start(
            &app.db,
            &payments,
            "http://x",
            &learners[(won[0] + 1) % 10],
            "paid",
            Some("LAST1"),
            later
        )
        .await,
        used_up()
    );
}

async fn an_unpaid_claim_lapses_and_restarting_holds_one_place(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let payments = Payments::demo("whsec_coupons".into());
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let c = course(&app, ada.id, "paid", true, PRICE, 2, &[0]).await;
    coupon(&app, c.id, "TWO", 10, Some(2)).await;
    let mut who = Vec::new();
    for name in ["a", "b", "c"] {
        who.push(user_with_role(&app, name, &format!("{name}@example.org"), Role::Learner).await);
    }
    let now = Utc::now();
    let go = |user: usize, at: chrono::DateTime<Utc>| {
        let (db, payments, user) = (app.db.clone(), payments.clone(), who[user].clone());
        async move { start::start(&db, &payments, "http://x", &user, "paid", Some("TWO"), at).await }
    };
    go(0, now).await.expect("a claims");
    go(0, now + Duration::minutes(12))
        .await
        .expect("a starts again: same place");
    let late = go(1, now + Duration::minutes(13))
        .await
        .expect("b claims the second place")
        .id;
    assert_eq!(
        go(2, now + Duration::minutes(14)).await,
        used_up(),
        "both places held"
    );
    // A's claim lapses 35 minutes after its last start; B's is still held.
    go(2, now + Duration::minutes(48))
        .await
        .expect("c takes a's lapsed place");
    // An unpaid demo checkout cannot be paid once it has expired.
    let refused = demo::pay(
        &app.db,
        &payments,
        &who[1],
        &late,
        now + Duration::minutes(44),
    )
    .await;
    assert_eq!(
        refused,
        Err(AppError::Conflict(demo::EXPIRED_CHECKOUT.into()))
    );
}

async fn coupons_from_the_instructor_form_to_the_charge(backend: Backend) {
    let fake = FakeStripe::start().await;
    let base = fake.base.clone();
    let app = TestApp::start_with(backend, Sessions::Memory, move |config| {
        config.stripe_secret_key = Some(SECRET_KEY.into());
        config.stripe_webhook_secret = Some(WEBHOOK_SECRET.into());
        config.stripe_api_base = base;
    })
    .await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let c = course(&app, ada.id, "paid", true, PRICE, 2, &[0]).await;
    let id = c.id.to_string();
    let create = |code: &'static str,
                  kind: &'static str,
                  amount: &'static str,
                  last: &'static str,
                  max: &'static str| {
        [
            ("course_id", id.clone()),
            ("code", code.into()),
            ("kind", kind.into()),
            ("amount", amount.into()),
            ("last_day", last.into()),
            ("max_redemptions", max.into()),
        ]
    };
    let args = |a: &[(&'static str, String); 6]| {
        a.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let call = |who, a: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let a: Vec<(&str, &str)> = a.iter().map(|(k, v)| (*k, v.as_str())).collect();
            form::<CreateCoupon>(app, who, &a).await
        }
    };
    // Every bad field is named at once.
    let bad = err(call(
        &ada,
        args(&create("a b", "percent", "150", "2020-01-01", "0")),
    )
    .await);
    let AppError::Validation(fields) = bad else {
        panic!("field errors: {bad:?}")
    };
    let named: Vec<&str> = fields.keys().map(String::as_str).collect();
    assert_eq!(named, ["amount", "code", "last_day", "max_redemptions"]);
    let AppError::Validation(fields) =
        err(call(&ada, args(&create("CHEAP", "fixed", "48.60", "", ""))).await)
    else {
        panic!()
    };
    assert!(fields["amount"].contains("smallest amount"), "{fields:?}");
    // Another instructor cannot add coupons to Ada's course.
    assert_eq!(
        call(&bob, args(&create("MINE", "percent", "50", "", "")))
            .await
            .0,
        403
    );

    let row: CouponRow = ok(call(&ada, args(&create("spring-25", "percent", "25", "", "5"))).await);
    assert_eq!(
        (
            row.code.as_str(),
            row.discount.as_str(),
            row.price_with_coupon_cents
        ),
        ("SPRING-25", "25% off", 3675)
    );
    let dup = err(call(&ada, args(&create("Spring-25", "fixed", "5", "", ""))).await);
    assert_eq!(
        dup,
        AppError::field("code", "This course already has a coupon with this code.")
    );

    let preview: CouponPreview =
        ok(form::<PreviewCoupon>(&app, &lea, &[("slug", "paid"), ("code", "spring-25")]).await);
    assert_eq!(
        (preview.price_cents, preview.discounted_cents),
        (PRICE, 3675)
    );
    assert_eq!(
        err(form::<PreviewCoupon>(&app, &lea, &[("slug", "paid"), ("code", "NOPE")]).await),
        AppError::field(coupons::FIELD, coupons::UNKNOWN)
    );
    // The server charges the discounted amount it computed; the browser sends only the code.
    let start: CheckoutStart =
        ok(form::<StartCheckout>(&app, &lea, &[("slug", "paid"), ("coupon", "Spring-25")]).await);
    let session = start.url.rsplit('/').next().expect("id").to_owned();
    let sent = fake
        .seen()
        .into_iter()
        .rev()
        .find(|s| s.path == "/v1/checkout/sessions")
        .expect("created");
    assert_eq!(sent.form["line_items[0][price_data][unit_amount]"], "3675");
    let expires: i64 = sent.form["expires_at"].parse().expect("expires_at");
    assert!(
        (expires - Utc::now().timestamp() - 30 * 60).abs() < 120,
        "a 30-minute session"
    );
    let list: CouponList = ok(form::<ListCoupons>(&app, &ada, &[("course_id", &id)]).await);
    assert_eq!(list.coupons[0].redemptions, 0, "not counted before payment");

    fake.pay(&session);
    let event = json!({"id": "evt_c1", "object": "event", "type": "checkout.session.completed",
        "data": {"object": {"id": session, "object": "checkout.session"}}});
    let body = serde_json::to_vec(&event).expect("json");
    let header = signature::sign(&body, WEBHOOK_SECRET, Utc::now().timestamp());
    let delivered = reqwest::Client::new()
        .post(app.url("/webhooks/stripe"))
        .header("stripe-signature", header)
        .body(body)
        .send()
        .await
        .expect("deliver");
    assert_eq!(delivered.status().as_u16(), 200);
    let list: CouponList = ok(form::<ListCoupons>(&app, &ada, &[("course_id", &id)]).await);
    assert_eq!(
        (list.coupons[0].redemptions, list.coupons[0].status.as_str()),
        (1, "Active")
    );
    assert_eq!(
        form::<ListCoupons>(&app, &bob, &[("course_id", &id)])
            .await
            .0,
        403
    );

    // The sale shows on the course statistics, in the course's currency.
    let stats: CourseStats = ok(form::<GetCourseStats>(&app, &ada, &[("course_id", &id)]).await);
    let today = stats.revenue_per_day.last().expect("today");
    assert_eq!(
        (today.sales, today.sales_cents, today.net_cents()),
        (1, 3675, 3675)
    );
    assert_eq!(stats.currency, "USD");

    // Ended coupons are refused with the reason.
    assert_eq!(
        form::<EndCoupon>(&app, &bob, &[("coupon_id", &row.id.to_string())])
            .await
            .0,
        403
    );
    let _: () = ok(form::<EndCoupon>(&app, &ada, &[("coupon_id", &row.id.to_string())]).await);
    assert_eq!(
        err(form::<PreviewCoupon>(&app, &lea, &[("slug", "paid"), ("code", "SPRING-25")]).await),
        AppError::field(coupons::FIELD, coupons::EXPIRED)
    );
    let (status, html) = {
        let r = lea
            .client
            .get(app.url("/courses/paid?coupon=spring-25"))
            .send()
            .await
            .expect("page");
        (r.status().as_u16(), r.text().await.expect("html"))
    };
    assert_eq!(status, 200);
    assert!(
        html.contains(coupons::EXPIRED),
        "the course page says why without JavaScript"
    );
}

on_both_backends! {
    coupons_last_redemption => the_last_redemption_goes_to_one_learner;
    coupons_claims_lapse => an_unpaid_claim_lapses_and_restarting_holds_one_place;
    coupons_form_to_charge => coupons_from_the_instructor_form_to_the_charge;
}
