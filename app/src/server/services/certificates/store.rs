//! A certificate's PDF in storage (local media directory or S3), made once and then served from
//! there.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::pdf::{render, CertificateText};
use super::{by_public_id, page_path};
use crate::error::AppError;
use crate::server::credentials::Issuer;
use crate::server::entities::certificate;
use crate::server::services::badges::day;
use crate::server::storage::{Storage, StorageError};

/// The storage key of certificate `public_id`'s PDF.
fn key(public_id: &str) -> String {
    format!("certificates/{public_id}.pdf")
}

/// What `cert` says, for the PDF.
fn text(issuer: &Issuer, cert: &certificate::Model) -> CertificateText {
    CertificateText {
        issuer: issuer.name().to_owned(),
        learner: cert.learner_name.clone(),
        course: cert.course_title.clone(),
        instructor: cert.instructor_name.clone(),
        date: day(cert.issued_at),
        verify_url: issuer.url(&page_path(&cert.public_id)),
        id: cert.public_id.clone(),
    }
}

/// Renders certificate `public_id`'s PDF, stores it and records where; returns the bytes. The
/// certificate job runs this; running it twice stores the same document twice, harmlessly.
pub async fn make_pdf(
    db: &impl ConnectionTrait,
    storage: &Storage,
    issuer: &Issuer,
    public_id: &str,
) -> Result<Vec<u8>, AppError> {
    let cert = by_public_id(db, public_id).await?;
    let text = text(issuer, &cert);
    // Rendering is CPU work (shaping, subsetting, compressing): off the async workers.
    let bytes = tokio::task::spawn_blocking(move || render(&text))
        .await
        .map_err(|_| AppError::Internal)??;
    let key = key(&cert.public_id);
    storage
        .put_bytes(&key, "application/pdf", bytes.clone())
        .await
        .map_err(AppError::from)?;
    certificate::Entity::update_many()
        .set(certificate::ActiveModel {
            pdf_key: Set(Some(key)),
            ..Default::default()
        })
        .filter(certificate::Column::Id.eq(cert.id))
        .exec(db)
        .await?;
    Ok(bytes)
}

/// `cert`'s PDF: from storage when it was made, else made (and stored) now.
pub async fn pdf_bytes(
    db: &impl ConnectionTrait,
    storage: &Storage,
    issuer: &Issuer,
    cert: &certificate::Model,
) -> Result<Vec<u8>, AppError> {
    if let Some(key) = &cert.pdf_key {
        match storage.get_bytes(key).await {
            Ok(bytes) => return Ok(bytes),
            // Lost from storage (a restored database, a cleaned bucket): make it again.
            Err(StorageError::NotFound) => {}
            Err(error) => return Err(error.into()),
        }
    }
    make_pdf(db, storage, issuer, &cert.public_id).await
}
