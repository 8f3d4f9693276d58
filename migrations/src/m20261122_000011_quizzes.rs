//! Quizzes: each course's question bank, the quiz of a `quiz` lesson, learners' attempts and
//! the questions of each attempt.
//!
//! Questions, settings, items, presentations and responses are JSON text (portable across
//! SQLite and Postgres). An attempt keeps a snapshot of every question it asked, so grading,
//! results and the gradebook do not change when the bank is edited later.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;
use crate::m20261122_000002_create_courses::Courses;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Lessons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Questions {
    Table,
    Id,
    CourseId,
    Kind,
    Title,
    Tags,
    Body,
    Points,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Quizzes {
    Table,
    Id,
    LessonId,
    CourseId,
    Settings,
    Items,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    Id,
    QuizId,
    LessonId,
    CourseId,
    UserId,
    Number,
    Seed,
    StartedAt,
    DeadlineAt,
    SubmittedAt,
    AutoSubmitted,
    Score,
    MaxScore,
    Percent,
    Passed,
}

#[derive(DeriveIden)]
enum AttemptQuestions {
    Table,
    Id,
    AttemptId,
    Position,
    QuestionId,
    Question,
    Presentation,
    Response,
    SavedAt,
    Checked,
    Score,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Questions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Questions::Id))
                    .col(big_integer(Questions::CourseId))
                    .col(string_len(Questions::Kind, 20))
                    .col(string_len(Questions::Title, 200))
                    .col(text(Questions::Tags))
                    .col(text(Questions::Body))
                    .col(double(Questions::Points))
                    .col(big_integer_null(Questions::CreatedBy))
                    .col(timestamp_with_time_zone_default_now(Questions::CreatedAt))
                    .col(timestamp_with_time_zone_default_now(Questions::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_questions_course",
                        (Questions::Table, Questions::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_questions_created_by")
                            .from(Questions::Table, Questions::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_questions_course")
                    .table(Questions::Table)
                    .col(Questions::CourseId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Quizzes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Quizzes::Id))
                    .col(big_integer_uniq(Quizzes::LessonId))
                    .col(big_integer(Quizzes::CourseId))
                    .col(text(Quizzes::Settings))
                    .col(text(Quizzes::Items))
                    .col(timestamp_with_time_zone_default_now(Quizzes::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_quizzes_lesson",
                        (Quizzes::Table, Quizzes::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_quizzes_course",
                        (Quizzes::Table, Quizzes::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuizAttempts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(QuizAttempts::Id))
                    .col(big_integer(QuizAttempts::QuizId))
                    .col(big_integer(QuizAttempts::LessonId))
                    .col(big_integer(QuizAttempts::CourseId))
                    .col(big_integer(QuizAttempts::UserId))
                    .col(integer(QuizAttempts::Number))
                    .col(big_integer(QuizAttempts::Seed))
                    .col(timestamp_with_time_zone(QuizAttempts::StartedAt))
                    .col(timestamp_with_time_zone_null(QuizAttempts::DeadlineAt))
                    .col(timestamp_with_time_zone_null(QuizAttempts::SubmittedAt))
                    .col(boolean(QuizAttempts::AutoSubmitted).default(false))
                    .col(double_null(QuizAttempts::Score))
                    .col(double(QuizAttempts::MaxScore))
                    .col(double_null(QuizAttempts::Percent))
                    .col(boolean_null(QuizAttempts::Passed))
                    .foreign_key(&mut cascade(
                        "fk_quiz_attempts_quiz",
                        (QuizAttempts::Table, QuizAttempts::QuizId),
                        (Quizzes::Table, Quizzes::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_quiz_attempts_user",
                        (QuizAttempts::Table, QuizAttempts::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempts_quiz_user_number")
                    .table(QuizAttempts::Table)
                    .col(QuizAttempts::QuizId)
                    .col(QuizAttempts::UserId)
                    .col(QuizAttempts::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempts_open_deadline")
                    .table(QuizAttempts::Table)
                    .col(QuizAttempts::SubmittedAt)
                    .col(QuizAttempts::DeadlineAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttemptQuestions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AttemptQuestions::Id))
                    .col(big_integer(AttemptQuestions::AttemptId))
                    .col(integer(AttemptQuestions::Position))
                    .col(big_integer_null(AttemptQuestions::QuestionId))
                    .col(text(AttemptQuestions::Question))
                    .col(text(AttemptQuestions::Presentation))
                    .col(text_null(AttemptQuestions::Response))
                    .col(timestamp_with_time_zone_null(AttemptQuestions::SavedAt))
                    .col(boolean(AttemptQuestions::Checked).default(false))
                    .col(double_null(AttemptQuestions::Score))
                    .foreign_key(&mut cascade(
                        "fk_attempt_questions_attempt",
                        (AttemptQuestions::Table, AttemptQuestions::AttemptId),
                        (QuizAttempts::Table, QuizAttempts::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attempt_questions_question")
                            .from(AttemptQuestions::Table, AttemptQuestions::QuestionId)
                            .to(Questions::Table, Questions::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attempt_questions_attempt_position")
                    .table(AttemptQuestions::Table)
                    .col(AttemptQuestions::AttemptId)
                    .col(AttemptQuestions::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AttemptQuestions::Table.into_iden(),
            QuizAttempts::Table.into_iden(),
            Quizzes::Table.into_iden(),
            Questions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
