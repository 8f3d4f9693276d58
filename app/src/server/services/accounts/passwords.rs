//! Password hashing (Argon2id) and the password policy.
//!
//! Hashing is deliberately slow; async callers use [`hash_password_async`] and
//! [`verify_password_async`], which move the work off the async runtime's threads.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use super::tokens::random_bytes;
use crate::error::AppError;

/// Shortest accepted password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest accepted password, in characters (bounds the hashing work an attacker can ask for).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Lowest accepted zxcvbn score (0–4): 3 means "safely unguessable" against online and
/// throttled offline attacks.
const MIN_SCORE: u8 = 3;

/// The Argon2id hasher with the OWASP Password Storage Cheat Sheet's first recommended
/// configuration: m = 19456 KiB (19 MiB), t = 2 iterations, p = 1 lane. Verification reads the
/// parameters from the stored PHC string, so raising these later keeps old hashes valid.
fn hasher() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(19_456, 2, 1, None).map_err(|err| {
        tracing::error!(error = %err, "invalid argon2 parameters");
        AppError::Internal
    })?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `password` with a fresh random salt into a PHC string (`$argon2id$v=19$m=19456,…`).
/// CPU-heavy: blocks for tens of milliseconds.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?).map_err(|err| {
        tracing::error!(error = %err, "salt encoding failed");
        AppError::Internal
    })?;
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| {
            tracing::error!(error = %err, "password hashing failed");
            AppError::Internal
        })
}

/// True when `password` matches the PHC string `hash` (compared in constant time by the crate).
/// A malformed stored hash never matches. CPU-heavy like [`hash_password`].
pub fn verify_password(hash: &str, password: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(err) => {
            tracing::error!(error = %err, "stored password hash is malformed");
            false
        }
    }
}

/// A hash of a random password, verified against when there is no real hash (unknown email,
/// account without password) so that such attempts take as long as real ones.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let secret = super::tokens::encode(&random_bytes::<16>().ok()?);
    hash_password(&secret).ok()
});

/// Spends the same time as a real verification, then fails.
pub fn verify_dummy(password: &str) -> bool {
    if let Some(hash) = DUMMY_HASH.as_deref() {
        let _ = verify_password(hash, password);
    }
    false
}

/// [`hash_password`] on the blocking thread pool.
pub async fn hash_password_async(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    blocking(move || hash_password(&password)).await?
}

/// [`verify_password`] on the blocking thread pool; `None` for `hash` verifies against a dummy
/// hash (and fails) so that missing accounts cost the same time.
pub async fn verify_password_async(hash: Option<&str>, password: &str) -> Result<bool, AppError> {
    let hash = hash.map(str::to_owned);
    let password = password.to_owned();
    blocking(move || match hash {
        Some(hash) => verify_password(&hash, &password),
        None => verify_dummy(&password),
    })
    .await
}

/// At most one hash per CPU at a time: each takes 19 MiB and a core for tens of milliseconds,
/// so more at once only adds memory (a burst of sign-ups held 8 buffers at once) and makes
/// every one of them slower. Others wait their turn without holding a thread.
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    let cpus = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    tokio::sync::Semaphore::new(cpus.clamp(1, 16))
});

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _turn = HASHING.acquire().await.map_err(|err| {
        tracing::error!(error = %err, "password hashing queue closed");
        AppError::Internal
    })?;
    tokio::task::spawn_blocking(f).await.map_err(|err| {
        tracing::error!(error = %err, "password hashing task failed");
        AppError::Internal
    })
}

/// Why `password` is not acceptable, or `None` when it is. `user_inputs` (email, display name)
/// count as guessable words, so a password built from them is rejected.
pub fn password_problem(password: &str, user_inputs: &[&str]) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(format!("Use at least {MIN_PASSWORD_CHARS} characters."));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Some(format!("Use at most {MAX_PASSWORD_CHARS} characters."));
    }
    // Whole inputs and their words ("ada.lovelace@example.org" → "ada", "lovelace", …), so
    // zxcvbn's dictionary matcher spots each piece of a name or address.
    let mut inputs: Vec<&str> = user_inputs.to_vec();
    inputs.extend(
        user_inputs
            .iter()
            .flat_map(|i| i.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| word.chars().count() >= 3),
    );
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    if (entropy.score() as u8) < MIN_SCORE {
        let hint = entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" {w}"))
            .unwrap_or_default();
        return Some(format!(
            "This password is too easy to guess.{hint} Try a longer phrase of unrelated words."
        ));
    }
    None
}

/// [`password_problem`] as a validation error on the field `field`.
pub fn check_password(field: &str, password: &str, user_inputs: &[&str]) -> Result<(), AppError> {
    match password_problem(password, user_inputs) {
        Some(message) => Err(AppError::field(field, &message)),
        None => Ok(()),
    }
}

#[cfg(test)]
#[path = "passwords_tests.rs"]
mod tests;
