//! Course certificates: a learner who completes a course gets one, once. What it says (names,
//! title, date) is frozen at issue. Its PDF is made by a background job right after issue and
//! kept in storage; a download before the job ran makes it then (never in the completion
//! request). Its public page says whether it is valid or revoked; instructors of the course and
//! admins revoke, with a reason, as for badges.

pub mod pdf;
mod store;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

pub use store::{make_pdf, pdf_bytes};

use crate::error::AppError;
use crate::models::{
    CertificateRow, CertificateView, CourseCertificates, CredentialVerdict, MyCertificate, Role,
    CERTIFICATES_PER_PAGE,
};
use crate::server::credentials::Issuer;
use crate::server::entities::{certificate, course, enrollment, user};
use crate::server::services::authoring::{editable_course, may_edit};
use crate::server::services::badges::day;
use crate::server::services::{jobs, pagination};

/// The kind of job that renders a certificate's PDF into storage.
pub const PDF_JOB: &str = "certificate_pdf";

/// The path of a certificate's public verification page.
pub fn page_path(public_id: &str) -> String {
    format!("/certificates/{public_id}")
}

/// The path of a certificate's PDF.
pub fn pdf_path(public_id: &str) -> String {
    format!("/certificates/{public_id}/certificate.pdf")
}

/// Issues `user_id` the certificate of `course_id` if their enrollment is completed and they
/// have none yet, and queues its PDF; returns whether this call issued it. Safe to call any
/// number of times, in any order, concurrently: the unique (learner, course) index keeps one.
pub async fn issue_due(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    let completed = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user_id))
        .filter(enrollment::Column::CourseId.eq(course_id))
        .filter(enrollment::Column::CompletedAt.is_not_null())
        .count(db)
        .await?
        > 0;
    if !completed {
        return Ok(false);
    }
    let held = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .filter(certificate::Column::CourseId.eq(course_id))
        .count(db)
        .await?
        > 0;
    if held {
        return Ok(false);
    }
    let Some(learner) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(false);
    };
    let Some(course) = course::Entity::find_by_id(course_id).one(db).await? else {
        return Ok(false);
    };
    if learner.deleted_at.is_some() {
        return Ok(false);
    }
    let instructor = user::Entity::find_by_id(course.instructor_id)
        .one(db)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    let public_id = uuid::Uuid::now_v7().to_string();
    let inserted = certificate::Entity::insert(certificate::ActiveModel {
        public_id: Set(public_id.clone()),
        user_id: Set(user_id),
        course_id: Set(course_id),
        issued_at: Set(Utc::now()),
        learner_name: Set(learner.display_name),
        course_title: Set(course.title),
        course_slug: Set(course.slug),
        instructor_name: Set(instructor),
        pdf_key: Set(None),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        revoked_by: Set(None),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([certificate::Column::UserId, certificate::Column::CourseId])
    .exec_without_returning(db)
    .await?;
    let issued = matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0);
    if issued {
        jobs::enqueue(db, PDF_JOB, &public_id).await?;
    }
    Ok(issued)
}

