//! The demo catalogue: two instructors, a dozen published courses and some learners' reviews
//! ([`crate::seed_reviews`]), embedded in the binary from `server/seed/` and loaded by
//! `server seed` or on first start with `LECTERN_DEMO=true`.

use anyhow::{bail, Context};
use app::models::{CATEGORIES, LEVELS};
use app::server::entities::{coupon, course, lesson, section, user};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};
use serde::Deserialize;

pub(crate) mod files {
    include!(concat!(env!("OUT_DIR"), "/seed_files.rs"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstructorsFile {
    instructors: Vec<SeedInstructor>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedInstructor {
    email: String,
    display_name: String,
    bio: String,
}

/// One course file of the demo catalogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCourse {
    slug: String,
    title: String,
    subtitle: String,
    category: String,
    level: String,
    language: String,
    price_cents: i64,
    currency: String,
    cover: String,
    instructor: String,
    featured: bool,
    description: String,
    /// Coupons learners can try on the demo (paid courses only).
    #[serde(default)]
    coupons: Vec<SeedCoupon>,
    /// Badges learners of the course can earn.
    #[serde(default)]
    badges: Vec<crate::seed_badges::SeedBadge>,
    sections: Vec<SeedSection>,
}

impl SeedCourse {
    /// The course's address name.
    pub fn slug(&self) -> &str {
        &self.slug
    }
}

/// A percent-off coupon without expiry or limit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedCoupon {
    code: String,
    percent_off: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedSection {
    title: String,
    lessons: Vec<SeedLesson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedLesson {
    slug: String,
    title: String,
    kind: String,
    duration_seconds: i32,
    free_preview: bool,
    body: String,
    /// The questions of a `quiz` lesson, in GIFT; they go into the course's question bank
    /// (tagged with the lesson's slug) and the quiz asks all of them.
    #[serde(default)]
    gift: Option<String>,
}

/// What a seed run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Instructors created (existing emails are kept as they are).
    pub instructors_created: usize,
    /// Courses created.
    pub courses_created: usize,
    /// Courses skipped because their slug already exists.
    pub courses_skipped: usize,
    /// Demo reviews written (a learner's existing review of a course is kept).
    pub reviews_created: usize,
    /// Site-wide badges created (one with the same name is kept).
    pub site_badges_created: usize,
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses and checks every embedded course file.
pub fn demo_courses() -> anyhow::Result<Vec<SeedCourse>> {
    files::COURSES
        .iter()
        .map(|(name, text)| {
            let course: SeedCourse =
                toml::from_str(text).with_context(|| format!("parsing seed/courses/{name}"))?;
            validate(&course).with_context(|| format!("checking seed/courses/{name}"))?;
            Ok(course)
        })
        .collect()
}

fn validate(c: &SeedCourse) -> anyhow::Result<()> {
    if !is_slug(&c.slug) {
        bail!("bad course slug {:?}", c.slug);
    }
    if !CATEGORIES.iter().any(|(v, _)| *v == c.category) {
        bail!("unknown category {:?}", c.category);
    }
    if !LEVELS.iter().any(|(v, _)| *v == c.level) {
        bail!("unknown level {:?}", c.level);
    }
    for coupon in &c.coupons {
        if c.price_cents == 0 || !(1..=99).contains(&coupon.percent_off) || coupon.code.len() < 3 {
            bail!(
                "coupon {:?} needs a paid course and 1 to 99 percent off",
                coupon.code
            );
        }
    }
    crate::seed_badges::validate(&c.badges)?;
    if c.sections.is_empty() {
        bail!("a course needs at least one section");
    }
    let mut seen = std::collections::HashSet::new();
    for lesson in c.sections.iter().flat_map(|s| &s.lessons) {
        if !is_slug(&lesson.slug) || !seen.insert(lesson.slug.as_str()) {
            bail!("bad or repeated lesson slug {:?}", lesson.slug);
        }
        if !matches!(lesson.kind.as_str(), "text" | "video" | "file" | "quiz") {
            bail!("unknown lesson kind {:?}", lesson.kind);
        }
        match (lesson.kind.as_str(), &lesson.gift) {
            ("quiz", Some(gift)) => {
                for q in quiz_questions(gift)? {
                    if let Err(problems) = app::quiz::validate(&q.question) {
                        bail!(
                            "question on line {} of {}: {problems:?}",
                            q.line,
                            lesson.slug
                        );
                    }
                }
            }
            ("quiz", None) => bail!("quiz lesson {} needs its questions in `gift`", lesson.slug),
            (_, Some(_)) => bail!("only quiz lessons have `gift` questions ({})", lesson.slug),
            _ => {}
        }
    }
    Ok(())
}

/// The questions of a seed quiz.
fn quiz_questions(gift: &str) -> anyhow::Result<Vec<app::quiz::Imported>> {
    app::quiz::gift::parse(gift).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("line {}: {}", e.line, e.message))
            .collect();
        anyhow::anyhow!("bad quiz questions: {}", lines.join("; "))
    })
}

/// Stores a seed quiz: its questions in the course's bank, and a quiz asking all of them.
async fn seed_quiz(
    txn: &sea_orm::DatabaseTransaction,
    course_id: i64,
    instructor_id: i64,
    lesson: &lesson::Model,
    gift: &str,
) -> anyhow::Result<()> {
    use app::models::{QuizItem, QuizSettings};
    use app::server::entities::{question, quiz};
    let mut items = Vec::new();
    for q in quiz_questions(gift)? {
        let mut tags = q.tags.clone();
        tags.push(lesson.slug.clone());
        let row = question::ActiveModel {
            course_id: Set(course_id),
            kind: Set(q.question.body.kind().slug().into()),
            title: Set(app::quiz::excerpt(&q.question)),
            tags: Set(serde_json::to_string(&tags)?),
            body: Set(serde_json::to_string(&q.question)?),
            points: Set(q.question.points),
            created_by: Set(Some(instructor_id)),
            created_at: Set(lesson.created_at),
            updated_at: Set(lesson.created_at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        items.push(QuizItem::Question {
            question_id: row.id,
        });
    }
    quiz::ActiveModel {
        lesson_id: Set(lesson.id),
        course_id: Set(course_id),
        settings: Set(serde_json::to_string(&QuizSettings {
            shuffle_questions: true,
            ..QuizSettings::default()
        })?),
        items: Set(serde_json::to_string(&items)?),
        updated_at: Set(lesson.created_at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// True when no course exists yet (the moment to load demo content).
pub async fn catalogue_is_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    Ok(course::Entity::find().count(db).await? == 0)
}

/// Gives the demo instructors who have no password yet `password`, so a local demo can sign
/// in as them (`LECTERN_DEMO_PASSWORD`; never set it on a public deployment). Returns how many
/// accounts got it.
pub async fn set_demo_passwords(db: &DatabaseConnection, password: &str) -> anyhow::Result<usize> {
    let instructors: InstructorsFile =
        toml::from_str(files::INSTRUCTORS).context("parsing seed/instructors.toml")?;
    let hash = app::server::services::accounts::passwords::hash_password(password)
        .map_err(|e| anyhow::anyhow!("hashing the demo password: {e}"))?;
    let mut updated = 0;
    for i in instructors.instructors {
        let result = user::Entity::update_many()
            .col_expr(
                user::Column::PasswordHash,
                sea_orm::sea_query::Expr::value(hash.clone()),
            )
            .filter(user::Column::Email.eq(i.email.to_lowercase()))
            .filter(user::Column::PasswordHash.is_null())
            .exec(db)
            .await?;
        updated += result.rows_affected as usize;
    }
    Ok(updated)
}

/// The id of the user with (lower-case) `email`, inserting `new` (with that email) when there
/// is none; `true` when it was inserted. Existing accounts are left as they are.
pub(crate) async fn user_for(
    db: &DatabaseConnection,
    email: &str,
    new: user::ActiveModel,
) -> anyhow::Result<(i64, bool)> {
    let existing = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?;
    Ok(match existing {
        Some(u) => (u.id, false),
        None => (new.insert(db).await?.id, true),
    })
}

/// Loads the demo instructors and courses; existing instructors and courses are left alone.
pub async fn load_demo(db: &DatabaseConnection) -> anyhow::Result<SeedReport> {
    let instructors: InstructorsFile =
        toml::from_str(files::INSTRUCTORS).context("parsing seed/instructors.toml")?;
    let courses = demo_courses()?;
    let mut report = SeedReport::default();
    let now = Utc::now();
    let mut instructor_ids = std::collections::HashMap::new();
    for i in instructors.instructors {
        let email = i.email.to_lowercase();
        let (id, created) = user_for(
            db,
            &email,
            user::ActiveModel {
                email: Set(email.clone()),
                display_name: Set(i.display_name),
                role: Set("instructor".to_owned()),
                bio: Set(i.bio),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            },
        )
        .await?;
        report.instructors_created += usize::from(created);
        // Their public profile's address (`/instructors/{slug}`), given once.
        app::server::services::instructors::assign_slug(db, id).await?;
        instructor_ids.insert(email, id);
    }
    for c in courses {
        let exists = course::Entity::find()
            .filter(course::Column::Slug.eq(c.slug.as_str()))
            .count(db)
            .await?
            > 0;
        if exists {
            report.courses_skipped += 1;
            continue;
        }
        let Some(&instructor_id) = instructor_ids.get(&c.instructor.to_lowercase()) else {
            bail!(
                "course {} names unknown instructor {}",
                c.slug,
                c.instructor
            );
        };
        let txn = db.begin().await?;
        let course_id = course::ActiveModel {
            slug: Set(c.slug),
            title: Set(c.title),
            subtitle: Set(c.subtitle),
            description: Set(c.description),
            category: Set(c.category),
            level: Set(c.level),
            language: Set(c.language),
            price_cents: Set(c.price_cents),
            currency: Set(c.currency),
            cover_url: Set(Some(c.cover)),
            status: Set(course::STATUS_PUBLISHED.to_owned()),
            featured: Set(c.featured),
            instructor_id: Set(instructor_id),
            published_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id;
        for seed in c.coupons {
            coupon::ActiveModel {
                course_id: Set(course_id),
                code: Set(seed.code.to_uppercase()),
                kind: Set(coupon::KIND_PERCENT.to_owned()),
                amount: Set(seed.percent_off),
                expires_at: Set(None),
                max_redemptions: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        crate::seed_badges::insert(&txn, course_id, instructor_id, c.badges, now).await?;
        for (s_pos, s) in c.sections.into_iter().enumerate() {
            let section_id = section::ActiveModel {
                course_id: Set(course_id),
                position: Set(i32::try_from(s_pos)?),
                title: Set(s.title),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id;
            for (l_pos, l) in s.lessons.into_iter().enumerate() {
                let gift = l.gift;
                let stored = lesson::ActiveModel {
                    course_id: Set(course_id),
                    section_id: Set(section_id),
                    slug: Set(l.slug),
                    position: Set(i32::try_from(l_pos)?),
                    title: Set(l.title),
                    kind: Set(l.kind),
                    body: Set(l.body),
                    duration_seconds: Set(l.duration_seconds),
                    free_preview: Set(l.free_preview),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                if let Some(gift) = gift {
                    seed_quiz(&txn, course_id, instructor_id, &stored, &gift).await?;
                }
            }
        }
        txn.commit().await?;
        report.courses_created += 1;
    }
    report.reviews_created = crate::seed_reviews::load(db, now).await?;
    report.site_badges_created = crate::seed_badges::site_wide(db, now).await?;
    Ok(report)
}

#[cfg(test)]
#[path = "seed_tests.rs"]
mod tests;
