//! Rows for course authoring and media.

use app::api::authoring;
use leptos::server_fn::ServerFn;
use serde_json::json;

use super::{Access, Args};

/// Course authoring and media.
pub fn course_authoring() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (authoring::ListMyCourses::PATH, (Instructor, form(&[]))),
        (
            authoring::PreviewMarkdown::PATH,
            (Instructor, form(&[("source", "**preview**")])),
        ),
        (
            authoring::CreateCourse::PATH,
            (
                Instructor,
                form(&[("title", ""), ("category", "x"), ("level", "x")]),
            ),
        ),
        (
            authoring::GetCourseEditor::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::SaveCourse::PATH,
            (
                Instructor,
                Args::Json(json!({"course_id": 999999, "revision": 1, "draft": {
                    "title": "", "slug": "", "subtitle": "", "description": "", "category": "",
                    "level": "", "language": "", "price": "", "outcomes": "", "requirements": ""
                }})),
            ),
        ),
        (
            authoring::PublishCourse::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::UnpublishCourse::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::AddSection::PATH,
            (Instructor, form(&[("course_id", "999999"), ("title", "x")])),
        ),
        (
            authoring::RenameSection::PATH,
            (
                Instructor,
                form(&[("section_id", "999999"), ("title", "x")]),
            ),
        ),
        (
            authoring::DeleteSection::PATH,
            (Instructor, form(&[("section_id", "999999")])),
        ),
        (
            authoring::AddLesson::PATH,
            (
                Instructor,
                form(&[("section_id", "999999"), ("title", "x"), ("kind", "text")]),
            ),
        ),
        (
            authoring::DeleteLesson::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::ReorderCurriculum::PATH,
            (
                Instructor,
                Args::Json(json!({"course_id": 999999, "order": {"sections": []}})),
            ),
        ),
        (
            authoring::GetLessonEditor::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::SaveLesson::PATH,
            (
                Instructor,
                Args::Json(json!({"lesson_id": 999999, "revision": 1, "draft": {
                    "title": "", "kind": "text", "body": "", "video_url": "",
                    "free_preview": false, "duration_minutes": ""
                }})),
            ),
        ),
        (
            authoring::SetLessonMedia::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::StartUpload::PATH,
            (
                Instructor,
                form(&[
                    ("course_id", "999999"),
                    ("kind", "image"),
                    ("filename", "a.png"),
                    ("size_bytes", "10"),
                ]),
            ),
        ),
        (
            authoring::FinishUpload::PATH,
            (Instructor, form(&[("media_id", "999999")])),
        ),
        (
            authoring::SetCourseCover::PATH,
            (
                Instructor,
                form(&[("course_id", "999999"), ("media_id", "999999")]),
            ),
        ),
    ]
}
