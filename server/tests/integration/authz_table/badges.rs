//! Rows for badges: defining them and revoking awards (instructors, the course check being the
//! service's; site-wide badges admins), a learner's own achievements (signed in), and credential
//! pages and checks (anyone); points and leaderboards (standing: anyone, the rest signed in);
//! certificates: listing and revoking (instructors), their pages (anyone).

use app::api::{badges, certificates, points};
use leptos::server_fn::ServerFn;

use super::{Access, Args};

/// Badges, credentials and certificates.
pub fn badges() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (
            badges::GetCourseBadges::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            badges::CreateBadge::PATH,
            (
                Instructor,
                form(&[
                    ("course", "999999"),
                    ("name", "Badge"),
                    ("description", "A badge"),
                    ("criteria", "Complete it"),
                    ("image", "star"),
                    ("rule", "course_completed"),
                ]),
            ),
        ),
        (badges::GetSiteBadges::PATH, (Admin, form(&[]))),
        (
            badges::CreateSiteBadge::PATH,
            (
                Admin,
                form(&[
                    ("name", "Badge"),
                    ("description", "A badge"),
                    ("criteria", "Complete it"),
                    ("image", "star"),
                    ("rule", "courses_completed"),
                    ("threshold", "1"),
                ]),
            ),
        ),
        (
            badges::DeleteBadge::PATH,
            (Instructor, form(&[("badge_id", "999999")])),
        ),
        (
            badges::RevokeAward::PATH,
            (
                Instructor,
                form(&[("credential", "no-such-credential"), ("reason", "Cheating")]),
            ),
        ),
        (badges::GetAchievements::PATH, (SignedIn, form(&[]))),
        (
            badges::SetCredentialsPublic::PATH,
            (SignedIn, form(&[("public", "false")])),
        ),
        (
            badges::GetCredential::PATH,
            (Public, form(&[("id", "no-such-credential")])),
        ),
        (
            badges::CheckCredential::PATH,
            (Public, form(&[("token", "not.a.jwt")])),
        ),
        (
            certificates::GetCertificate::PATH,
            (Public, form(&[("id", "no-such-certificate")])),
        ),
        (
            certificates::GetCourseCertificates::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (points::GetStanding::PATH, (Public, form(&[]))),
        (
            points::GetLeaderboard::PATH,
            (SignedIn, form(&[("period", "week")])),
        ),
        (
            points::SetLeaderboardPublic::PATH,
            (SignedIn, form(&[("public", "false")])),
        ),
        (
            points::SetTimeZone::PATH,
            (SignedIn, form(&[("zone", "Europe/Paris")])),
        ),
        (
            certificates::RevokeCertificate::PATH,
            (
                Instructor,
                form(&[
                    ("certificate", "no-such-certificate"),
                    ("reason", "Cheating"),
                ]),
            ),
        ),
    ]
}
