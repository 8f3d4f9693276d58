//! Awards as Open Badges 3.0 credentials: the JSON, the VC-JWT (signed the first time it is
//! asked for, then kept), what the public page shows, checking a pasted credential, and the
//! revocation list.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{json, Value};

use super::{day, image_path, Snapshot};
use crate::error::AppError;
use crate::models::{CredentialVerdict, CredentialView};
use crate::server::credentials::{ob3_contexts, Invalid, Issuer, OB3_SCHEMA, REVOCATIONS_PATH};
use crate::server::entities::{badge_award, user};
use crate::server::services::learning::rfc3339;

/// The path of an award's public page.
pub fn page_path(public_id: &str) -> String {
    format!("/credentials/{public_id}")
}

/// The award `public_id`, or `NotFound`.
pub async fn award_by_public_id(
    db: &DatabaseConnection,
    public_id: &str,
) -> Result<badge_award::Model, AppError> {
    if public_id.len() > 36 {
        return Err(AppError::NotFound);
    }
    badge_award::Entity::find()
        .filter(badge_award::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The `OpenBadgeCredential` of `award` (unsigned JSON).
pub fn credential_json(issuer: &Issuer, award: &badge_award::Model) -> Result<Value, AppError> {
    let snap = Snapshot::of(award).ok_or(AppError::Internal)?;
    Ok(json!({
        "@context": ob3_contexts(),
        "id": issuer.url(&page_path(&award.public_id)),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": snap.name,
        "issuer": issuer.profile(),
        "validFrom": award.awarded_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": award.recipient_hash,
                "identityType": "emailAddress",
                "hashed": true,
                "salt": award.recipient_salt,
            }],
            "achievement": {
                "id": issuer.url(&format!("/badges/{}", snap.badge_id)),
                "type": ["Achievement"],
                "name": snap.name,
                "description": snap.description,
                "criteria": { "narrative": snap.criteria },
                "image": { "id": issuer.url(&image_path(&snap.image)), "type": "Image" },
            },
        },
        "credentialStatus": {
            "id": issuer.url(REVOCATIONS_PATH),
            "type": "1EdTechRevocationList",
        },
        "credentialSchema": [{
            "id": OB3_SCHEMA,
            "type": "1EdTechJsonSchemaValidator2019",
        }],
    }))
}

/// The VC-JWT of `award`: the kept one, or signed now and kept (signing is deterministic, so
/// two first requests at once store the same token).
pub async fn signed(
    db: &DatabaseConnection,
    issuer: &Issuer,
    award: &badge_award::Model,
) -> Result<String, AppError> {
    if let Some(jwt) = &award.credential_jwt {
        return Ok(jwt.clone());
    }
    let credential = credential_json(issuer, award)?;
    let jwt = issuer
        .sign(&credential, award.awarded_at.timestamp())
        .map_err(|e| {
            tracing::error!(error = %e, "signing a credential failed");
            AppError::Internal
        })?;
    badge_award::Entity::update_many()
        .set(badge_award::ActiveModel {
            credential_jwt: Set(Some(jwt.clone())),
            ..Default::default()
        })
        .filter(badge_award::Column::Id.eq(award.id))
        .filter(badge_award::Column::CredentialJwt.is_null())
        .exec(db)
        .await?;
    Ok(jwt)
}

/// Whether `viewer` may see award `award`'s page and downloads: always its learner and admins;
/// others while the learner keeps their credentials public.
pub async fn may_view(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    award: &badge_award::Model,
) -> Result<bool, AppError> {
    owner_shares(db, viewer, award.user_id).await
}

/// Whether `viewer` may see a credential or certificate of learner `owner_id`: the learner and
/// admins always; others while the learner keeps their credential pages public.
pub async fn owner_shares(
    db: &impl ConnectionTrait,
    viewer: Option<&user::Model>,
    owner_id: i64,
) -> Result<bool, AppError> {
    if viewer.is_some_and(|v| v.id == owner_id || v.role == crate::models::Role::Admin.as_str()) {
        return Ok(true);
    }
    Ok(user::Entity::find_by_id(owner_id)
        .one(db)
        .await?
        .is_some_and(|u| u.credentials_public && u.deleted_at.is_none()))
}

