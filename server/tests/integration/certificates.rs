//! Certificates end to end: issued once when a course completes, whatever the order and
//! repetition of progress events; the PDF made by the job queue and kept in storage (local and
//! S3), made again when lost; the verification page valid, then revoked; who may see, list and
//! revoke.

use app::api::badges::SetCredentialsPublic;
use app::api::certificates::{GetCertificate, GetCourseCertificates, RevokeCertificate};
use app::api::learning::{Enroll, Unenroll};
use app::error::AppError;
use app::models::{CertificateView, CourseCertificates, CourseProgress, CredentialVerdict, Role};
use app::server::entities::certificate;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::badges::{achievements, complete};
use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::{err, form, ok, person, Backend, Person, Sessions, TestApp};

/// `user_id`'s certificates, read from the database.
async fn certificates_of(app: &TestApp, user_id: i64) -> Vec<certificate::Model> {
    certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .expect("certificates")
}

/// The certificate once its PDF job has run (at most ten seconds).
async fn with_pdf(app: &TestApp, user_id: i64) -> certificate::Model {
    for _ in 0..100 {
        if let Some(c) = certificates_of(app, user_id)
            .await
            .into_iter()
            .find(|c| c.pdf_key.is_some())
        {
            return c;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the certificate job did not make the PDF within ten seconds");
}

/// GETs the PDF of certificate `id` as `client`: status, content type and body.
async fn pdf(app: &TestApp, client: &reqwest::Client, id: &str) -> (u16, String, Vec<u8>) {
    let response = client
        .get(app.url(&format!("/certificates/{id}/certificate.pdf")))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

/// The verification page's data for certificate `id`, as `client` (anyone).
async fn page(app: &TestApp, client: &reqwest::Client, id: &str) -> (u16, String) {
    let reply = app
        .call_with(
            client,
            GetCertificate::PATH,
            &[("id", id)],
            Some(&app.url("")),
        )
        .await;
    (reply.status, reply.body)
}

async fn issued_once_with_its_pdf_made_in_the_background(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;

    // Two of three lessons, in reverse order: no certificate yet.
    complete(&app, &lea, &[c.lessons[2], c.lessons[1]], 1).await;
    assert!(achievements(&app, &lea).await.certificates.is_empty());
    assert!(certificates_of(&app, lea.id).await.is_empty());

    // The last one, then every event again (a replay) and in another order.
    complete(&app, &lea, &[c.lessons[0]], 3).await;
    complete(&app, &lea, &[c.lessons[0], c.lessons[1], c.lessons[2]], 1).await;
    complete(&app, &lea, &[c.lessons[2]], 1).await;
    assert_eq!(
        certificates_of(&app, lea.id).await.len(),
        1,
        "exactly one certificate"
    );
    let mine = achievements(&app, &lea).await.certificates;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].course, "Course rust");
    assert_eq!(mine[0].revoked, None);

    // The job made the PDF and kept it under the media directory.
    let cert = with_pdf(&app, lea.id).await;
    assert_eq!(cert.public_id, mine[0].id);
    let key = cert.pdf_key.clone().expect("pdf key");
    let stored = std::fs::read(app.media.join(&key)).expect("the PDF is in storage");
    assert!(stored.starts_with(b"%PDF-"));
    let (status, kind, body) = pdf(&app, &lea.client, &cert.public_id).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert_eq!(body, stored, "served from storage as stored");

    // Lost from storage: made again on the next download, and stored again.
    std::fs::remove_file(app.media.join(&key)).expect("remove");
    let (status, _, body) = pdf(&app, &lea.client, &cert.public_id).await;
    assert_eq!(status, 200);
    assert!(body.starts_with(b"%PDF-"));
    assert!(app.media.join(&key).exists(), "stored again");

    // Leaving the course and enrolling again does not issue a second one.
    let _: () = ok(form::<Unenroll>(&app, &lea, &[("slug", "rust")]).await);
    let _: CourseProgress = ok(form::<Enroll>(&app, &lea, &[("slug", "rust")]).await);
    complete(&app, &lea, &[c.lessons[1]], 1).await;
    let after = achievements(&app, &lea).await.certificates;
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, cert.public_id);
    assert_eq!(certificates_of(&app, lea.id).await.len(), 1);
}

async fn the_pdf_is_kept_in_s3(backend: Backend) {
    let Some(app) = TestApp::with_s3(backend).await else {
        return;
    };
    let (_ada, c) = instructor_and_course(&app, 1).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let cert = with_pdf(&app, lea.id).await;
    assert!(
        !app.media
            .join(cert.pdf_key.as_deref().unwrap_or("-"))
            .exists(),
        "nothing on local disk with S3 configured"
    );
    let (status, kind, body) = pdf(&app, &lea.client, &cert.public_id).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(body.starts_with(b"%PDF-"));
}

