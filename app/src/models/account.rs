//! Accounts as the pages see them: roles, the signed-in user, admin lists and API tokens.

use serde::{Deserialize, Serialize};

/// What a user may do. Each role includes the powers of the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Takes courses.
    Learner,
    /// Also authors and publishes courses.
    Instructor,
    /// Also manages users, roles and instructor applications.
    Admin,
}

impl Role {
    /// Every role, weakest first.
    pub const ALL: [Role; 3] = [Role::Learner, Role::Instructor, Role::Admin];

    /// The value stored in `users.role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Instructor => "instructor",
            Role::Admin => "admin",
        }
    }

    /// The role stored as `value`, if it is one.
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// A human label for the role.
    pub fn label(self) -> &'static str {
        match self {
            Role::Learner => "Learner",
            Role::Instructor => "Instructor",
            Role::Admin => "Admin",
        }
    }
}

/// True when a user with the stored `role` has at least the powers of `needed`.
/// Unknown role strings have no powers beyond a learner's.
pub fn role_at_least(role: &str, needed: Role) -> bool {
    Role::parse(role).unwrap_or(Role::Learner) >= needed
}

/// The signed-in user, as the header and account pages show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    /// `learner`, `instructor` or `admin`; see [`Role`].
    pub role: String,
}

/// What an admin asked the user list for; mirrors the `/admin/users` URL query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUserQuery {
    /// Case-insensitive text matched against email and display name.
    pub q: Option<String>,
    /// Only users with this role (`learner`, `instructor`, `admin`).
    pub role: Option<String>,
    /// 1-based page number; missing or 0 means the first page.
    pub page: Option<u64>,
}

/// One user in the admin list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminUserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    /// False for seeded accounts that never set a password.
    pub has_password: bool,
    /// RFC 3339 timestamp of sign-up.
    pub created_at: String,
}

/// One page of the admin user list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminUserPage {
    /// The users on this page (empty past the last page).
    pub items: Vec<AdminUserRow>,
    /// The page served, 1-based, after normalising page 0 to 1.
    pub page: u64,
    /// How many users per page.
    pub per_page: u64,
    /// All matching users across pages.
    pub total: u64,
    /// How many pages the results span (0 when nothing matches).
    pub total_pages: u64,
}

/// A pending instructor application, as an admin reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstructorApplicationRow {
    pub id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub motivation: String,
    /// RFC 3339 timestamp of the application.
    pub created_at: String,
}

/// An API token as its owner sees it in the list; never includes the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenInfo {
    pub id: i64,
    pub name: String,
    /// The first characters after `lct_`, to tell tokens apart.
    pub prefix: String,
    /// What it may do on the REST API ([`ApiScope`] keys).
    #[serde(default)]
    pub scopes: Vec<String>,
    /// RFC 3339 timestamp of creation.
    pub created_at: String,
    /// RFC 3339 timestamp of the last authenticated use, if any.
    pub last_used_at: Option<String>,
}

/// A freshly created API token: the only time its secret is ever shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApiToken {
    pub info: ApiTokenInfo,
    /// The full `lct_…` secret; store it now, it cannot be shown again.
    pub secret: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_implies_instructor_implies_learner() {
        assert!(role_at_least("admin", Role::Instructor));
        assert!(role_at_least("admin", Role::Admin));
        assert!(role_at_least("instructor", Role::Instructor));
        assert!(!role_at_least("instructor", Role::Admin));
        assert!(!role_at_least("learner", Role::Instructor));
        assert!(role_at_least("learner", Role::Learner));
    }

    #[test]
    fn unknown_roles_have_no_extra_powers() {
        assert!(!role_at_least("superuser", Role::Instructor));
        assert!(
            !role_at_least("Admin", Role::Admin),
            "stored roles are lowercase"
        );
        assert_eq!(Role::parse("instructor"), Some(Role::Instructor));
        assert_eq!(Role::parse(""), None);
    }
}

/// What an API token may do on the REST API (`/api/v1`), chosen when it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiScope {
    /// Read the catalogue, your account, enrollments and progress.
    Read,
    /// Enroll, unenroll and record progress.
    Learn,
    /// Instructor work on your own courses.
    Teach,
    /// Administration (admins only).
    Admin,
}

impl ApiScope {
    /// Every scope, in the order forms list them.
    pub const ALL: [ApiScope; 4] = [
        ApiScope::Read,
        ApiScope::Learn,
        ApiScope::Teach,
        ApiScope::Admin,
    ];

    /// The stored and documented key (`read`, …).
    pub fn key(self) -> &'static str {
        match self {
            ApiScope::Read => "read",
            ApiScope::Learn => "learn",
            ApiScope::Teach => "teach",
            ApiScope::Admin => "admin",
        }
    }

    /// What the scope allows, for the token form.
    pub fn label(self) -> &'static str {
        match self {
            ApiScope::Read => "Read: the catalogue, your account, enrollments and progress",
            ApiScope::Learn => "Learn: enroll, unenroll and record progress",
            ApiScope::Teach => "Teach: your courses, as an instructor",
            ApiScope::Admin => "Admin: users and roles, as an admin",
        }
    }

    /// The scope with key `key`.
    pub fn from_key(key: &str) -> Option<ApiScope> {
        ApiScope::ALL.into_iter().find(|s| s.key() == key.trim())
    }

    /// The scopes of a stored comma-separated list (unknown keys are skipped).
    pub fn parse_list(list: &str) -> Vec<ApiScope> {
        ApiScope::ALL
            .into_iter()
            .filter(|s| list.split(',').any(|k| k.trim() == s.key()))
            .collect()
    }

    /// `scopes` as a stored list, in [`ApiScope::ALL`] order without repeats.
    pub fn join(scopes: &[ApiScope]) -> String {
        ApiScope::ALL
            .into_iter()
            .filter(|s| scopes.contains(s))
            .map(ApiScope::key)
            .collect::<Vec<_>>()
            .join(",")
    }
}
