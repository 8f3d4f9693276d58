//! sea-orm entities, one module per table. Never sent to the browser: map to `models` DTOs.

pub mod api_token;
pub mod attempt_question;
pub mod checkout;
pub mod coupon;
pub mod coupon_redemption;
pub mod course;
pub mod course_rating;
pub mod enrollment;
pub mod instructor_application;
pub mod job;
pub mod lesson;
pub mod lesson_progress;
pub mod media;
pub mod password_reset;
pub mod payment_dispute;
pub mod payment_event;
pub mod progress_event;
pub mod purchase;
pub mod question;
pub mod quiz;
pub mod quiz_attempt;
pub mod review;
pub mod review_report;
pub mod review_vote;
pub mod section;
pub mod user;
