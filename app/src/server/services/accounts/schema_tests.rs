//! The account migrations roll back and forward cleanly, keeping existing users.

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::test_support::{db, passwordless};
use crate::server::entities::user;

#[tokio::test]
async fn account_migrations_roll_back_and_reapply_keeping_users() {
    let db = db().await;
    let tess = passwordless(&db, "tess@example.org", "instructor").await;
    // Everything after the four catalogue migrations: the account ones and all later ones.
    let after_catalogue = u32::try_from(Migrator::migrations().len() - 4).expect("count");
    Migrator::down(&db, Some(after_catalogue))
        .await
        .expect("roll back the account migrations");
    let gone = db
        .execute_unprepared("SELECT password_hash FROM users")
        .await;
    assert!(gone.is_err(), "credential columns are dropped");
    Migrator::up(&db, None).await.expect("re-apply");
    let row = user::Entity::find_by_id(tess.id)
        .one(&db)
        .await
        .expect("query")
        .expect("the user survived");
    assert_eq!((row.auth_version, row.password_hash), (0, None));
}
