//! How storage failures read to the person uploading, and that backend details stay private.

use crate::error::AppError;

use super::*;

fn file_message(err: StorageError) -> String {
    match AppError::from(err) {
        AppError::Validation(fields) => {
            assert_eq!(fields.keys().collect::<Vec<_>>(), ["file"]);
            fields["file"].clone()
        }
        other => panic!("expected a validation error on `file`, got {other:?}"),
    }
}

#[test]
fn size_limits_name_the_kind_and_the_limit() {
    let message = |kind: MediaKind| {
        file_message(StorageError::TooLarge {
            max_bytes: kind.max_bytes(),
        })
    };
    assert_eq!(message(MediaKind::Image), "Images can be at most 10 MB.");
    assert_eq!(message(MediaKind::Video), "Videos can be at most 2 GB.");
    assert_eq!(
        message(MediaKind::Attachment),
        "Attachments can be at most 100 MB."
    );
    assert_eq!(
        file_message(StorageError::TooLarge { max_bytes: 1536 }),
        "This file is too large; it can be at most 1.5 KB."
    );
}

#[test]
fn wrong_types_say_what_the_file_is_and_what_is_allowed() {
    let pdf_as_image = StorageError::UnsupportedType {
        kind: MediaKind::Image,
        detected: Some("application/pdf".into()),
    };
    assert_eq!(
        file_message(pdf_as_image),
        "This file is a PDF; images must be PNG, JPEG, WebP or GIF."
    );
    let svg = file_message(StorageError::UnsupportedType {
        kind: MediaKind::Image,
        detected: Some("image/svg+xml".into()),
    });
    assert!(svg.starts_with("This file is an SVG image"), "{svg}");
    assert_eq!(
        file_message(StorageError::UnsupportedType {
            kind: MediaKind::Video,
            detected: None,
        }),
        "We couldn't recognise this file's type; videos must be MP4, WebM or MOV."
    );
    assert_eq!(
        file_message(StorageError::UnsupportedType {
            kind: MediaKind::Video,
            detected: Some("audio/x-flac".into()),
        }),
        "This file's type (audio/x-flac) isn't accepted; videos must be MP4, WebM or MOV."
    );
}

#[test]
fn missing_objects_are_not_found_and_bad_keys_are_validation_errors() {
    assert_eq!(AppError::from(StorageError::NotFound), AppError::NotFound);
    assert!(matches!(
        AppError::from(StorageError::InvalidKey),
        AppError::Validation(_)
    ));
}

#[test]
fn backend_details_never_reach_the_client() {
    let err = AppError::from(StorageError::Backend(
        "S3 PutObject courses/1/x.png: AccessDenied (request id ABC123)".into(),
    ));
    assert_eq!(err, AppError::Internal);
    let wire = serde_json::to_string(&err).expect("serialize");
    assert!(
        !wire.contains("AccessDenied") && !wire.contains("courses/1"),
        "{wire}"
    );
}

#[test]
fn s3_config_debug_hides_the_secret() {
    let config = S3Config {
        bucket: "lectern-media".into(),
        region: "eu-west-1".into(),
        endpoint: None,
        force_path_style: false,
        access_key_id: Some("AKIAEXAMPLE".into()),
        secret_access_key: Some("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into()),
    };
    let printed = format!("{config:?}");
    assert!(printed.contains("lectern-media") && printed.contains("AKIAEXAMPLE"));
    assert!(!printed.contains("wJalrXUtnFEMI"), "{printed}");
}