/// The public page of award `public_id`: the credential checked now (its kept JWT against the
/// issuer's key, its status against the revocation table). `NotFound` when the learner keeps
/// their credentials private (and the viewer is not them).
pub async fn view(
    db: &DatabaseConnection,
    issuer: &Issuer,
    viewer: Option<&user::Model>,
    public_id: &str,
) -> Result<CredentialView, AppError> {
    let award = award_by_public_id(db, public_id).await?;
    if !may_view(db, viewer, &award).await? {
        return Err(AppError::NotFound);
    }
    let jwt = signed(db, issuer, &award).await?;
    let verdict = verdict_of(db, issuer, &jwt).await?.0;
    let snap = Snapshot::of(&award).ok_or(AppError::Internal)?;
    Ok(CredentialView {
        id: award.public_id.clone(),
        verdict,
        badge: snap.name,
        description: snap.description,
        criteria: snap.criteria,
        image: image_path(&snap.image),
        learner: award.learner_name.clone(),
        issuer: issuer.name().to_owned(),
        awarded_on: day(award.awarded_at),
        course: snap.course.map(|(_, title, slug)| (title, slug)),
        own: viewer.is_some_and(|v| v.id == award.user_id),
    })
}

/// Checks a credential someone pasted: its signature, that it is one of ours, and its status.
/// Returns the verdict and, when the signature holds, the award it names.
pub async fn verdict_of(
    db: &DatabaseConnection,
    issuer: &Issuer,
    token: &str,
) -> Result<(CredentialVerdict, Option<badge_award::Model>), AppError> {
    let payload = match issuer.verify(token) {
        Ok(payload) => payload,
        Err(why) => return Ok((CredentialVerdict::Invalid(invalid_text(why).into()), None)),
    };
    // A signed token whose payload is not one of our credentials (never issued by us, as we
    // sign nothing else, but checked all the same).
    let prefix = issuer.url("/credentials/");
    let Some(public_id) = payload
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| id.strip_prefix(&prefix))
    else {
        return Ok((
            CredentialVerdict::Invalid("It is not a credential this site issued.".into()),
            None,
        ));
    };
    let Some(award) = badge_award::Entity::find()
        .filter(badge_award::Column::PublicId.eq(public_id))
        .one(db)
        .await?
    else {
        return Ok((
            CredentialVerdict::Invalid("This site has no record of this credential.".into()),
            None,
        ));
    };
    let verdict = match (&award.revoked_at, &award.revoked_reason) {
        (Some(at), reason) => CredentialVerdict::Revoked {
            reason: reason.clone().unwrap_or_default(),
            on: day(*at),
        },
        (None, _) => CredentialVerdict::Valid,
    };
    Ok((verdict, Some(award)))
}

fn invalid_text(why: Invalid) -> &'static str {
    match why {
        Invalid::Malformed => "It is not a signed credential (a JWT of three parts).",
        Invalid::Algorithm => "It is signed with an algorithm this site does not use.",
        Invalid::UnknownKey => "It is not signed with this site's key.",
        Invalid::Signature => {
            "Its signature does not match its content: it has been changed since it was issued."
        }
    }
}

/// The 1EdTech revocation list every credential's `credentialStatus` points to: the ids of
/// revoked credentials, with the reasons.
pub async fn revocation_list(db: &DatabaseConnection, issuer: &Issuer) -> Result<Value, AppError> {
    let revoked = badge_award::Entity::find()
        .filter(badge_award::Column::RevokedAt.is_not_null())
        .order_by_asc(badge_award::Column::Id)
        .all(db)
        .await?;
    Ok(json!({
        "id": issuer.url(REVOCATIONS_PATH),
        "issuer": issuer.url(crate::server::credentials::ISSUER_PATH),
        "revokedCredentials": revoked.iter().map(|a| json!({
            "id": issuer.url(&page_path(&a.public_id)),
            "revoked": true,
            "revocationReason": a.revoked_reason,
            "revokedAt": a.revoked_at.map(rfc3339),
        })).collect::<Vec<_>>(),
    }))
}