async fn revoke(app: &TestApp, who: &Person, id: &str, reason: &str) -> (u16, String) {
    form::<RevokeCertificate>(app, who, &[("certificate", id), ("reason", reason)]).await
}

async fn who_may_see_list_and_revoke(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let root = person(&app, "root@example.org", Role::Admin).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let id = achievements(&app, &lea).await.certificates.remove(0).id;
    let anonymous = TestApp::new_client();

    // Anyone sees it valid, with what it certifies.
    let view: CertificateView = ok(page(&app, &anonymous, &id).await);
    assert_eq!(view.verdict, CredentialVerdict::Valid);
    assert_eq!(view.learner, "Name lea@example.org");
    assert_eq!(view.course, "Course rust");
    assert_eq!(view.instructor, "Name ada@example.org");
    assert!(!view.own);
    assert_eq!(pdf(&app, &anonymous, &id).await.0, 200);
    assert_eq!(
        page(&app, &anonymous, "00000000-0000-0000-0000-000000000000")
            .await
            .0,
        404
    );
    assert_eq!(pdf(&app, &anonymous, &"x".repeat(37)).await.0, 404);

    // Private: hidden from others, not from the learner or admins.
    let _: () = ok(form::<SetCredentialsPublic>(&app, &lea, &[("public", "false")]).await);
    assert_eq!(page(&app, &anonymous, &id).await.0, 404);
    assert_eq!(pdf(&app, &anonymous, &id).await.0, 404);
    assert_eq!(pdf(&app, &bob.client, &id).await.0, 404);
    let own: CertificateView = ok(page(&app, &lea.client, &id).await);
    assert!(own.own);
    assert_eq!(pdf(&app, &lea.client, &id).await.0, 200);
    assert_eq!(pdf(&app, &root.client, &id).await.0, 200);
    let _: () = ok(form::<SetCredentialsPublic>(&app, &lea, &[("public", "true")]).await);

    // The course's instructor lists them; another instructor and the learner may not.
    let course = c.id.to_string();
    let listed: CourseCertificates =
        ok(form::<GetCourseCertificates>(&app, &ada, &[("course_id", &course)]).await);
    assert_eq!(listed.total, 1);
    assert_eq!(listed.certificates[0].id, id);
    assert_eq!(listed.certificates[0].learner, "Name lea@example.org");
    assert_eq!(
        form::<GetCourseCertificates>(&app, &bob, &[("course_id", &course)])
            .await
            .0,
        403
    );
    assert_eq!(
        form::<GetCourseCertificates>(&app, &lea, &[("course_id", &course)])
            .await
            .0,
        403
    );

    // Revoking: not by another instructor or the learner; a reason is required.
    assert_eq!(revoke(&app, &bob, &id, "Not my course").await.0, 403);
    assert_eq!(revoke(&app, &lea, &id, "Changed my mind").await.0, 403);
    assert!(matches!(
        err(revoke(&app, &ada, &id, " x ").await),
        AppError::Validation(f) if f.contains_key("reason")
    ));
    assert_eq!(
        page(&app, &anonymous, &id).await.0,
        200,
        "a refused revocation changed nothing"
    );
    let valid: CertificateView = ok(page(&app, &anonymous, &id).await);
    assert_eq!(valid.verdict, CredentialVerdict::Valid);
    let _: () = ok(revoke(&app, &ada, &id, "Completed with a shared account").await);
    let revoked: CertificateView = ok(page(&app, &anonymous, &id).await);
    assert!(matches!(
        revoked.verdict,
        CredentialVerdict::Revoked { ref reason, .. } if reason == "Completed with a shared account"
    ));
    // Again keeps the first reason; admins may revoke too (already revoked: no change).
    let _: () = ok(revoke(&app, &root, &id, "Another reason").await);
    let mine = achievements(&app, &lea).await.certificates;
    assert_eq!(
        mine[0].revoked.as_deref(),
        Some("Completed with a shared account")
    );
    assert_eq!(
        certificate::Entity::find()
            .filter(certificate::Column::RevokedBy.eq(ada.id))
            .count(&app.db)
            .await
            .expect("count"),
        1
    );
}

on_both_backends! {
    certificates_issued_once => issued_once_with_its_pdf_made_in_the_background;
    certificates_in_s3 => the_pdf_is_kept_in_s3;
    certificates_access => who_may_see_list_and_revoke;
}
