//! Serde DTOs that cross the wire between server functions and pages. Never sea-orm types.

mod account;
mod authoring;
mod badges;
mod catalogue;
mod certificates;
mod coupons;
mod course;
mod format;
pub mod instructor;
mod learning;
mod offline;
mod payments;
mod points;
mod quiz;
mod reviews;
mod taxonomy;

pub use account::{
    role_at_least, AdminUserPage, AdminUserQuery, AdminUserRow, ApiScope, ApiTokenInfo,
    CreatedApiToken, InstructorApplicationRow, Role, UserSummary,
};
pub use authoring::{
    publish_problems, AuthoredCourseRow, CourseDraft, CourseEditor, CurriculumOrder, EditorLesson,
    EditorSection, LessonDraft, LessonEditor, MediaInfo, Saved, SectionOrder, UploadTicket,
};
pub use badges::{
    badge_image_path, uploaded_image_id, uploaded_image_key, Achievements, AwardRow, BadgeDraft,
    BadgeRow, CourseBadges, CredentialVerdict, CredentialView, MyBadge, QuizChoice, Rule,
    SiteBadges, AWARDS_PER_PAGE, BADGE_IMAGES, MAX_BADGES_PER_COURSE, MAX_BADGE_CRITERIA,
    MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME, MAX_REVOKE_REASON, MAX_SITE_RULE_NUMBER,
};
pub use catalogue::{
    CatalogueFacets, CataloguePage, CatalogueQuery, CatalogueSort, CourseSummary, FacetCount,
    RATING_FILTERS,
};
pub use certificates::{
    CertificateRow, CertificateView, CourseCertificates, MyCertificate, CERTIFICATES_PER_PAGE,
};
pub use coupons::{CouponDraft, CouponList, CouponPreview, CouponRow};
pub use course::{
    CourseDetail, InstructorSummary, LessonLink, LessonOutline, LessonView, SectionOutline,
};
pub use format::{format_duration, format_price};
pub use learning::{
    CourseProgress, CourseStats, DailyCount, DailyRevenue, EnrolledCourse, EventResult,
    LessonFunnel, LessonPage, LessonProgress, ProgressEventInput, RecordResult, EVENT_APPLIED,
    EVENT_DUPLICATE, EVENT_REJECTED, MAX_EVENTS_PER_BATCH,
};
pub use offline::{CourseDownload, DownloadItem};
pub use payments::{
    receipt_number, AdminPurchasePage, AdminPurchaseRow, CheckoutStart, CheckoutState,
    CheckoutStatus, DemoCheckout, DisputeRow, PurchaseRow, Receipt,
};
pub use points::{
    LeaderRow, LeaderboardView, Standing, LEADERBOARD_SIZE, LESSON_POINTS, QUIZ_POINTS,
};
pub use quiz::{
    AnswerRow, AttemptQuestion, AttemptResult, AttemptSummary, AttemptView, FeedbackTiming,
    GradeCell, Gradebook, GradebookQuiz, GradebookRow, ImportPreview, ImportReport, KeptAttempt,
    LineError, PracticeQuestion, PracticeQuiz, PresentedChoice, PresentedQuestion, PreviewQuestion,
    QuestionBank, QuestionEditor, QuestionFeedback, QuestionInput, QuestionStat, QuestionSummary,
    QuizEditor, QuizItem, QuizOverview, QuizSettings, QuizStats, SaveAck, TagCount, Verdict,
    WrongAnswer, MAX_GRACE_SECONDS, SAVED_LATE,
};
pub use reviews::{
    rating_tenths, tenths_text, MonthlyRating, NewReview, RatingSummary, ReportedReview,
    ReviewEligibility, ReviewPage, ReviewReply, ReviewRow, StarShare, REVIEWS_PER_PAGE,
    SORT_HELPFUL, SORT_NEWEST,
};
pub use taxonomy::{
    category_label, level_label, CATEGORIES, CURRENCIES, LANGUAGES, LESSON_KINDS, LEVELS,
};
