//! Outgoing email: written to a local outbox folder by default, sent over SMTP in production.

use std::path::{Path, PathBuf};

use chrono::Utc;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::error::AppError;

/// The sender shown on messages in the local outbox.
pub const OUTBOX_FROM: &str = "Lectern <no-reply@lectern.localhost>";

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    /// Each message becomes a `.eml` file in `dir` (created when missing), for local use and
    /// tests. The log names the file so a developer can open it.
    Outbox {
        /// The folder the `.eml` files are written to.
        dir: PathBuf,
    },
    /// Messages are sent through an SMTP server.
    Smtp {
        /// The pooled SMTP connection.
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// The sender of every message, e.g. `Lectern <no-reply@example.org>`.
        from: Mailbox,
    },
}

/// Why an SMTP mailer could not be configured.
#[derive(Debug, thiserror::Error)]
pub enum MailerConfigError {
    /// The SMTP URL could not be parsed (the URL itself is not repeated: it holds a password).
    #[error("SMTP_URL is not a valid SMTP URL ({0})")]
    Url(#[source] lettre::transport::smtp::Error),
    /// The sender address could not be parsed.
    #[error("the sender address {0:?} is not a valid mailbox")]
    From(String),
}

impl Mailer {
    /// A mailer writing to the local outbox folder `dir`.
    pub fn outbox(dir: impl Into<PathBuf>) -> Self {
        Mailer::Outbox { dir: dir.into() }
    }

    /// A mailer sending through the server at `url`: `smtps://user:pass@host:465` for implicit
    /// TLS, `smtp://user:pass@host:587?tls=required` for STARTTLS (plain `smtp://` without
    /// `tls=required` sends unencrypted, acceptable only for a relay on localhost).
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailerConfigError> {
        let from = from
            .parse::<Mailbox>()
            .map_err(|_| MailerConfigError::From(from.to_owned()))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(MailerConfigError::Url)?
            .build();
        Ok(Mailer::Smtp { transport, from })
    }

    /// Sends a plain-text message. Failures are logged (recipient and subject, never the body,
    /// which may hold a reset link) and reported as `Internal`.
    pub async fn send(&self, to: &str, subject: &str, text_body: &str) -> Result<(), AppError> {
        match self {
            Mailer::Outbox { dir } => write_outbox(dir, to, subject, text_body).await,
            Mailer::Smtp { transport, from } => {
                let failed = |what: &str, err: &dyn std::fmt::Display| {
                    tracing::error!(%to, %subject, error = %err, "{what}");
                    AppError::Internal
                };
                let to_box = to
                    .parse::<Mailbox>()
                    .map_err(|e| failed("invalid recipient", &e))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to_box)
                    .subject(subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(text_body.to_owned())
                    .map_err(|e| failed("could not build email", &e))?;
                transport
                    .send(message)
                    .await
                    .map_err(|e| failed("sending email failed", &e))?;
                tracing::info!(%to, %subject, "email sent");
                Ok(())
            }
        }
    }
}

/// Header values on one line, so a subject cannot inject headers.
fn one_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

async fn write_outbox(dir: &Path, to: &str, subject: &str, body: &str) -> Result<(), AppError> {
    let now = Utc::now();
    let suffix = crate::server::services::accounts::tokens::random_bytes::<3>()?;
    let name = format!(
        "{}-{:02x}{:02x}{:02x}.eml",
        now.format("%Y%m%dT%H%M%S%.6fZ"),
        suffix[0],
        suffix[1],
        suffix[2]
    );
    let path = dir.join(name);
    // Readable as written: UTF-8 with no transfer encoding, so links are never wrapped.
    let contents = format!(
        "From: {OUTBOX_FROM}\r\nTo: {}\r\nSubject: {}\r\nDate: {}\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
        one_line(to),
        one_line(subject),
        now.to_rfc2822(),
        body.replace("\r\n", "\n").replace('\n', "\r\n"),
    );
    let written = async {
        tokio::fs::create_dir_all(dir).await?;
        tokio::fs::write(&path, contents).await
    }
    .await;
    if let Err(err) = written {
        tracing::error!(path = %path.display(), error = %err, "could not write to the outbox");
        return Err(AppError::Internal);
    }
    tracing::info!(%to, %subject, path = %path.display(), "email written to the outbox");
    Ok(())
}

#[cfg(test)]
#[path = "mail_tests.rs"]
mod tests;
