//! Course certificates as learners, instructors and verifiers see them.
use serde::{Deserialize, Serialize};

use super::CredentialVerdict;

/// Certificates an instructor sees per page.
pub const CERTIFICATES_PER_PAGE: u64 = 25;

/// One of a learner's certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertificate {
    /// The certificate's public id.
    pub id: String,
    pub course: String,
    pub course_slug: String,
    /// "28 Nov 2026".
    pub issued_on: String,
    /// Why it was revoked, when it was.
    pub revoked: Option<String>,
}

/// A certificate as its public verification page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    pub id: String,
    /// `Valid`, or `Revoked` with the reason (never `Invalid`: it is read from our records).
    pub verdict: CredentialVerdict,
    pub learner: String,
    pub course: String,
    pub course_slug: String,
    pub instructor: String,
    pub issuer: String,
    pub issued_on: String,
    /// Whether the viewer is the learner.
    pub own: bool,
}

/// One certificate of a course, for the instructor who may revoke it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRow {
    pub id: String,
    pub learner: String,
    pub issued_on: String,
    pub revoked: Option<String>,
}

/// A page of a course's certificates, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCertificates {
    pub course_id: i64,
    pub certificates: Vec<CertificateRow>,
    pub total: u64,
    pub page: u64,
}
