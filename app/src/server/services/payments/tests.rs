//! Fulfilment through the demo provider on the real schema: one purchase per checkout however
//! often and in whatever order events arrive, refunds ending access, prices from the database.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

use super::fulfil::{reconcile, Reconciled};
use super::*;
use crate::server::entities::{
    checkout as checkout_row, course, enrollment, payment_event, purchase, user,
};
use crate::server::payments::{signature, Payments};
use crate::server::services::accounts::test_support::{db, passwordless};

const SECRET: &str = "whsec_unit";

async fn paid_course(db: &DatabaseConnection, owner: &user::Model, price: i64) -> course::Model {
    let now = Utc::now();
    course::ActiveModel {
        slug: Set("paid-knots".into()),
        title: Set("Paid knots".into()),
        subtitle: Set(String::new()),
        description: Set(String::new()),
        category: Set("design".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(price),
        currency: Set("USD".into()),
        status: Set(course::STATUS_PUBLISHED.into()),
        featured: Set(false),
        instructor_id: Set(owner.id),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("course")
}

struct Fixture {
    db: DatabaseConnection,
    payments: Payments,
    learner: user::Model,
    course: course::Model,
}

async fn fixture() -> Fixture {
    let db = db().await;
    let owner = passwordless(&db, "teacher@example.org", "instructor").await;
    let learner = passwordless(&db, "buyer@example.org", "learner").await;
    let course = paid_course(&db, &owner, 4_900).await;
    Fixture {
        db,
        payments: Payments::demo(SECRET.into()),
        learner,
        course,
    }
}

/// Starts a checkout of the fixture's course as its learner.
async fn start(
    f: &Fixture,
) -> Result<crate::server::payments::CreatedSession, crate::error::AppError> {
    checkout::start(
        &f.db,
        &f.payments,
        "http://x",
        &f.learner,
        "paid-knots",
        None,
        Utc::now(),
    )
    .await
}

async fn counts(f: &Fixture) -> (u64, u64) {
    (
        purchase::Entity::find().count(&f.db).await.expect("count"),
        enrollment::Entity::find()
            .count(&f.db)
            .await
            .expect("count"),
    )
}

fn signed(event: &serde_json::Value) -> (String, Vec<u8>) {
    let body = serde_json::to_vec(event).expect("json");
    (signature::sign(&body, SECRET, Utc::now().timestamp()), body)
}

#[tokio::test]
async fn paying_the_demo_checkout_buys_the_course_once() {
    let f = fixture().await;
    let created = start(&f).await.expect("checkout");
    assert!(
        created.url.starts_with("/checkout/demo/cs_demo_"),
        "{}",
        created.url
    );
    let again = start(&f).await.expect("checkout again");
    assert_eq!(again.id, created.id, "a double click makes one session");
    assert_eq!(counts(&f).await, (0, 0), "nothing granted before paying");

    demo::pay(&f.db, &f.payments, &f.learner, &created.id, Utc::now())
        .await
        .expect("pay");
    assert_eq!(counts(&f).await, (1, 1));
    let bought = purchase::Entity::find()
        .one(&f.db)
        .await
        .expect("row")
        .expect("purchase");
    assert_eq!(
        (bought.amount_cents, bought.status.as_str()),
        (4_900, purchase::STATUS_PAID)
    );
    assert!(owns(&f.db, f.learner.id, f.course.id).await.expect("owns"));

    // Paying again and reconciling again change nothing.
    demo::pay(&f.db, &f.payments, &f.learner, &created.id, Utc::now())
        .await
        .expect("pay again");
    assert_eq!(
        reconcile(&f.db, &f.payments, &created.id, Utc::now())
            .await
            .expect("r"),
        Reconciled::Paid
    );
    assert_eq!(counts(&f).await, (1, 1));

    let refused = start(&f).await;
    assert_eq!(
        refused,
        Err(crate::error::AppError::Conflict(
            checkout::ALREADY_OWNED.into()
        ))
    );
}

#[tokio::test]
async fn a_replayed_event_is_acknowledged_and_does_nothing() {
    let f = fixture().await;
    let created = start(&f).await.expect("checkout");
    demo::pay(&f.db, &f.payments, &f.learner, &created.id, Utc::now())
        .await
        .expect("pay");
    let event = serde_json::json!({"id": "evt_replayed", "type": "checkout.session.completed",
        "data": {"object": {"id": created.id}}});
    let (header, body) = signed(&event);
    let first = events::handle(&f.db, &f.payments, Some(&header), &body, Utc::now()).await;
    assert_eq!(first, Ok(events::Delivery::Applied));
    for _ in 0..5 {
        let again = events::handle(&f.db, &f.payments, Some(&header), &body, Utc::now()).await;
        assert_eq!(again, Ok(events::Delivery::Duplicate));
    }
    assert_eq!(counts(&f).await, (1, 1));
    assert_eq!(
        payment_event::Entity::find().count(&f.db).await.expect("n"),
        2,
        "the demo's own event and this one"
    );
}

#[tokio::test]
async fn unsigned_badly_signed_and_stale_deliveries_are_refused() {
    let f = fixture().await;
    let event = serde_json::json!({"id": "evt_x", "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_demo_nothing"}}});
    let (header, body) = signed(&event);
    let refused = |r: Result<events::Delivery, events::WebhookError>| {
        matches!(r, Err(events::WebhookError::Refused(_)))
    };
    assert!(refused(
        events::handle(&f.db, &f.payments, None, &body, Utc::now()).await
    ));
    let other = signature::sign(&body, "whsec_wrong", Utc::now().timestamp());
    assert!(refused(
        events::handle(&f.db, &f.payments, Some(&other), &body, Utc::now()).await
    ));
    let later = Utc::now() + chrono::Duration::minutes(6);
    assert!(refused(
        events::handle(&f.db, &f.payments, Some(&header), &body, later).await
    ));
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    assert!(refused(
        events::handle(&f.db, &f.payments, Some(&header), &tampered, Utc::now()).await
    ));
    assert_eq!(
        payment_event::Entity::find().count(&f.db).await.expect("n"),
        0,
        "nothing recorded"
    );
    let off = Payments::off();
    assert!(refused(
        events::handle(&f.db, &off, Some(&header), &body, Utc::now()).await
    ));
}

