//! Payments end to end through the real router: Stripe (a fake Stripe API on loopback) and the
//! demo checkout. A learner is charged once, gets access exactly once, and loses it when
//! refunded, whatever the order or number of webhook deliveries.

use app::api::learning::GetLessonPage;
use app::api::payments::{
    ConfirmCheckout, GetDemoCheckout, GetReceipt, ListAllPurchases, ListPurchases, PayDemoCheckout,
    RefundPurchase, StartCheckout,
};
use app::error::AppError;
use app::models::{
    AdminPurchasePage, CheckoutStart, CheckoutState, CheckoutStatus, PurchaseRow, Receipt, Role,
};
use app::server::entities::{enrollment, lesson_progress, payment_event, purchase};
use app::server::payments::signature;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::common::courses::{course, Fixture};
use crate::common::fake_stripe::{FakeStripe, SECRET_KEY, WEBHOOK_SECRET};
use crate::common::learning::event;
use crate::common::{err, form, ok, person, Backend, Person, Sessions, TestApp};

const PRICE: i64 = 4_900;

async fn stripe_app(backend: Backend) -> (TestApp, FakeStripe) {
    let fake = FakeStripe::start().await;
    let base = fake.base.clone();
    let app = TestApp::start_with(backend, Sessions::Memory, move |config| {
        config.stripe_secret_key = Some(SECRET_KEY.into());
        config.stripe_webhook_secret = Some(WEBHOOK_SECRET.into());
        config.stripe_api_base = base;
    })
    .await;
    (app, fake)
}

async fn paid_course(app: &TestApp) -> Fixture {
    let ada = person(app, "ada@example.org", Role::Instructor).await;
    course(app, ada.id, "paid", true, PRICE, 2, &[0]).await
}

/// Starts a checkout as `who` and returns the Stripe session id from the payment page URL.
async fn checkout(app: &TestApp, who: &Person) -> String {
    let start: CheckoutStart = ok(form::<StartCheckout>(app, who, &[("slug", "paid")]).await);
    start
        .url
        .rsplit('/')
        .next()
        .expect("session id in the url")
        .to_owned()
}

/// Delivers `event` to the webhook signed as Stripe would, with no Origin and no cookie.
async fn deliver(app: &TestApp, event: &serde_json::Value) -> (u16, String) {
    let body = serde_json::to_vec(event).expect("json");
    let header = signature::sign(&body, WEBHOOK_SECRET, chrono::Utc::now().timestamp());
    post_webhook(app, Some(header), body).await
}

async fn post_webhook(app: &TestApp, header: Option<String>, body: Vec<u8>) -> (u16, String) {
    let client = reqwest::Client::new();
    let mut request = client
        .post(app.url("/webhooks/stripe"))
        .header("content-type", "application/json")
        .body(body);
    if let Some(header) = header {
        request = request.header("stripe-signature", header);
    }
    let response = request.send().await.expect("deliver");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

fn completed(id: &str, session: &str) -> serde_json::Value {
    json!({"id": id, "object": "event", "type": "checkout.session.completed",
        "data": {"object": {"id": session, "object": "checkout.session"}}})
}

fn refunded(id: &str, intent: &str) -> serde_json::Value {
    json!({"id": id, "object": "event", "type": "charge.refunded",
        "data": {"object": {"id": format!("ch_{intent}"), "object": "charge", "payment_intent": intent, "refunded": true}}})
}

async fn purchases_of(app: &TestApp, user: i64) -> Vec<purchase::Model> {
    purchase::Entity::find()
        .filter(purchase::Column::UserId.eq(user))
        .all(&app.db)
        .await
        .expect("purchases")
}

async fn enrolled(app: &TestApp, user: i64, course: i64) -> bool {
    enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user))
        .filter(enrollment::Column::CourseId.eq(course))
        .count(&app.db)
        .await
        .expect("count")
        > 0
}

async fn lesson_status(app: &TestApp, who: &Person, lesson: &str) -> u16 {
    form::<GetLessonPage>(app, who, &[("course", "paid"), ("lesson", lesson)])
        .await
        .0
}