/// The certificate `public_id`, or `NotFound`.
pub async fn by_public_id(
    db: &impl ConnectionTrait,
    public_id: &str,
) -> Result<certificate::Model, AppError> {
    if public_id.len() > 36 {
        return Err(AppError::NotFound);
    }
    certificate::Entity::find()
        .filter(certificate::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `viewer` may open certificate `cert`'s page and PDF: its learner and admins always,
/// everyone else while the learner keeps their credential pages public (the same choice as for
/// badges, on `/achievements`).
pub async fn may_view(
    db: &impl ConnectionTrait,
    viewer: Option<&user::Model>,
    cert: &certificate::Model,
) -> Result<bool, AppError> {
    crate::server::services::badges::credential::owner_shares(db, viewer, cert.user_id).await
}

fn verdict(cert: &certificate::Model) -> CredentialVerdict {
    match cert.revoked_at {
        Some(at) => CredentialVerdict::Revoked {
            reason: cert.revoked_reason.clone().unwrap_or_default(),
            on: day(at),
        },
        None => CredentialVerdict::Valid,
    }
}

/// The public page of certificate `public_id`, its status read now. `NotFound` when the
/// learner keeps their credentials private (and the viewer is not them or an admin).
pub async fn view(
    db: &DatabaseConnection,
    issuer: &Issuer,
    viewer: Option<&user::Model>,
    public_id: &str,
) -> Result<CertificateView, AppError> {
    let cert = by_public_id(db, public_id).await?;
    if !may_view(db, viewer, &cert).await? {
        return Err(AppError::NotFound);
    }
    Ok(CertificateView {
        id: cert.public_id.clone(),
        verdict: verdict(&cert),
        learner: cert.learner_name.clone(),
        course: cert.course_title.clone(),
        course_slug: cert.course_slug.clone(),
        instructor: cert.instructor_name.clone(),
        issuer: issuer.name().to_owned(),
        issued_on: day(cert.issued_at),
        own: viewer.is_some_and(|v| v.id == cert.user_id),
    })
}

/// `user`'s certificates, newest first; issues any their completed courses are owed first (a
/// completion recorded before certificates existed, or a crash between the two).
pub async fn mine(
    db: &DatabaseConnection,
    user: &user::Model,
) -> Result<Vec<MyCertificate>, AppError> {
    let completed: Vec<i64> = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user.id))
        .filter(enrollment::Column::CompletedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.course_id)
        .collect();
    for course_id in completed {
        issue_due(db, user.id, course_id).await?;
    }
    Ok(certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user.id))
        .order_by_desc(certificate::Column::IssuedAt)
        .order_by_desc(certificate::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| MyCertificate {
            id: c.public_id,
            course: c.course_title,
            course_slug: c.course_slug,
            issued_on: day(c.issued_at),
            revoked: c.revoked_at.map(|_| c.revoked_reason.unwrap_or_default()),
        })
        .collect())
}

/// Page `page` of course `course_id`'s certificates, newest first: its instructor and admins.
pub async fn course_certificates(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    page: Option<u64>,
) -> Result<CourseCertificates, AppError> {
    editable_course(db, user, course_id).await?;
    let paginator = certificate::Entity::find()
        .filter(certificate::Column::CourseId.eq(course_id))
        .order_by_desc(certificate::Column::IssuedAt)
        .order_by_desc(certificate::Column::Id)
        .paginate(db, CERTIFICATES_PER_PAGE);
    let paged = pagination::fetch(paginator, page).await?;
    Ok(CourseCertificates {
        course_id,
        certificates: paged
            .rows
            .into_iter()
            .map(|c| CertificateRow {
                id: c.public_id,
                learner: c.learner_name,
                issued_on: day(c.issued_at),
                revoked: c.revoked_at.map(|_| c.revoked_reason.unwrap_or_default()),
            })
            .collect(),
        total: paged.total,
        page: paged.page,
    })
}

/// Revokes certificate `public_id`, saying why (3–500 characters): the course's instructor and
/// admins. Revoking again keeps the first reason.
pub async fn revoke(
    db: &DatabaseConnection,
    user: &user::Model,
    public_id: &str,
    reason: &str,
) -> Result<(), AppError> {
    let reason = crate::server::services::badges::revoke_reason(reason, "certificate")?;
    let cert = by_public_id(db, public_id).await?;
    let allowed = match course::Entity::find_by_id(cert.course_id).one(db).await? {
        Some(course) => may_edit(user, &course),
        None => user.role == Role::Admin.as_str(),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    certificate::Entity::update_many()
        .set(certificate::ActiveModel {
            revoked_at: Set(Some(Utc::now())),
            revoked_reason: Set(Some(reason.to_owned())),
            revoked_by: Set(Some(user.id)),
            ..Default::default()
        })
        .filter(certificate::Column::Id.eq(cert.id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
