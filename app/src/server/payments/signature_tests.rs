use super::*;

const SECRET: &str = "whsec_test_secret";
const BODY: &[u8] = br#"{"id":"evt_1","type":"checkout.session.completed"}"#;
const NOW: i64 = 1_700_000_000;

/// HMAC-SHA256 of "1700000000.{BODY}" keyed with SECRET, computed independently with Python:
/// `hmac.new(b"whsec_test_secret", b"1700000000." + body, hashlib.sha256).hexdigest()`.
const PYTHON_V1: &str = include_str!("signature_vector.txt");

#[test]
fn accepts_a_signature_computed_independently() {
    let header = format!("t={NOW},v1={}", PYTHON_V1.trim());
    assert_eq!(verify(&header, BODY, SECRET, NOW), Ok(()));
    assert_eq!(sign(BODY, SECRET, NOW), header);
}

#[test]
fn accepts_any_matching_v1_among_several() {
    let good = sign(BODY, SECRET, NOW);
    let good_v1 = good.split_once(",v1=").map(|(_, v)| v).unwrap_or_default();
    let other = sign(BODY, "whsec_old_secret", NOW);
    let other_v1 = other.split_once(",v1=").map(|(_, v)| v).unwrap_or_default();
    let header = format!("t={NOW},v1={other_v1},v0=abc,v1={good_v1}");
    assert_eq!(verify(&header, BODY, SECRET, NOW), Ok(()));
    let header = format!("t={NOW},v1={good_v1},v1={other_v1}");
    assert_eq!(verify(&header, BODY, SECRET, NOW), Ok(()));
}

#[test]
fn refuses_a_tampered_body_or_another_secret() {
    let header = sign(BODY, SECRET, NOW);
    let tampered = br#"{"id":"evt_1","type":"checkout.session.completed "}"#;
    assert_eq!(
        verify(&header, tampered, SECRET, NOW),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify(&header, BODY, "whsec_other", NOW),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn refuses_old_and_future_timestamps_beyond_five_minutes() {
    let header = sign(BODY, SECRET, NOW);
    assert_eq!(verify(&header, BODY, SECRET, NOW + 300), Ok(()));
    assert_eq!(verify(&header, BODY, SECRET, NOW - 300), Ok(()));
    assert_eq!(
        verify(&header, BODY, SECRET, NOW + 301),
        Err(SignatureError::Stale)
    );
    assert_eq!(
        verify(&header, BODY, SECRET, NOW - 301),
        Err(SignatureError::Stale)
    );
}

#[test]
fn refuses_a_stale_signature_even_when_it_matches_and_a_retimed_one() {
    // Moving the timestamp forward without re-signing breaks the signature.
    let header = sign(BODY, SECRET, NOW - 3_600);
    assert_eq!(
        verify(&header, BODY, SECRET, NOW),
        Err(SignatureError::Stale)
    );
    let retimed = header.replace(&format!("t={}", NOW - 3_600), &format!("t={NOW}"));
    assert_eq!(
        verify(&retimed, BODY, SECRET, NOW),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn refuses_malformed_headers() {
    for header in [
        "",
        "t=abc,v1=00",
        &format!("v1={}", "0".repeat(64)),
        &format!("t={NOW}"),
        &format!("t={NOW},v0={}", "0".repeat(64)),
        &format!("t={NOW},v1=not-hex"),
    ] {
        assert_eq!(
            verify(header, BODY, SECRET, NOW),
            Err(SignatureError::Malformed),
            "{header:?}"
        );
    }
}