async fn one_purchase_however_often_the_event_arrives(backend: Backend) {
    let (app, fake) = stripe_app(backend).await;
    let c = paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    assert_eq!(
        lesson_status(&app, &lea, "l2").await,
        403,
        "paid lesson closed before buying"
    );

    let session = checkout(&app, &lea).await;
    let again = checkout(&app, &lea).await;
    assert_eq!(again, session, "a double click makes one Checkout Session");
    let creates: Vec<_> = fake
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST" && s.path == "/v1/checkout/sessions")
        .collect();
    assert_eq!(creates.len(), 2);
    assert_eq!(creates[0].idempotency_key, creates[1].idempotency_key);
    let sent = &creates[0].form;
    assert_eq!(
        sent["line_items[0][price_data][unit_amount]"],
        PRICE.to_string(),
        "the price comes from the database"
    );
    assert_eq!(sent["line_items[0][price_data][currency]"], "usd");
    assert_eq!(sent["metadata[course_id]"], c.id.to_string());
    assert_eq!(sent["metadata[user_id]"], lea.id.to_string());
    assert!(sent["success_url"].ends_with("/checkout/success?session_id={CHECKOUT_SESSION_ID}"));
    assert_eq!(
        creates[0].authorization.as_deref(),
        Some(format!("Bearer {SECRET_KEY}").as_str())
    );

    // Unpaid: the event (if it came) grants nothing.
    assert_eq!(
        deliver(&app, &completed("evt_early", &session)).await.0,
        200
    );
    assert!(purchases_of(&app, lea.id).await.is_empty());

    fake.pay(&session);
    for _ in 0..20 {
        let (status, body) = deliver(&app, &completed("evt_paid", &session)).await;
        assert_eq!(status, 200, "{body}");
    }
    // Ten more deliveries of another event for the same session, at once.
    let concurrent = completed("evt_paid_async", &session);
    let deliveries = (0..10).map(|_| deliver(&app, &concurrent));
    for (status, body) in futures_util::future::join_all(deliveries).await {
        assert_eq!(status, 200, "{body}");
    }
    let bought = purchases_of(&app, lea.id).await;
    assert_eq!(bought.len(), 1, "one purchase");
    assert_eq!(
        (bought[0].amount_cents, bought[0].status.as_str()),
        (PRICE, "paid")
    );
    assert!(enrolled(&app, lea.id, c.id).await);
    assert_eq!(
        lesson_status(&app, &lea, "l2").await,
        200,
        "paid lesson open"
    );
    let events = payment_event::Entity::find()
        .count(&app.db)
        .await
        .expect("events");
    assert_eq!(events, 3, "each event id recorded once");

    // The course is never offered again.
    let refused = err(form::<StartCheckout>(&app, &lea, &[("slug", "paid")]).await);
    assert_eq!(
        refused,
        AppError::Conflict("You already own this course.".into())
    );
}

async fn every_order_of_completed_and_refunded_ends_refunded(backend: Backend) {
    let (app, fake) = stripe_app(backend).await;
    let c = paid_course(&app).await;
    // Four deliveries: the completion, its retry under a new id, the async success and the refund.
    let orders: Vec<[usize; 4]> = {
        let mut all = Vec::new();
        for a in 0..4 {
            for b in 0..4 {
                for c in 0..4 {
                    for d in 0..4 {
                        let order = [a, b, c, d];
                        let mut seen = [false; 4];
                        if order
                            .iter()
                            .all(|&i| !std::mem::replace(&mut seen[i], true))
                        {
                            all.push(order);
                        }
                    }
                }
            }
        }
        all.into_iter().take(20).collect()
    };
    assert_eq!(orders.len(), 20);
    // One learner buys again after each refund: every order on a new checkout.
    let who = person(&app, "buyer@example.org", Role::Learner).await;
    for (n, order) in orders.iter().enumerate() {
        let session = checkout(&app, &who).await;
        let intent = fake.pay(&session);
        let events = [
            completed(&format!("evt_{n}_c"), &session),
            completed(&format!("evt_{n}_c_retry"), &session),
            json!({"id": format!("evt_{n}_a"), "type": "checkout.session.async_payment_succeeded",
                "data": {"object": {"id": session}}}),
            refunded(&format!("evt_{n}_r"), &intent),
        ];
        for &i in order {
            if i == 3 {
                // The refund happens at Stripe just before its event is sent.
                fake.refund_session(&session);
            }
            assert_eq!(deliver(&app, &events[i]).await.0, 200, "order {order:?}");
        }
        let bought = purchases_of(&app, who.id).await;
        assert_eq!(
            bought.len(),
            n + 1,
            "order {order:?}: one purchase per checkout"
        );
        assert!(
            bought.iter().all(|p| p.status == "refunded"),
            "order {order:?}"
        );
        assert!(
            !enrolled(&app, who.id, c.id).await,
            "order {order:?}: no access"
        );
    }
}

