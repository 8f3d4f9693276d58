//! Reordering the curriculum in the editor: pure moves on a [`CurriculumOrder`], sent to the
//! server whole (which checks it names every section and lesson exactly once).

use crate::models::CurriculumOrder;

/// Where a lesson is: (section index, lesson index).
fn locate(order: &CurriculumOrder, lesson_id: i64) -> Option<(usize, usize)> {
    order.sections.iter().enumerate().find_map(|(s, section)| {
        section
            .lessons
            .iter()
            .position(|l| *l == lesson_id)
            .map(|l| (s, l))
    })
}

/// Moves a lesson one place up (`-1`) or down (`1`), across section boundaries.
pub(crate) fn move_lesson(order: &mut CurriculumOrder, lesson_id: i64, step: i32) -> bool {
    let Some((s, l)) = locate(order, lesson_id) else {
        return false;
    };
    let sections = &mut order.sections;
    match step {
        -1 if l > 0 => sections[s].lessons.swap(l, l - 1),
        -1 if s > 0 => {
            let id = sections[s].lessons.remove(l);
            sections[s - 1].lessons.push(id);
        }
        1 if l + 1 < sections[s].lessons.len() => sections[s].lessons.swap(l, l + 1),
        1 if s + 1 < sections.len() => {
            let id = sections[s].lessons.remove(l);
            sections[s + 1].lessons.insert(0, id);
        }
        _ => return false,
    }
    true
}

/// Moves a lesson to just before `before` (or to the end of section `section_index`).
pub(crate) fn drop_lesson(
    order: &mut CurriculumOrder,
    lesson_id: i64,
    section_index: usize,
    before: Option<i64>,
) -> bool {
    if before == Some(lesson_id) || section_index >= order.sections.len() {
        return false;
    }
    let Some((s, l)) = locate(order, lesson_id) else {
        return false;
    };
    let id = order.sections[s].lessons.remove(l);
    let target = &mut order.sections[section_index].lessons;
    let at = before
        .and_then(|b| target.iter().position(|x| *x == b))
        .unwrap_or(target.len());
    target.insert(at, id);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::SectionOrder;

    fn order() -> CurriculumOrder {
        CurriculumOrder {
            sections: vec![
                SectionOrder {
                    id: 1,
                    lessons: vec![10, 11],
                },
                SectionOrder {
                    id: 2,
                    lessons: vec![20],
                },
            ],
        }
    }

    #[test]
    fn lessons_move_within_and_across_sections() {
        let mut o = order();
        assert!(move_lesson(&mut o, 11, -1));
        assert_eq!(o.sections[0].lessons, vec![11, 10]);
        assert!(
            move_lesson(&mut o, 10, 1),
            "last of a section moves into the next"
        );
        assert_eq!(o.sections[0].lessons, vec![11]);
        assert_eq!(o.sections[1].lessons, vec![10, 20]);
        assert!(
            move_lesson(&mut o, 10, -1),
            "first of a section moves into the previous"
        );
        assert_eq!(o.sections[0].lessons, vec![11, 10]);
        assert!(!move_lesson(&mut o, 11, -1), "the very first cannot go up");
        assert!(!move_lesson(&mut o, 20, 1), "the very last cannot go down");
        assert!(!move_lesson(&mut o, 99, 1));
    }

    #[test]
    fn drops_land_before_the_target_or_at_the_end() {
        let mut o = order();
        assert!(drop_lesson(&mut o, 20, 0, Some(10)));
        assert_eq!(o.sections[0].lessons, vec![20, 10, 11]);
        assert!(drop_lesson(&mut o, 10, 1, None));
        assert_eq!(o.sections[1].lessons, vec![10]);
        assert!(
            !drop_lesson(&mut o, 10, 1, Some(10)),
            "onto itself changes nothing"
        );
        assert!(!drop_lesson(&mut o, 10, 7, None));
    }
}
