//! Public instructor profiles: a stable, unique `slug` per instructor (`/instructors/{slug}`).
//!
//! The column is nullable: learners have no public profile. Existing instructors and admins
//! get a slug from their display name here; later ones get theirs when they become instructors.
//! Both SQLite and Postgres let a unique index hold many NULLs.
use std::collections::HashSet;

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Profile {
    Slug,
}

/// Longest profile slug, in characters (the app uses the same limit).
const MAX_SLUG: usize = 60;

/// An ASCII slug of `name`: lowercase letters and digits, other runs become one `-`.
fn slug_of(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let cut: String = out.chars().take(MAX_SLUG - 4).collect();
    let cut = cut.trim_end_matches('-');
    if cut.is_empty() {
        "instructor".to_owned()
    } else {
        cut.to_owned()
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len_null(Profile::Slug, MAX_SLUG as u32))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_slug")
                    .table(Users::Table)
                    .col(Profile::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let select = Query::select()
            .columns([Users::Id, Users::DisplayName])
            .from(Users::Table)
            .and_where(Expr::col(Users::Role).is_in(["instructor", "admin"]))
            .and_where(Expr::col(Alias::new("deleted_at")).is_null())
            .order_by(Users::Id, Order::Asc)
            .to_owned();
        let rows = manager.get_connection().query_all(&select).await?;
        let mut taken = HashSet::new();
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let name: String = row.try_get("", "display_name")?;
            let base = slug_of(&name);
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            manager
                .exec_stmt(
                    Query::update()
                        .table(Users::Table)
                        .value(Profile::Slug, slug)
                        .and_where(Expr::col(Users::Id).eq(id))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_users_slug")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Profile::Slug)
                    .to_owned(),
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn slugs_are_lowercase_ascii_words() {
        assert_eq!(slug_of("Ada Okafor"), "ada-okafor");
        assert_eq!(slug_of("  Miguel  Serrano! "), "miguel-serrano");
        assert_eq!(slug_of("Zoë"), "zo");
        assert_eq!(slug_of("李"), "instructor");
    }
}
