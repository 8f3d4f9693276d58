//! Points, streaks and leaderboards through the server functions: points once per lesson and
//! per first quiz pass whatever the order and repetition of events, the streak in the learner's
//! time zone, and leaderboards that name only learners who opted in while everyone sees their
//! own rank — with SQL and with Redis behind the boards.

use app::api::points::{GetLeaderboard, GetStanding, SetLeaderboardPublic, SetTimeZone};
use app::api::quiz::{StartAttempt, SubmitAttempt};
use app::error::AppError;
use app::models::{AttemptView, LeaderboardView, Standing, LESSON_POINTS, QUIZ_POINTS};

use crate::badges::complete;
use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::quiz::{answered_attempt, quiz_with_every_kind, settings};
use crate::common::{err, form, ok, Backend, Person, Sessions, TestApp};

async fn standing(app: &TestApp, who: &Person) -> Standing {
    let got: Option<Standing> = ok(form::<GetStanding>(app, who, &[]).await);
    got.expect("a signed-in learner has a standing")
}

async fn board(app: &TestApp, who: &Person, course: &str, period: &str) -> LeaderboardView {
    ok(form::<GetLeaderboard>(app, who, &[("course", course), ("period", period)]).await)
}

async fn points_once_and_the_streak_in_the_learners_zone(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    assert_eq!(
        standing(&app, &lea).await,
        Standing {
            time_zone: "UTC".into(),
            ..Default::default()
        }
    );

    complete(&app, &lea, &[c.lessons[2], c.lessons[0]], 1).await;
    complete(&app, &lea, &[c.lessons[0], c.lessons[2]], 1).await;
    complete(&app, &lea, &[c.lessons[1]], 3).await;
    complete(&app, &lea, &[c.lessons[1]], 3).await;
    let s = standing(&app, &lea).await;
    assert_eq!(s.points, i64::from(3 * LESSON_POINTS), "once per lesson");
    assert_eq!(s.week_points, s.points);
    assert_eq!(s.streak_days, 1, "points today: a one-day streak");

    // The browser reports its zone; nonsense is refused and changes nothing.
    assert!(matches!(
        err(form::<SetTimeZone>(&app, &lea, &[("zone", "Mars/Olympus_Mons")]).await),
        AppError::Validation(f) if f.contains_key("zone")
    ));
    assert!(matches!(
        err(form::<SetTimeZone>(&app, &lea, &[("zone", &"A".repeat(65))]).await),
        AppError::Validation(f) if f.contains_key("zone")
    ));
    assert_eq!(standing(&app, &lea).await.time_zone, "UTC");
    let _: () = ok(form::<SetTimeZone>(&app, &lea, &[("zone", "Asia/Tokyo")]).await);
    let s = standing(&app, &lea).await;
    assert_eq!(s.time_zone, "Asia/Tokyo");
    assert_eq!(s.streak_days, 1);
}

async fn a_quiz_pass_earns_its_points_once(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_teacher, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    let lesson = course.quiz_lesson.to_string();
    let blank: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    let _: serde_json::Value =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &blank.id.to_string())]).await);
    assert_eq!(
        standing(&app, &learner).await.points,
        0,
        "a fail earns nothing"
    );
    for _ in 0..2 {
        let right = answered_attempt(&app, &learner, course.quiz_lesson).await;
        let _: serde_json::Value =
            ok(
                form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &right.id.to_string())])
                    .await,
            );
    }
    assert_eq!(
        standing(&app, &learner).await.points,
        i64::from(LESSON_POINTS + QUIZ_POINTS),
        "the quiz's lesson completed, and the first pass; a second pass adds nothing"
    );
}

async fn leaderboards_name_only_who_opted_in(backend: Backend, sessions: Sessions) {
    let app = TestApp::start(backend, sessions).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    let sam = enrolled_learner(&app, "sam@example.org").await;
    let kim = enrolled_learner(&app, "kim@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    // Event ids are the learner's device's and must not collide between learners here.
    complete(&app, &sam, &c.lessons[..2], 11).await;

    // Nobody opted in: only "You" and "A learner".
    let seen = board(&app, &sam, "", "week").await;
    let rows: Vec<(u64, &str, i64)> = seen
        .top
        .iter()
        .map(|r| (r.rank, r.name.as_str(), r.points))
        .collect();
    assert_eq!(rows, [(1, "A learner", 30), (2, "You", 20)]);
    assert_eq!(seen.me.as_ref().map(|m| m.rank), Some(2));
    assert_eq!(seen.learners, 2);
    assert!(!seen.named);

    // Lea opts in: her name shows to others.
    let _: () = ok(form::<SetLeaderboardPublic>(&app, &lea, &[("public", "true")]).await);
    let seen = board(&app, &kim, "rust", "all").await;
    let names: Vec<&str> = seen.top.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Name lea@example.org", "A learner"]);
    assert_eq!(seen.me, None, "Kim has no points: no rank, but the board");
    assert_eq!(seen.course, Some(("rust".into(), "Course rust".into())));
    assert!(seen.courses.iter().any(|(slug, _)| slug == "rust"));

    // Opting out again hides it.
    let _: () = ok(form::<SetLeaderboardPublic>(&app, &lea, &[("public", "false")]).await);
    let seen = board(&app, &kim, "rust", "all").await;
    assert!(seen.top.iter().all(|r| r.name == "A learner"));

    // More points move the ranks (written through to Redis when it is used).
    complete(&app, &sam, &c.lessons[2..], 19).await;
    let seen = board(&app, &sam, "rust", "week").await;
    assert_eq!(
        seen.top.iter().map(|r| r.rank).collect::<Vec<_>>(),
        [1, 1],
        "a tie shares the rank"
    );
    assert_eq!(seen.me.map(|m| (m.rank, m.points)), Some((1, 30)));

    // Bad input and strangers.
    assert!(matches!(
        err(form::<GetLeaderboard>(&app, &sam, &[("period", "forever")]).await),
        AppError::Validation(f) if f.contains_key("period")
    ));
    assert_eq!(
        form::<GetLeaderboard>(&app, &sam, &[("course", "no-such-course")])
            .await
            .0,
        404
    );
    let anonymous = TestApp::new_client();
    let reply = app
        .call_with(
            &anonymous,
            <GetLeaderboard as leptos::server_fn::ServerFn>::PATH,
            &[("period", "week")],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 401);
}

async fn leaderboards_with_sql(backend: Backend) {
    leaderboards_name_only_who_opted_in(backend, Sessions::Memory).await;
}

async fn leaderboards_with_redis(backend: Backend) {
    leaderboards_name_only_who_opted_in(backend, Sessions::Redis).await;
}

on_both_backends! {
    points_and_streaks => points_once_and_the_streak_in_the_learners_zone;
    points_for_quizzes => a_quiz_pass_earns_its_points_once;
    leaderboards_sql => leaderboards_with_sql;
    leaderboards_redis => leaderboards_with_redis;
}
