//! A person using Lectern: learner, instructor or admin.
use sea_orm::entity::prelude::*;

/// A row of `users`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub role: String,
    /// Markdown shown on the public instructor profile.
    pub bio: String,
    /// The stable, unique address of the public profile (`/instructors/{slug}`); only
    /// instructors and admins have one.
    pub slug: Option<String>,
    /// Argon2id PHC string; `None` for accounts that never set a password.
    pub password_hash: Option<String>,
    /// Bumped whenever existing sessions must end (password change or reset, deletion).
    pub auth_version: i32,
    /// When the account was deleted and anonymised; such users can never sign in.
    pub deleted_at: Option<DateTimeUtc>,
    /// Whether the learner's credential pages (`/credentials/{id}`) are public.
    pub credentials_public: bool,
    /// Whether the learner appears by name on leaderboards (otherwise as "A learner").
    pub leaderboard_public: bool,
    /// The learner's IANA time zone, as their browser reports it (for daily streaks).
    pub time_zone: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The role of a person who learns; every new account starts here.
pub const ROLE_LEARNER: &str = "learner";
/// The role of a person who may publish courses.
pub const ROLE_INSTRUCTOR: &str = "instructor";
/// The role of a person who runs the site; implies instructor powers.
pub const ROLE_ADMIN: &str = "admin";
