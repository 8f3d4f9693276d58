//! A thin client for the four Stripe calls Lectern makes: create and read a Checkout Session,
//! find the session of a payment, and refund a payment. Form-encoded requests, JSON answers,
//! the secret key as a bearer token (never logged).

use std::time::Duration;

use serde::Deserialize;

use super::{CreatedSession, NewSession, SessionFacts};
use crate::error::AppError;

/// Stripe's API at `base` with secret key `key`.
#[derive(Clone)]
pub struct StripeApi {
    base: String,
    key: String,
    http: reqwest::Client,
}

impl std::fmt::Debug for StripeApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeApi")
            .field("base", &self.base)
            .field("key", &"***")
            .finish()
    }
}

#[derive(Deserialize)]
struct SessionBody {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    payment_status: String,
    #[serde(default)]
    amount_total: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    payment_intent: Option<PaymentIntentField>,
}

/// `payment_intent` is an id, or the object when expanded.
#[derive(Deserialize)]
#[serde(untagged)]
enum PaymentIntentField {
    Id(String),
    Object(PaymentIntentBody),
}

#[derive(Deserialize)]
struct PaymentIntentBody {
    id: String,
    #[serde(default)]
    latest_charge: Option<ChargeField>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ChargeField {
    #[allow(dead_code)]
    Id(String),
    Object(ChargeBody),
}

#[derive(Deserialize)]
struct ChargeBody {
    #[serde(default)]
    refunded: bool,
}

#[derive(Deserialize)]
struct SessionList {
    data: Vec<SessionBody>,
}

fn unreachable_provider(error: impl std::fmt::Display) -> AppError {
    tracing::warn!(%error, "Stripe call failed");
    AppError::Unavailable
}

impl StripeApi {
    /// A client for `base` (e.g. `https://api.stripe.com`) authenticating with `key`.
    pub fn new(base: &str, key: &str) -> Result<Self, AppError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .map_err(|_| AppError::Internal)?;
        Ok(Self {
            base: base.trim_end_matches('/').to_owned(),
            key: key.to_owned(),
            http,
        })
    }

    async fn read<T: serde::de::DeserializeOwned>(
        response: reqwest::Response,
    ) -> Result<Option<T>, AppError> {
        let status = response.status();
        if status == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            let message: String = body.chars().take(300).collect();
            return Err(unreachable_provider(format!("status {status}: {message}")));
        }
        response
            .json::<T>()
            .await
            .map(Some)
            .map_err(unreachable_provider)
    }

    /// `POST /v1/checkout/sessions` (mode payment, one line item priced here).
    pub async fn create_session(&self, new: &NewSession<'_>) -> Result<CreatedSession, AppError> {
        let amount = new.amount_cents.to_string();
        let user = new.user_id.to_string();
        let course = new.course_id.to_string();
        let expires_at = new.expires_at.to_string();
        let form: [(&str, &str); 13] = [
            ("mode", "payment"),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][price_data][currency]", new.currency),
            ("line_items[0][price_data][unit_amount]", &amount),
            ("line_items[0][price_data][product_data][name]", new.title),
            ("customer_email", new.email),
            ("client_reference_id", &user),
            ("metadata[user_id]", &user),
            ("metadata[course_id]", &course),
            ("payment_intent_data[metadata][course_id]", &course),
            ("success_url", new.success_url),
            ("cancel_url", new.cancel_url),
            ("expires_at", &expires_at),
        ];
        let response = self
            .http
            .post(format!("{}/v1/checkout/sessions", self.base))
            .bearer_auth(&self.key)
            .header("Idempotency-Key", new.idempotency_key)
            .form(&form)
            .send()
            .await
            .map_err(unreachable_provider)?;
        let body: SessionBody = Self::read(response)
            .await?
            .ok_or_else(|| unreachable_provider("session create answered 404"))?;
        let url = body
            .url
            .ok_or_else(|| unreachable_provider("session without a url"))?;
        Ok(CreatedSession { id: body.id, url })
    }

    /// `GET /v1/checkout/sessions/{id}` with the payment and its charge expanded.
    pub async fn session_facts(&self, id: &str) -> Result<Option<SessionFacts>, AppError> {
        if id.is_empty()
            || id.len() > 255
            || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Ok(None);
        }
        let response = self
            .http
            .get(format!("{}/v1/checkout/sessions/{id}", self.base))
            .bearer_auth(&self.key)
            .query(&[("expand[]", "payment_intent.latest_charge")])
            .send()
            .await
            .map_err(unreachable_provider)?;
        let Some(body) = Self::read::<SessionBody>(response).await? else {
            return Ok(None);
        };
        let (payment_intent, refunded) = match body.payment_intent {
            None => (None, false),
            Some(PaymentIntentField::Id(id)) => (Some(id), false),
            Some(PaymentIntentField::Object(intent)) => {
                let refunded = matches!(
                    intent.latest_charge,
                    Some(ChargeField::Object(ChargeBody { refunded: true }))
                );
                (Some(intent.id), refunded)
            }
        };
        Ok(Some(SessionFacts {
            paid: body.payment_status == "paid",
            amount_total: body.amount_total.unwrap_or(0),
            currency: body.currency.unwrap_or_default().to_lowercase(),
            payment_intent,
            refunded,
        }))
    }

    /// `GET /v1/checkout/sessions?payment_intent=…`: the session that made a payment.
    pub async fn session_of_payment(
        &self,
        payment_intent: &str,
    ) -> Result<Option<String>, AppError> {
        let response = self
            .http
            .get(format!("{}/v1/checkout/sessions", self.base))
            .bearer_auth(&self.key)
            .query(&[("payment_intent", payment_intent), ("limit", "1")])
            .send()
            .await
            .map_err(unreachable_provider)?;
        Ok(Self::read::<SessionList>(response)
            .await?
            .and_then(|list| list.data.into_iter().next())
            .map(|session| session.id))
    }

    /// `POST /v1/refunds` for the whole of `payment_intent`.
    pub async fn refund(
        &self,
        payment_intent: &str,
        idempotency_key: &str,
    ) -> Result<(), AppError> {
        let response = self
            .http
            .post(format!("{}/v1/refunds", self.base))
            .bearer_auth(&self.key)
            .header("Idempotency-Key", idempotency_key)
            .form(&[
                ("payment_intent", payment_intent),
                ("reason", "requested_by_customer"),
            ])
            .send()
            .await
            .map_err(unreachable_provider)?;
        Self::read::<serde_json::Value>(response)
            .await?
            .map(|_| ())
            .ok_or_else(|| unreachable_provider("refund answered 404"))
    }
}
