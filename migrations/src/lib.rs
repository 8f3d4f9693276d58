//! Lectern's database schema, one migration per file, runnable on SQLite and Postgres.
//!
//! Ids are `bigint` identities (plain `integer` row ids on SQLite) and every timestamp is
//! `timestamptz`, so the same schema serves the embedded default and production Postgres.

#![allow(
    elided_lifetimes_in_paths,
    reason = "MigrationTrait (async_trait) rejects an explicit SchemaManager<'_>"
)]

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_users;
mod m20261122_000002_create_courses;
mod m20261122_000003_create_sections;
mod m20261122_000004_create_lessons;
mod m20261122_000005_add_user_credentials;
mod m20261122_000006_create_password_resets;
mod m20261122_000007_create_api_tokens;
mod m20261122_000008_create_instructor_applications;
mod m20261122_000009_course_authoring;
mod m20261122_000010_learning;
mod m20261122_000011_quizzes;
mod m20261126_000012_jobs;
mod m20261126_000013_instructor_profiles;
mod m20261127_000014_payments;
mod m20261127_000015_coupons;
mod m20261127_000016_reviews;
mod m20261128_000017_badges;
mod m20261128_000018_certificates;
mod m20261128_000019_points;
mod m20261128_000020_badge_images;
mod m20261128_000021_token_scopes;
mod m20261128_000022_idempotency_keys;
mod m20261129_000023_attempt_grace;

/// Runs every Lectern migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_users::Migration),
            Box::new(m20261122_000002_create_courses::Migration),
            Box::new(m20261122_000003_create_sections::Migration),
            Box::new(m20261122_000004_create_lessons::Migration),
            Box::new(m20261122_000005_add_user_credentials::Migration),
            Box::new(m20261122_000006_create_password_resets::Migration),
            Box::new(m20261122_000007_create_api_tokens::Migration),
            Box::new(m20261122_000008_create_instructor_applications::Migration),
            Box::new(m20261122_000009_course_authoring::Migration),
            Box::new(m20261122_000010_learning::Migration),
            Box::new(m20261122_000011_quizzes::Migration),
            Box::new(m20261126_000012_jobs::Migration),
            Box::new(m20261126_000013_instructor_profiles::Migration),
            Box::new(m20261127_000014_payments::Migration),
            Box::new(m20261127_000015_coupons::Migration),
            Box::new(m20261127_000016_reviews::Migration),
            Box::new(m20261128_000017_badges::Migration),
            Box::new(m20261128_000018_certificates::Migration),
            Box::new(m20261128_000019_points::Migration),
            Box::new(m20261128_000020_badge_images::Migration),
            Box::new(m20261128_000021_token_scopes::Migration),
            Box::new(m20261128_000022_idempotency_keys::Migration),
            Box::new(m20261129_000023_attempt_grace::Migration),
        ]
    }
}