#[tokio::test]
async fn a_refund_ends_access_and_a_late_completion_does_not_restore_it() {
    let f = fixture().await;
    let created = start(&f).await.expect("checkout");
    demo::pay(&f.db, &f.payments, &f.learner, &created.id, Utc::now())
        .await
        .expect("pay");
    let bought = purchase::Entity::find()
        .one(&f.db)
        .await
        .expect("row")
        .expect("purchase");
    purchases::refund(
        &f.db,
        &f.payments,
        bought.id,
        "Asked by the learner",
        Utc::now(),
    )
    .await
    .expect("refund");
    assert_eq!(
        counts(&f).await,
        (1, 0),
        "the purchase stays, the enrollment goes"
    );
    assert!(!owns(&f.db, f.learner.id, f.course.id).await.expect("owns"));
    // The completion event delivered again (a new id, as after a Stripe retry) restores nothing.
    let event = serde_json::json!({"id": "evt_late", "type": "checkout.session.completed",
        "data": {"object": {"id": created.id}}});
    let (header, body) = signed(&event);
    events::handle(&f.db, &f.payments, Some(&header), &body, Utc::now())
        .await
        .expect("late");
    assert_eq!(counts(&f).await, (1, 0));
    let refunded = purchase::Entity::find()
        .one(&f.db)
        .await
        .expect("row")
        .expect("purchase");
    assert_eq!(refunded.status, purchase::STATUS_REFUNDED);
    assert_eq!(
        purchases::refund(
            &f.db,
            &f.payments,
            bought.id,
            "Asked by the learner",
            Utc::now()
        )
        .await,
        Err(crate::error::AppError::Conflict(
            "This purchase is already refunded.".into()
        ))
    );
    // They may buy it again.
    let again = start(&f).await.expect("checkout again");
    assert_ne!(again.id, created.id);
}

#[tokio::test]
async fn free_courses_and_drafts_are_not_sold_and_off_refuses() {
    let f = fixture().await;
    assert_eq!(
        checkout::start(
            &f.db,
            &f.payments,
            "http://x",
            &f.learner,
            "no-such",
            None,
            Utc::now()
        )
        .await,
        Err(crate::error::AppError::NotFound)
    );
    let off = Payments::off();
    assert_eq!(
        checkout::start(
            &f.db,
            &off,
            "http://x",
            &f.learner,
            "paid-knots",
            None,
            Utc::now()
        )
        .await,
        Err(crate::error::AppError::Conflict(
            crate::server::payments::PURCHASES_OFF.into()
        ))
    );
    assert_eq!(
        checkout_row::Entity::find().count(&f.db).await.expect("n"),
        0
    );
}
