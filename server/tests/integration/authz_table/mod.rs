//! The authorization matrix's table: for every server function, who may call it (the least
//! role) and arguments that reach its authorization check. Kept in step with the router by
//! `authz_matrix.rs`, which fails on any registered function without a row.

use std::collections::BTreeMap;

mod authoring;
mod badges;
mod payments;
mod people;
mod profiles;
mod quizzes;
mod reviews;

/// The least a caller must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Access {
    Public,
    SignedIn,
    Instructor,
    Admin,
}

/// How the arguments are sent.
pub enum Args {
    Form(Vec<(&'static str, &'static str)>),
    Json(serde_json::Value),
}

/// Every row, by server-function path.
pub fn table() -> BTreeMap<&'static str, (Access, Args)> {
    people::people()
        .into_iter()
        .chain(authoring::course_authoring())
        .chain(quizzes::quizzes())
        .chain(profiles::profiles())
        .chain(payments::payments())
        .chain(reviews::reviews())
        .chain(badges::badges())
        .collect()
}
