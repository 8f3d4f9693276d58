//! The payment provider behind paid enrollment: Stripe (with `STRIPE_SECRET_KEY`), the local
//! demo checkout (no keys, demo content on), or none (purchases refused, the admin told in the
//! log). Whichever it is, fulfilment asks it for the truth about a checkout
//! ([`Payments::session_facts`]) instead of trusting what an event or a browser said.

pub mod signature;
pub mod stripe_api;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::error::AppError;
use crate::server::entities::checkout;
pub use stripe_api::StripeApi;

/// Which provider takes payments.
#[derive(Clone, Debug)]
pub enum Provider {
    /// Stripe's API (`STRIPE_API_BASE`, normally `https://api.stripe.com`).
    Stripe(StripeApi),
    /// The local demo checkout: no card, no network; its state lives in `checkouts`.
    Demo,
    /// No provider: paid courses cannot be bought.
    Off,
}

/// The provider and the secret that signs its webhook events.
#[derive(Clone)]
pub struct Payments {
    /// Who takes the money.
    pub provider: Provider,
    /// `STRIPE_WEBHOOK_SECRET`; for the demo a random secret made at start when none is set.
    webhook_secret: Option<String>,
}

impl std::fmt::Debug for Payments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Payments")
            .field("provider", &self.provider.name())
            .field(
                "webhook_secret",
                &self.webhook_secret.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

impl Default for Payments {
    fn default() -> Self {
        Self::off()
    }
}

impl Provider {
    /// `stripe`, `demo` or `off`, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Provider::Stripe(_) => "stripe",
            Provider::Demo => "demo",
            Provider::Off => "off",
        }
    }
}

/// What the provider says about one Checkout Session now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFacts {
    /// Whether the payment went through.
    pub paid: bool,
    /// The amount charged, minor units.
    pub amount_total: i64,
    /// Lower-case ISO currency code.
    pub currency: String,
    /// The payment (`pi_…`), once there is one.
    pub payment_intent: Option<String>,
    /// Whether that payment has been refunded in full.
    pub refunded: bool,
}

/// A Checkout Session the provider made: where to send the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedSession {
    /// The provider's id (`cs_…`).
    pub id: String,
    /// The payment page.
    pub url: String,
}

/// What a Checkout Session is for.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Course title, shown on the payment page.
    pub title: &'a str,
    /// Minor units, from the database.
    pub amount_cents: i64,
    /// Lower-case ISO code.
    pub currency: &'a str,
    /// The buyer's email, prefilled.
    pub email: &'a str,
    /// Lectern's user and course, kept on the session as metadata.
    pub user_id: i64,
    /// The course bought.
    pub course_id: i64,
    /// Where the provider sends the browser after paying (`{CHECKOUT_SESSION_ID}` is filled in).
    pub success_url: &'a str,
    /// Where it sends the browser after giving up.
    pub cancel_url: &'a str,
    /// The same key for the same purchase attempt: a double click makes one session.
    pub idempotency_key: &'a str,
    /// When the session stops accepting payment (Unix seconds): a coupon's claim lasts as long.
    pub expires_at: i64,
}

impl Payments {
    /// No provider: every purchase is refused.
    pub fn off() -> Self {
        Self {
            provider: Provider::Off,
            webhook_secret: None,
        }
    }

    /// Stripe with the given API client and webhook signing secret.
    pub fn stripe(api: StripeApi, webhook_secret: String) -> Self {
        Self {
            provider: Provider::Stripe(api),
            webhook_secret: Some(webhook_secret),
        }
    }

    /// The demo checkout, its events signed with `webhook_secret`.
    pub fn demo(webhook_secret: String) -> Self {
        Self {
            provider: Provider::Demo,
            webhook_secret: Some(webhook_secret),
        }
    }

    /// The secret webhook deliveries must be signed with; `None` when payments are off.
    pub fn webhook_secret(&self) -> Option<&str> {
        self.webhook_secret.as_deref()
    }

    /// Starts a Checkout Session for `new` and returns where to send the browser.
    pub async fn create_session(&self, new: &NewSession<'_>) -> Result<CreatedSession, AppError> {
        match &self.provider {
            Provider::Stripe(api) => api.create_session(new).await,
            Provider::Demo => {
                let id = format!(
                    "cs_demo_{}",
                    &new.idempotency_key[..32.min(new.idempotency_key.len())]
                );
                Ok(CreatedSession {
                    url: format!("/checkout/demo/{id}"),
                    id,
                })
            }
            Provider::Off => Err(AppError::Conflict(PURCHASES_OFF.into())),
        }
    }

    /// What the provider says about session `id` now.
    pub async fn session_facts(
        &self,
        db: &DatabaseConnection,
        id: &str,
    ) -> Result<Option<SessionFacts>, AppError> {
        match &self.provider {
            Provider::Stripe(api) => api.session_facts(id).await,
            Provider::Demo => {
                let row = checkout::Entity::find()
                    .filter(checkout::Column::ProviderSessionId.eq(id))
                    .one(db)
                    .await?;
                Ok(row.map(|row| SessionFacts {
                    paid: row.demo_paid_at.is_some(),
                    amount_total: row.amount_cents,
                    currency: row.currency.to_lowercase(),
                    payment_intent: row.demo_payment_intent.clone(),
                    refunded: row.demo_refunded_at.is_some(),
                }))
            }
            Provider::Off => Ok(None),
        }
    }

    /// The Checkout Session that made payment `payment_intent`, when the provider knows one.
    pub async fn session_of_payment(
        &self,
        db: &DatabaseConnection,
        payment_intent: &str,
    ) -> Result<Option<String>, AppError> {
        match &self.provider {
            Provider::Stripe(api) => api.session_of_payment(payment_intent).await,
            Provider::Demo => Ok(checkout::Entity::find()
                .filter(checkout::Column::DemoPaymentIntent.eq(payment_intent))
                .one(db)
                .await?
                .map(|row| row.provider_session_id)),
            Provider::Off => Ok(None),
        }
    }
}

/// The refusal when no provider is configured.
pub const PURCHASES_OFF: &str =
    "Purchasing is not available on this site yet. The site's administrators have been told.";