async fn webhooks_need_a_valid_recent_signature(backend: Backend) {
    let (app, fake) = stripe_app(backend).await;
    paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let session = checkout(&app, &lea).await;
    fake.pay(&session);
    let body = serde_json::to_vec(&completed("evt_forged", &session)).expect("json");
    let now = chrono::Utc::now().timestamp();
    let cases = [
        ("unsigned", None),
        (
            "another secret",
            Some(signature::sign(&body, "whsec_attacker", now)),
        ),
        (
            "ten minutes old",
            Some(signature::sign(&body, WEBHOOK_SECRET, now - 600)),
        ),
        (
            "from the future",
            Some(signature::sign(&body, WEBHOOK_SECRET, now + 600)),
        ),
        ("garbage", Some("t=abc,v1=zz".to_owned())),
    ];
    for (what, header) in cases {
        let (status, _) = post_webhook(&app, header, body.clone()).await;
        assert_eq!(status, 400, "{what}");
    }
    let mut tampered = body.clone();
    tampered.extend_from_slice(b"\n");
    let header = signature::sign(&body, WEBHOOK_SECRET, now);
    assert_eq!(
        post_webhook(&app, Some(header), tampered).await.0,
        400,
        "tampered body"
    );
    assert!(purchases_of(&app, lea.id).await.is_empty());
    assert_eq!(
        payment_event::Entity::find()
            .count(&app.db)
            .await
            .expect("n"),
        0
    );
    // Signed properly, with no Origin header: accepted.
    assert_eq!(deliver(&app, &completed("evt_real", &session)).await.0, 200);
    assert_eq!(purchases_of(&app, lea.id).await.len(), 1);
}

