//! Rows for question banks, quizzes, attempts and the gradebook.

use app::api::quiz;
use leptos::server_fn::ServerFn;
use serde_json::json;

use super::{Access, Args};

/// Question banks, quizzes, attempts and the gradebook.
pub fn quizzes() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (
            quiz::ListQuestions::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuestion::PATH,
            (Instructor, form(&[("question_id", "999999")])),
        ),
        (
            quiz::SaveQuestion::PATH,
            (
                Instructor,
                Args::Json(
                    json!({"input": {"course_id": 999999, "id": null, "tags": [],
                    "question": {"stem": "Q", "points": 1.0, "general_feedback": "",
                    "body": {"type": "true_false", "answer": true}}}}),
                ),
            ),
        ),
        (
            quiz::DeleteQuestion::PATH,
            (Instructor, form(&[("question_id", "999999")])),
        ),
        (
            quiz::ImportQuestions::PATH,
            (
                Instructor,
                Args::Json(
                    json!({"course_id": 999999, "format": "gift", "text": "Q {T}", "tags": []}),
                ),
            ),
        ),
        (
            quiz::PreviewImport::PATH,
            (
                Instructor,
                Args::Json(
                    json!({"course_id": 999999, "format": "gift", "text": "Q {T}", "tags": []}),
                ),
            ),
        ),
        (
            quiz::ExportQuestions::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuizEditor::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::SaveQuiz::PATH,
            (
                Instructor,
                Args::Json(json!({"lesson_id": 999999, "items": [], "settings": {
                    "pass_percent": 50, "max_attempts": null, "kept": "highest",
                    "time_limit_seconds": null, "feedback": "after_submit",
                    "shuffle_questions": false, "shuffle_options": false,
                    "one_per_page": false, "opens_at": null, "closes_at": null,
                    "practice": false}})),
            ),
        ),
        (
            quiz::GetGradebook::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::ExportGradebook::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuizStats::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::GetQuiz::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::StartAttempt::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::GetAttempt::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::SaveAnswer::PATH,
            (
                SignedIn,
                Args::Json(json!({"attempt_id": 999999, "position": 0,
                    "response": {"type": "true_false", "value": true}})),
            ),
        ),
        (
            quiz::CheckAnswer::PATH,
            (
                SignedIn,
                Args::Json(json!({"attempt_id": 999999, "position": 0,
                    "response": {"type": "true_false", "value": true}})),
            ),
        ),
        (
            quiz::SubmitAttempt::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::GetAttemptResult::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::GetPracticeQuiz::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
    ]
}
