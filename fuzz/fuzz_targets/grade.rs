//! Grading, presentation and feedback for arbitrary questions, presentations and responses:
//! never panic; a score is finite and within 0..=max; a fully right response to a valid
//! question (one worth all the points, when it has one) under any real presentation earns
//! full marks.
#![no_main]

use app::quiz::{describe_response, feedback, grade, present, presentation, validate};
use arbitrary::Unstructured;
use lectern_fuzz::build;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    // Feedback and presentation render markdown (fuzzed on its own): one input in four.
    let render = u.ratio(1, 4).unwrap_or(false);
    let Ok(question) = build::question(&mut u) else {
        return;
    };
    // A real layout from the engine (next() drawn from the input), or an arbitrary one.
    let real = u.arbitrary::<bool>().unwrap_or(true);
    let layout = if real {
        let shuffle = u.arbitrary().unwrap_or(true);
        presentation(&question, shuffle, &mut |n| {
            u.arbitrary::<u32>().map_or(0, |r| r % n.max(1))
        })
    } else {
        build::presentation(&mut u).unwrap_or_default()
    };
    let response = if u.arbitrary().unwrap_or(false) {
        None
    } else {
        build::response(&mut u).ok()
    };

    let graded = grade(&question, &layout, response.as_ref());
    assert!(graded.max.is_finite() && graded.max >= 0.0, "{graded:?}");
    assert!(
        graded.score.is_finite() && (0.0..=graded.max).contains(&graded.score),
        "{graded:?} for {question:?} {layout:?} {response:?}"
    );
    if question.points.is_finite() && question.points > 0.0 {
        assert_eq!(graded.max, question.points);
    }
    if render {
        let shown = feedback(&question, &layout, response.as_ref());
        assert_eq!(shown.score.to_bits(), graded.score.to_bits());
        let _ = present(&question, &layout);
    }
    if let Some(r) = &response {
        let _ = describe_response(&question, &layout, r);
    }
    let _ = app::quiz::excerpt(&question);

    if real {
        let mut sorted = layout.order.clone();
        sorted.sort_unstable();
        assert!(
            sorted.iter().enumerate().all(|(i, o)| i as u32 == *o),
            "not a permutation: {layout:?}"
        );
        if validate(&question).is_ok() {
            // A valid question may have no full-credit answer (credits all below 100%).
            if let Some(right) = build::right_response(&question, &layout) {
                let full = grade(&question, &layout, Some(&right));
                assert!(
                    full.is_correct(),
                    "{full:?} for the right answer {right:?} to {question:?} under {layout:?}"
                );
            }
        }
    }
});