async fn a_different_charged_amount_grants_nothing(backend: Backend) {
    let (app, fake) = stripe_app(backend).await;
    let c = paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let session = checkout(&app, &lea).await;
    fake.charge_instead(&session, 100);
    fake.pay(&session);
    assert_eq!(
        deliver(&app, &completed("evt_cheap", &session)).await.0,
        200
    );
    assert!(purchases_of(&app, lea.id).await.is_empty());
    assert!(!enrolled(&app, lea.id, c.id).await);
    let status: CheckoutStatus =
        ok(form::<ConfirmCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert_eq!(status.state, CheckoutState::Pending);
}

async fn an_admin_refund_ends_access_and_keeps_progress(backend: Backend) {
    let (app, fake) = stripe_app(backend).await;
    let c = paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let boss = person(&app, "boss@example.org", Role::Admin).await;
    let session = checkout(&app, &lea).await;
    let intent = fake.pay(&session);
    // No webhook yet: the success page confirms with Stripe itself.
    let status: CheckoutStatus =
        ok(form::<ConfirmCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert_eq!(
        status.state,
        CheckoutState::Paid {
            lesson_href: Some("/courses/paid/lessons/l1".into())
        }
    );
    let recorded = crate::common::learning::record(
        &app,
        &lea,
        json!([event(
            1,
            c.lessons[1],
            "completed",
            None,
            "2026-11-20T10:00:00Z"
        )]),
    )
    .await;
    assert!(recorded.is_ok(), "{recorded:?}");
    let bought = purchases_of(&app, lea.id).await;
    let id = bought[0].id.to_string();

    let reason = [("id", id.as_str()), ("reason", "Bought by mistake")];
    let denied = form::<RefundPurchase>(&app, &lea, &reason).await;
    assert_eq!(denied.0, 403, "learners cannot refund");
    let no_reason =
        err(form::<RefundPurchase>(&app, &boss, &[("id", &id), ("reason", "  ")]).await);
    assert!(
        matches!(no_reason, AppError::Validation(ref f) if f.contains_key("reason")),
        "{no_reason:?}"
    );
    assert_eq!(
        lesson_status(&app, &lea, "l2").await,
        200,
        "a refused refund changes nothing"
    );
    let _: () = ok(form::<RefundPurchase>(&app, &boss, &reason).await);
    let refunds: Vec<_> = fake
        .seen()
        .into_iter()
        .filter(|s| s.path == "/v1/refunds")
        .collect();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].form["payment_intent"], intent);
    assert_eq!(
        lesson_status(&app, &lea, "l2").await,
        403,
        "access ended at once"
    );
    assert_eq!(
        lesson_status(&app, &lea, "l1").await,
        200,
        "the free preview stays open"
    );
    // Stripe's own event arrives later and changes nothing.
    assert_eq!(deliver(&app, &refunded("evt_refund", &intent)).await.0, 200);
    let after = purchases_of(&app, lea.id).await;
    assert_eq!((after.len(), after[0].status.as_str()), (1, "refunded"));
    let kept = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(lea.id))
        .count(&app.db)
        .await
        .expect("progress");
    assert_eq!(kept, 1, "progress kept");
    let again = err(form::<RefundPurchase>(&app, &boss, &reason).await);
    assert_eq!(
        again,
        AppError::Conflict("This purchase is already refunded.".into())
    );
    let purchases: Vec<PurchaseRow> = ok(form::<ListPurchases>(&app, &lea, &[]).await);
    assert_eq!(purchases[0].status, "refunded");
    let listed: AdminPurchasePage = ok(form::<ListAllPurchases>(&app, &boss, &[]).await);
    assert_eq!(listed.total, 1);
    assert_eq!(listed.items[0].buyer_email, "lea@example.org");
    assert_eq!(
        listed.items[0].refund_reason.as_deref(),
        Some("Bought by mistake")
    );

    // A dispute (chargeback) is recorded once and shown to admins with its purchase.
    let dispute = json!({"id": "evt_dispute", "type": "charge.dispute.created",
        "data": {"object": {"id": "dp_1", "object": "dispute", "payment_intent": intent,
            "amount": PRICE, "currency": "usd", "reason": "fraudulent", "status": "needs_response"}}});
    assert_eq!(deliver(&app, &dispute).await.0, 200);
    let replay = json!({"id": "evt_dispute_again", "type": "charge.dispute.created",
        "data": {"object": {"id": "dp_1", "payment_intent": intent, "amount": PRICE,
            "currency": "usd", "reason": "fraudulent", "status": "needs_response"}}});
    assert_eq!(deliver(&app, &replay).await.0, 200);
    let listed: AdminPurchasePage = ok(form::<ListAllPurchases>(&app, &boss, &[]).await);
    assert_eq!(listed.disputes.len(), 1);
    assert_eq!(listed.disputes[0].purchase_id, Some(bought[0].id));
    assert_eq!(
        (
            listed.disputes[0].reason.as_str(),
            listed.disputes[0].amount_cents
        ),
        ("fraudulent", PRICE)
    );
    assert!(listed.items[0].disputed);
    assert_eq!(form::<ListAllPurchases>(&app, &lea, &[]).await.0, 403);
}

