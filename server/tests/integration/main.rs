//! Integration tests: the real router against fresh databases (SQLite in memory and Postgres),
//! Redis and an S3-compatible server on loopback. One test binary for all of them, so the
//! server is linked once rather than once per file; each area is a module. (`otel.rs` stays a
//! binary of its own: the tracing subscriber it installs is process-global.)

// The router embeds the app's page types, which nest deeper than the default limit allows.
#![recursion_limit = "256"]

#[macro_use]
mod common;

mod account_tokens;
mod accounts;
mod authoring;
mod authoring_outsiders;
mod authz_matrix;
mod authz_rest;
mod authz_table;
mod backups;
mod badges;
mod badges_credentials;
mod badges_quiz;
mod badges_site;
mod bounds;
mod caching;
mod catalogue;
mod certificates;
mod cli;
mod coupons;
mod course_complete_quiz;
mod deadlines;
mod first_use;
mod full_disk;
mod hydration_data;
mod learning;
mod learning_access;
mod learning_live;
mod learning_progress;
mod mail_queue;
mod markdown_preview;
mod metrics;
mod offline;
mod operational;
mod page_cache;
mod payments;
mod points;
mod practice;
mod profiles_home;
mod proxies;
mod quiz_attempts;
mod quiz_bank;
mod quiz_grace;
mod quiz_import;
mod quiz_ordering;
mod quiz_rules;
mod quiz_trust;
mod records;
mod rest_admin;
mod rest_api;
mod rest_bank;
mod rest_curriculum;
mod rest_teach;
mod reviews;
mod reviews_moderation;
mod reviews_teach;
mod search;
mod session_outage;
mod shutdown;
mod sweeps;
mod uploads;
