//! `/instructors/{slug}`: public instructor profiles, and the bio editor on the account page.

mod bio_editor;
mod profile;

pub use bio_editor::BioEditor;
pub use profile::InstructorProfilePage;