async fn demo_checkout_from_buy_to_receipt(backend: Backend) {
    let app = TestApp::start_with(backend, Sessions::Memory, |config| config.demo = true).await;
    let c = paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let eve = person(&app, "eve@example.org", Role::Learner).await;
    let start: CheckoutStart = ok(form::<StartCheckout>(&app, &lea, &[("slug", "paid")]).await);
    assert!(
        start.url.starts_with("/checkout/demo/cs_demo_"),
        "{}",
        start.url
    );
    let session = start.url.rsplit('/').next().expect("id").to_owned();
    let page: app::models::DemoCheckout =
        ok(form::<GetDemoCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert_eq!(
        (page.amount_cents, page.currency.as_str(), page.paid),
        (PRICE, "USD", false)
    );
    // Someone else cannot see or pay it.
    assert_eq!(
        form::<GetDemoCheckout>(&app, &eve, &[("session_id", &session)])
            .await
            .0,
        404
    );
    assert_eq!(
        form::<PayDemoCheckout>(&app, &eve, &[("session_id", &session)])
            .await
            .0,
        404
    );
    assert!(purchases_of(&app, lea.id).await.is_empty());

    let next: String = ok(form::<PayDemoCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert_eq!(next, format!("/checkout/success?session_id={session}"));
    let _: String = ok(form::<PayDemoCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert_eq!(
        purchases_of(&app, lea.id).await.len(),
        1,
        "paying twice buys once"
    );
    assert!(enrolled(&app, lea.id, c.id).await);
    let status: CheckoutStatus =
        ok(form::<ConfirmCheckout>(&app, &lea, &[("session_id", &session)]).await);
    assert!(matches!(status.state, CheckoutState::Paid { .. }));
    assert_eq!(
        form::<ConfirmCheckout>(&app, &eve, &[("session_id", &session)])
            .await
            .0,
        404
    );

    let list: Vec<PurchaseRow> = ok(form::<ListPurchases>(&app, &lea, &[]).await);
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].course_slug.as_str(), list[0].amount_cents),
        ("paid", PRICE)
    );
    let receipt: Receipt =
        ok(form::<GetReceipt>(&app, &lea, &[("id", &list[0].id.to_string())]).await);
    assert_eq!(receipt.buyer_email, "lea@example.org");
    assert_eq!(receipt.purchase.number, format!("LCT-{:06}", list[0].id));
    assert_eq!(
        form::<GetReceipt>(&app, &eve, &[("id", &list[0].id.to_string())])
            .await
            .0,
        404
    );
    let none: Vec<PurchaseRow> = ok(form::<ListPurchases>(&app, &eve, &[]).await);
    assert!(none.is_empty());

    // The pages render on the server for a visitor without JavaScript.
    let (status, html) = get_as(&app, &lea, "/account/purchases").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Course paid") && html.contains("$49.00"),
        "purchases page"
    );
    let (status, html) = get_as(&app, &lea, &format!("/account/purchases/{}", list[0].id)).await;
    assert_eq!(status, 200);
    assert!(html.contains(&receipt.purchase.number), "receipt page");
    let (_, html) = get_as(&app, &lea, &start.url).await;
    assert!(
        html.contains("Demo payment: no card is charged"),
        "demo checkout page"
    );
}

async fn get_as(app: &TestApp, who: &Person, path: &str) -> (u16, String) {
    let response = who.client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn without_a_provider_paid_courses_are_refused_clearly(backend: Backend) {
    let app = TestApp::empty(backend).await;
    paid_course(&app).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let refused = err(form::<StartCheckout>(&app, &lea, &[("slug", "paid")]).await);
    assert_eq!(
        refused,
        AppError::Conflict(app::server::payments::PURCHASES_OFF.into())
    );
    let body = serde_json::to_vec(&completed("evt_x", "cs_x")).expect("json");
    let header = signature::sign(&body, "anything", chrono::Utc::now().timestamp());
    assert_eq!(post_webhook(&app, Some(header), body).await.0, 400);
}

on_both_backends! {
    payments_one_purchase_per_checkout => one_purchase_however_often_the_event_arrives;
    payments_event_orders => every_order_of_completed_and_refunded_ends_refunded;
    payments_webhook_signatures => webhooks_need_a_valid_recent_signature;
    payments_amount_mismatch => a_different_charged_amount_grants_nothing;
    payments_admin_refund => an_admin_refund_ends_access_and_keeps_progress;
    payments_demo_checkout => demo_checkout_from_buy_to_receipt;
    payments_off => without_a_provider_paid_courses_are_refused_clearly;
}
